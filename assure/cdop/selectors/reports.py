"""Agency reports on a child's death: those an agency lead's agency has been asked for (named by
the death's reference, age band and date of death, never the child's name), those a panel member
or the manager may read (with the ``cdop`` grant), and the reports part of a death's page. Given
the user, keyword-only, scoped to the partnership."""

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone

from assure.accounts.permissions import agencies_of
from assure.core.navigation import partnership_url
from assure.library.selectors import current_items

from ..models import AgencyReport, ChildDeath
from ..permissions import can_manage_cases, can_read_cases, can_write_reports
from .panels import deaths_visible_to, panels_of


def age_band_of(death: ChildDeath) -> str:
    """The title of the library's age band the child died in ("1 to 4 years")."""
    days = death.age_in_days
    born, died = death.date_of_birth, death.date_of_death
    years = died.year - born.year - ((died.month, died.day) < (born.month, born.day))
    for item in current_items(kind="cdop-age-band"):
        data = item.data
        age = days if data.get("unit") == "days" else years
        if data.get("unit") == "years" and days < 365:
            continue
        if data.get("start", 0) <= age <= data.get("end", 0):
            return item.title
    return ""


def _outstanding_first(queryset: QuerySet[AgencyReport]) -> QuerySet[AgencyReport]:
    return queryset.annotate(
        waiting=Case(
            When(AgencyReport.OUTSTANDING, then=Value(0)),
            When(status=AgencyReport.Status.SUBMITTED, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("waiting", "due_on", "death__reference", "agency__name")


def reports_mine(*, user, partnership) -> QuerySet[AgencyReport]:
    """The reports asked of the user's agencies on the deaths of the partnership's panels,
    outstanding first, then by due date."""
    if not can_write_reports(user=user, partnership=partnership):
        return AgencyReport.objects.none()
    agencies = list(agencies_of(user=user, partnership=partnership))
    if not agencies:
        return AgencyReport.objects.none()
    panel_ids = list(panels_of(partnership=partnership).values_list("pk", flat=True))
    return _outstanding_first(
        AgencyReport.objects.filter(agency_id__in=agencies, death__panel_id__in=panel_ids).select_related(
            "death", "agency", "response"
        )
    )


def report_for_lead(*, user, partnership, pk) -> AgencyReport | None:
    """The report ``pk`` when it was asked of one of the user's agencies, else None."""
    if not str(pk).isdigit():
        return None
    return reports_mine(user=user, partnership=partnership).filter(pk=int(pk)).first()


def reports_readable(*, user, partnership) -> QuerySet[AgencyReport]:
    """The reports on the deaths the user may read (panel role and grant)."""
    if not can_read_cases(user=user, partnership=partnership):
        return AgencyReport.objects.none()
    deaths = deaths_visible_to(user=user, partnership=partnership).values("pk")
    return AgencyReport.objects.filter(death__in=deaths).select_related("death", "agency", "response", "death__panel")


def report_for_reader(*, user, partnership, pk) -> AgencyReport | None:
    if not str(pk).isdigit():
        return None
    return reports_readable(user=user, partnership=partnership).filter(pk=int(pk)).first()


def reports_of_death(*, user, partnership, death: ChildDeath) -> list[AgencyReport]:
    return list(
        _outstanding_first(reports_readable(user=user, partnership=partnership).filter(death=death)).select_related(
            "agency"
        )
    )


def reports_for_death_page(*, user, partnership, death) -> dict:
    """The context of ``cdop/_death_reports.html`` on a death's page: the death's reports with
    their status, due date and whether overdue, and the buttons the user may press."""
    today = timezone.localdate()
    manager = can_manage_cases(user=user, partnership=partnership)
    rows = []
    for report in reports_of_death(user=user, partnership=partnership, death=death):
        rows.append(
            {
                "report": report,
                "overdue": report.is_outstanding and report.due_on < today,
                "detail_url": partnership_url("cdop:report_detail", partnership, pk=report.pk),
                "remind_url": partnership_url("cdop:report_remind", partnership, pk=report.pk)
                if manager and report.is_outstanding
                else "",
                "withdraw_url": partnership_url("cdop:report_withdraw", partnership, pk=report.pk)
                if manager and report.is_outstanding
                else "",
            }
        )
    return {
        "report_rows": rows,
        "request_url": partnership_url("cdop:report_request", partnership, pk=death.pk)
        if manager and death.is_open
        else "",
    }
