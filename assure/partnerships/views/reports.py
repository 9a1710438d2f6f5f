from django.http import HttpRequest, HttpResponse

from assure.core.access import requires
from assure.core.navigation import crumbs
from assure.core.tables import register_response

from ..filters import AttendanceReportForm
from ..selectors import BOARD, attendance_by_agency, subgroups_of
from ..tables import AttendanceReportTable


@requires("partnerships.view")
def attendance_report(request: HttpRequest) -> HttpResponse:
    """Attendance by agency and financial year, for the board, one subgroup or every meeting."""
    partnership = request.partnership
    form = AttendanceReportForm(request.GET, user=request.user, partnership=partnership)
    year, body, body_name = None, None, "the board and every subgroup"
    if form.is_valid():
        year = form.cleaned_data["year"] or None
        chosen = form.cleaned_data["body"]
        if chosen == BOARD:
            body, body_name = BOARD, "the board"
        elif chosen:
            body = subgroups_of(user=request.user, partnership=partnership).get(pk=chosen)
            body_name = body.name
    rows = attendance_by_agency(user=request.user, partnership=partnership, year=year, subgroup=body)
    export_name = "attendance" + (f"-{year}" if year else "")
    return register_response(
        request,
        table=AttendanceReportTable(rows),
        template="partnerships/attendance_report.html",
        context={"form": form, "year": year, "body_name": body_name, "crumbs": crumbs(partnership)},
        export_name=export_name,
    )
