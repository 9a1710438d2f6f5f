"""The analysis of a cycle: a heat map of agencies by standards (self and moderated), compliance
by standard, agency type and sector, the self-versus-moderated gap, the comparison between the
cycle's partnerships and with the previous cycle. Every table downloads as CSV or XLSX
(``?_export=csv&table=standards``); every chart has its table beside it."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from assure.core.access import requires
from assure.core.navigation import partnership_url
from assure.core.tables import EXPORT_FORMATS, export_response

from ..analysis_tables import all_tables, analysis_charts, heat_cells, heat_key
from ..cache import remembered_part, with_versions
from ..selectors.analysis import cycle_analysis, cycles_to_analyse
from .common import section11_crumbs


@requires("section11.analyse")
def cycles_analysis(request: HttpRequest) -> HttpResponse:
    """The cycles there is an analysis of."""
    partnership = request.partnership
    return render(
        request,
        "section11/analysis/cycles.html",
        {
            "cycles": cycles_to_analyse(user=request.user, partnership=partnership),
            "crumbs": section11_crumbs(
                partnership, ("Analysis", partnership_url("section11:analysis_cycles", partnership))
            ),
        },
    )


ANALYSIS_PAGE = "section11/analysis/analysis.html"


@requires("section11.analyse")
def cycle_analysis_view(request: HttpRequest, pk: int) -> HttpResponse:
    user, partnership = request.user, request.partnership
    cycle = get_object_or_404(with_versions(cycles_to_analyse(user=user, partnership=partnership)), pk=pk)
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS:
        table = all_tables(cycle_analysis(user=user, partnership=partnership, cycle=cycle)).get(
            request.GET.get("table", "")
        )
        if table is None:
            raise Http404("No such table.")
        return export_response(
            headers=table.headers,
            rows=table.rows,
            name=f"section11-{cycle.year}-{table.key}",
            export_format=export_format,
        )

    def analysis_part() -> SafeString:
        analysis = cycle_analysis(user=user, partnership=partnership, cycle=cycle)
        context = {
            "cycle": cycle,
            "analysis": analysis,
            "tables": all_tables(analysis),
            "charts": analysis_charts(analysis),
            "heat_rows": heat_cells(analysis),
            "heat_key": heat_key(analysis),
        }
        return render_to_string(f"{ANALYSIS_PAGE}#analysis-content", context, request)

    # Everything below the page shell is worked out once per change to the cycle (see cache.py).
    content = remembered_part(user=user, partnership=partnership, cycle=cycle, name="analysis", render=analysis_part)
    return render(
        request,
        ANALYSIS_PAGE,
        {
            "cycle": cycle,
            "analysis_content": content,
            "crumbs": section11_crumbs(
                partnership,
                (cycle.title, partnership_url("section11:cycle_detail", partnership, pk=cycle.pk)),
                ("Analysis", partnership_url("section11:analysis", partnership, pk=cycle.pk)),
            ),
        },
    )
