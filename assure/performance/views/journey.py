"""The child's journey for a year: a chart and a table of each step beside the year before."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from assure.core.access import requires
from assure.core.navigation import crumbs, partnership_url

from ..models import Period
from ..selectors.journey import childs_journey, year_asked


@requires("performance.view")
def journey_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    try:
        year = year_asked(request.GET.get("year"))
    except Period.DoesNotExist:
        raise Http404("No such year.") from None
    journey = childs_journey(user=request.user, partnership=partnership, year=year)
    here = partnership_url("performance:journey", partnership)
    return render(
        request,
        "performance/journey/journey.html",
        {"journey": journey, "crumbs": crumbs(partnership, ("The child's journey", here))},
    )
