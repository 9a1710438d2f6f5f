"""The child's journey for a year: a chart and a table of each step beside the year before."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from assure.core.access import requires
from assure.core.navigation import crumbs, partnership_url

from ..cache import figures_version, remembered
from ..models import Period
from ..selectors.journey import childs_journey, year_asked


@requires("performance.view")
def journey_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    try:
        year = year_asked(request.GET.get("year"))
    except Period.DoesNotExist:
        raise Http404("No such year.") from None
    version = figures_version(partnership=partnership)
    journey = childs_journey(user=request.user, partnership=partnership, year=year, version=version)
    # The table takes longer to write out than the journey to fetch: it is kept as written, under
    # the same versions as the figures it shows (the two years it sets side by side name it).
    table = None
    if journey.year is not None:
        years = f"{journey.year.pk}:{journey.previous.pk if journey.previous else 'none'}"
        table = remembered(
            partnership=partnership,
            name=f"journey-table:{years}",
            version=version,
            compute=lambda: render_to_string(
                "performance/journey/_table.html", {"journey": journey, "slug": partnership.slug}
            ),
        )
    here = partnership_url("performance:journey", partnership)
    return render(
        request,
        "performance/journey/journey.html",
        {"journey": journey, "table": table, "crumbs": crumbs(partnership, ("The child's journey", here))},
    )
