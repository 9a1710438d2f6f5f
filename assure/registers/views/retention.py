"""Retention, for the business unit: how long each register keeps its entries, the years kept as
figures only once their entries were deleted, and the log of the retention job's runs. The job
itself runs every day (``registers_retention``); nothing here deletes anything."""

from django.http import HttpRequest, HttpResponse

from assure.core.access import requires
from assure.core.navigation import crumbs
from assure.core.tables import register_response

from ..selectors.retention import retention_by_kind, retention_runs
from ..tables_retention import RunTable

TITLE = "Registers’ retention"


@requires("registers.manage")
def retention(request: HttpRequest) -> HttpResponse:
    partnership, user = request.partnership, request.user
    return register_response(
        request,
        table=RunTable(retention_runs(user=user, partnership=partnership)),
        template="registers/retention.html",
        context={
            "kinds": retention_by_kind(user=user, partnership=partnership),
            "crumbs": crumbs(partnership, (TITLE, None)),
            "full_width": False,
        },
        export_name="registers-retention-runs",
    )
