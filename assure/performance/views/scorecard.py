"""The partnership's scorecard for a period, on screen and as CSV or XLSX."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from assure.core.access import requires
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import EXPORT_FORMATS, export_response, plain_figure

from ..cache import figures_version, remembered
from ..charts import NO_FIGURE
from ..forms.scorecard import ScorecardFilterForm
from ..models import Period
from ..selectors.scorecard import Scorecard, period_asked, scorecard
from ..selectors.scorecard_filters import filter_choices, filter_query, scorecard_filtered, scorecard_summary

DIRECTION_WORDS = {"improving": "Improving", "worsening": "Worsening", "no_change": "No change"}
RAG_WORDS = {"green": "Green", "amber": "Amber", "red": "Red"}


def asked_period(request: HttpRequest) -> Period | None:
    """The period ``?period=`` names (a Period id or label); 404 for one that does not exist."""
    try:
        return period_asked(request.GET.get("period"))
    except Period.DoesNotExist:
        raise Http404("No such period.") from None


def _export_rows(card: Scorecard) -> tuple[list[str], list[list]]:
    headers = [
        "Priority",
        "Indicator code",
        "Indicator",
        "Period",
        "Figure",
        "Source",
        "Previous period",
        "Previous figure",
        "Direction of travel",
        "Target",
        "RAG",
        "Local figure (computed, or agency returns, provisional)",
        "Returned figure, beside a computed one",
        "Returned figure's source",
        "Published year",
        "Published figure (DfE)",
        "England",
        "Region",
        "Statistical neighbours' mean",
        "Quartile band",
        "Rank among local authorities",
        "Owner agency",
    ]
    rows = []
    for section in card.sections:
        for row in section.rows:
            benchmark = row.benchmark
            rows.append(
                [
                    section.title,
                    row.code,
                    row.title,
                    card.period.label if card.period else "",
                    plain_figure(row.value),
                    row.value_source,
                    row.previous_label,
                    plain_figure(row.previous),
                    DIRECTION_WORDS.get(row.direction, ""),
                    plain_figure(row.target),
                    RAG_WORDS.get(row.rag, ""),
                    plain_figure(row.local.value) if row.local else "",
                    plain_figure(row.returned.value) if row.returned else "",
                    row.returned.source if row.returned else "",
                    row.published_year if row.published else "",
                    plain_figure(row.published[0]) if row.published else "",
                    plain_figure(benchmark.england) if benchmark else "",
                    plain_figure(benchmark.region) if benchmark else "",
                    plain_figure(benchmark.neighbours_mean) if benchmark else "",
                    (benchmark.quartile_band or "") if benchmark else "",
                    (benchmark.rank or "") if benchmark else "",
                    row.owner_agency,
                ]
            )
    return headers, rows


@requires("performance.view")
def scorecard_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    version = figures_version(partnership=partnership)
    card = scorecard(user=request.user, partnership=partnership, period=asked_period(request), version=version)
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS:
        headers, rows = _export_rows(card)
        label = card.period.label.replace(" ", "-") if card.period else "no-period"
        return export_response(headers=headers, rows=rows, name=f"scorecard-{label}", export_format=export_format)
    form = ScorecardFilterForm(request.GET, choices=filter_choices(card))
    filters = form.filters()
    shown = scorecard_filtered(card, filters)
    period_pk = card.period.pk if card.period else None
    # A hundred lines take longer to write out than to fetch: the tables are kept as written,
    # under the same versions as the figures they show (one entry for each filtering asked for).
    sections = remembered(
        partnership=partnership,
        name=f"scorecard-tables:{period_pk or 'none'}:{filters.key()}",
        version=version,
        compute=lambda: render_to_string(
            "performance/scorecard/_sections.html", {"card": shown, "slug": partnership.slug, "no_figure": NO_FIGURE}
        ),
    )
    here = partnership_url("performance:scorecard", partnership)
    return render(
        request,
        "performance/scorecard/scorecard.html",
        {
            "card": card,
            "shown": shown,
            "summary": scorecard_summary(card),
            "form": form,
            "filters": filters,
            "red_only": filter_query(period=period_pk, rating="red"),
            "all_lines": filter_query(period=period_pk),
            "sections": mark_safe(sections),  # noqa: S308 - written by our own template just above
            "slug": partnership.slug,
            "crumbs": crumbs(partnership, ("Scorecard", here)),
        },
    )
