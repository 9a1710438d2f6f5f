"""What agency reports on child deaths have waiting for a person, for their home page. Each
function reads in a constant number of queries and only the partnership asked about.

- an agency lead: each report their agency still has to write ("Child death reports to
  write"), due the date it was asked for by; named by the death's reference, never the child;
- the child death review manager: each report overdue, with a reminder to send and when one was
  last sent ("Child death reports overdue"), counted in the returns overdue by agency."""

import datetime as dt

from assure.accounts.models import User
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.notifications.selectors import last_reminded
from assure.partnerships.models import Partnership

from .models import AgencyReport, ChildDeath, PanelPartnership
from .permissions import can_manage_cases
from .selectors.panels import panels_of
from .selectors.reports import reports_mine
from .services.reports import report_leads

REPORTS_TO_WRITE = "cdop.reports_to_write"
REPORTS_OVERDUE = "cdop.reports_overdue"


def reports_to_write(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For an agency lead: each report their agency still has to write."""
    reports = list(reports_mine(user=user, partnership=partnership).filter(AgencyReport.OUTSTANDING))
    return [
        WaitingItem(
            kind=REPORTS_TO_WRITE,
            title=f"Child death {r.death.reference}: {r.agency}'s report",
            url=partnership_url("cdop:report_answer", partnership, pk=r.pk),
            due=r.due_on,
            detail=f"Your reference {r.agency_reference}" if r.agency_reference else "",
            agency=r.agency.name,
            overdue=r.due_on < today,
        )
        for r in reports
    ]


def reports_overdue(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the manager: each report past its due date and not submitted, on an open death."""
    if not can_manage_cases(user=user, partnership=partnership):
        return []
    panel_ids = list(panels_of(partnership=partnership).filter(host=partnership).values_list("pk", flat=True))
    reports = list(
        AgencyReport.objects.filter(AgencyReport.OUTSTANDING, due_on__lt=today, death__panel_id__in=panel_ids)
        .filter(death__status__in=[ChildDeath.Status.NOTIFIED, ChildDeath.Status.PAUSED])
        .select_related("death", "agency")
        .order_by("due_on", "death__reference", "agency__name")
    )
    if not reports:
        return []
    # An agency's leads may act for it in any partnership of the panel.
    joined = set(
        PanelPartnership.objects.filter(panel_id__in=panel_ids, status=PanelPartnership.Status.JOINED).values_list(
            "partnership_id", flat=True
        )
    )
    leads = report_leads(partnership_ids=joined)
    reminded = last_reminded(model=AgencyReport, ids=[r.pk for r in reports])
    items = []
    for r in reports:
        who = any(leads.get((pid, r.agency_id)) for pid in joined)
        items.append(
            WaitingItem(
                kind=REPORTS_OVERDUE,
                title=f"Child death {r.death.reference}: {r.agency}'s report",
                url=partnership_url("cdop:report_detail", partnership, pk=r.pk),
                due=r.due_on,
                agency=r.agency.name,
                overdue=True,
                returns_overdue=True,
                flag="" if who else "No agency lead with an account to answer it",
                remind_url=partnership_url("cdop:report_remind", partnership, pk=r.pk),
                last_reminded=reminded.get(str(r.pk)),
            )
        )
    return items


def reports_waiting(*, user: User, partnership: Partnership) -> str | None:
    """The menu's phrase for "Child death reports": how many the person's agency still owes."""
    count = reports_mine(user=user, partnership=partnership).filter(AgencyReport.OUTSTANDING).count()
    return f"{count} to write" if count else None
