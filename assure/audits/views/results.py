"""The results of case-file audits: files audited and their grades, grades over time by term,
"% yes" to each yes-no question by term, and the findings with the actions they raised, narrowed by
programme year, term, theme and agency; each table downloads as CSV or XLSX."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from assure.core.access import requires

from ..permissions import can_manage_audits, is_audit_scoped
from ..selectors.results import audit_results, filter_choices, read_filters
from .findings import audit_crumbs


@requires("audits.view")
def results(request: HttpRequest) -> HttpResponse:
    user, partnership = request.user, request.partnership
    choices = filter_choices(user=user, partnership=partnership)
    filters = read_filters(choices=choices, query=request.GET)
    found = audit_results(user=user, partnership=partnership, filters=filters)
    export = request.GET.get("_export", "")
    if export in ("csv", "xlsx"):
        response = found.export(
            request.GET.get("table", ""), export_format=export, name=f"{partnership.slug}-audit-results"
        )
        if response is None:
            raise Http404
        return response
    query = request.GET.copy()
    query.pop("_export", None)
    query.pop("table", None)
    return render(
        request,
        "audits/results/results.html",
        {
            "results": found,
            "choices": choices,
            "filters": filters,
            "query": query.urlencode(),
            "agency_scoped": is_audit_scoped(user=user, partnership=partnership),
            "may_commission": can_manage_audits(user=user, partnership=partnership),
            "crumbs": audit_crumbs(partnership, None, ("Results", None)),
        },
    )
