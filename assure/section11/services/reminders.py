"""Reminders of returns not handed in: the business unit's "Send a reminder", and the returns the
daily reminders consider (``reminders_due``, registered as the library rule "section11-return";
the cycle's own reminder days say how long before the deadline). Both are sent and recorded by
``assure.notifications.services.reminder_send``: at most once a day for each return, and the
cycle's page shows when each was last reminded."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.core.navigation import partnership_url
from assure.notifications.models import Reminder
from assure.notifications.reminders import ReminderDue
from assure.notifications.services import reminder_send
from assure.partnerships.models import Partnership

from ..cache import bump_cycle
from ..models import Cycle, Return
from ..permissions import may_remind
from ..selectors.recipients import return_leads

KIND = "section11.return_reminder"


def reminder_message(return_record: Return, *, today: dt.date) -> tuple[str, str]:
    """The subject and body of a reminder of the return (no personal data: the agency and the cycle)."""
    cycle = return_record.cycle
    deadline = f"{cycle.deadline:%-d %B %Y}"
    if cycle.deadline < today:
        subject = f"Overdue: Section 11 return for {cycle.title} was due on {deadline}"
        opening = f"The Section 11 self-assessment of {return_record.agency} for “{cycle.title}” is overdue."
    else:
        subject = f"Reminder: Section 11 return for {cycle.title} is due on {deadline}"
        opening = (
            f"The Section 11 self-assessment of {return_record.agency} for “{cycle.title}” has not been submitted yet."
        )
    body = (
        f"{opening}\n\nThe deadline is {deadline}. Complete and submit the return in Assure; each criterion "
        "saves as you go.\n"
    )
    return subject, body


@transaction.atomic
def return_remind(
    *, actor: User, partnership: Partnership, return_record: Return, today: dt.date | None = None
) -> Reminder | None:
    """Remind the agency's leads in the partnership of a return not handed in, now. Returns the
    reminder recorded, or None when the return was reminded already today (nothing is sent).
    Raises PermissionDenied unless the actor may chase it, ValidationError when nobody at the
    agency could be reminded."""
    if not may_remind(user=actor, partnership=partnership, return_record=return_record):
        raise PermissionDenied("Only the business unit can chase a return, while it is not handed in.")
    today = today or timezone.localdate()
    leads = return_leads([return_record], partnerships=[partnership])[return_record.pk].get(partnership, [])
    if not leads:
        raise ValidationError(
            f"Nobody at {return_record.agency} can be reminded: invite an agency lead for it first.", code="nobody"
        )
    subject, body = reminder_message(return_record, today=today)
    reminder = reminder_send(
        actor=actor,
        target=return_record,
        partnership=partnership,
        recipients=leads,
        subject=subject,
        body=body,
        path=partnership_url("section11:return_detail", partnership, pk=return_record.pk),
        kind=KIND,
        today=today,
    )
    if reminder is not None:
        bump_cycle(return_record.cycle_id)  # the cycle's page shows when each return was last reminded
    return reminder


def reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """Every return of an open cycle not handed in, with the agency's leads to remind and the
    cycle's own reminder days: the daily reminders decide which are due today. The link goes to
    the return in the cycle's lead partnership where the agency has leads there, otherwise in the
    first partnership where it has. A constant number of queries, however many returns."""
    returns = list(
        Return.objects.filter(status__in=Return.EDITABLE, cycle__status=Cycle.Status.OPEN)
        .select_related("cycle__lead_partnership", "agency")
        .prefetch_related("cycle__partnerships")
        .order_by("cycle__deadline", "pk")
    )
    leads = return_leads(returns)
    due = []
    for return_record in returns:
        groups = leads[return_record.pk]
        if not groups:
            continue  # nobody to remind: the business unit's list flags the agency
        lead_partnership = return_record.cycle.lead_partnership
        partnership = lead_partnership if lead_partnership in groups else next(iter(groups))
        subject, body = reminder_message(return_record, today=today)
        due.append(
            ReminderDue(
                target=return_record,
                partnership=partnership,
                recipients=[person for people in groups.values() for person in people],
                deadline=return_record.cycle.deadline,
                subject=subject,
                body=body,
                path=partnership_url("section11:return_detail", partnership, pk=return_record.pk),
                kind=KIND,
                before_days=(return_record.cycle.reminder_days,),
            )
        )
    return due
