"""The indicator catalogue: every indicator the partnership can use, filterable and exportable."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from assure.accounts.permissions import has_permission
from assure.core.access import requires
from assure.core.tables import register_response
from assure.partnerships.views.common import crumbs

from ..filters_catalogue import IndicatorFilter
from ..selectors.catalogue import catalogue_indicators, indicator_themes
from ..tables_catalogue import IndicatorTable


@requires("performance.view")
def catalogue(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    filterset = IndicatorFilter(request.GET, queryset=catalogue_indicators(user=request.user, partnership=partnership))
    here = reverse("performance:catalogue", kwargs={"partnership": partnership.slug})
    return register_response(
        request,
        table=IndicatorTable(filterset.qs, partnership=partnership, themes=indicator_themes()),
        template="performance/catalogue/catalogue.html",
        context={
            "may_manage": has_permission(request.user, "performance.manage", partnership),
            "crumbs": crumbs(partnership, ("Indicators", here)),
        },
        export_name="indicators",
        filterset=filterset,
    )
