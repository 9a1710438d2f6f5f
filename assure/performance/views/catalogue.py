"""The indicator catalogue: every indicator the partnership can use, filterable and exportable."""

from django.http import HttpRequest, HttpResponse

from assure.core.access import requires
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import register_response

from ..filters_catalogue import IndicatorFilter
from ..permissions import can_manage_performance
from ..selectors.catalogue import catalogue_indicators, indicator_themes
from ..tables_catalogue import IndicatorTable


@requires("performance.view")
def catalogue(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    filterset = IndicatorFilter(request.GET, queryset=catalogue_indicators(user=request.user, partnership=partnership))
    here = partnership_url("performance:catalogue", partnership)
    return register_response(
        request,
        table=IndicatorTable(filterset.qs, partnership=partnership, themes=indicator_themes()),
        template="performance/catalogue/catalogue.html",
        context={
            "may_manage": can_manage_performance(user=request.user, partnership=partnership),
            "crumbs": crumbs(partnership, ("Indicators", here)),
        },
        export_name="indicators",
        filterset=filterset,
    )
