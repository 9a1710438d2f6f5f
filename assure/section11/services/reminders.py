"""Reminders: e-mail the agency leads of returns not yet submitted when the deadline is near,
at most once a day per return, and list what is overdue."""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import Membership
from assure.audit.services import event_record

from ..models import Cycle, Return

# Counts only: names and addresses never go to the log.
logger = logging.getLogger(__name__)


@dataclass
class ReminderRun:
    reminded: list[Return] = field(default_factory=list)
    emails: int = 0
    overdue: list[Return] = field(default_factory=list)


def _leads(return_record: Return) -> list[str]:
    """E-mail addresses of the agency's leads in the partnerships of the cycle."""
    return sorted(
        set(
            Membership.objects.filter(
                agency=return_record.agency,
                role="agency-lead",
                is_active=True,
                partnership__in=return_record.cycle.partnerships.all(),
                user__is_active=True,
            )
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


def _message(return_record: Return) -> tuple[str, str]:
    cycle = return_record.cycle
    subject = f"Reminder: Section 11 return for {cycle.title} is due on {cycle.deadline:%-d %B %Y}"
    body = (
        f"The Section 11 self-assessment of {return_record.agency} for “{cycle.title}” has not been submitted yet.\n\n"
        f"The deadline is {cycle.deadline:%-d %B %Y}. Sign in to Assure to complete and submit the return; "
        "each criterion saves as you go.\n"
    )
    return subject, body


def reminders_send(*, today: dt.date | None = None) -> ReminderRun:
    """Remind every open cycle's returns not yet submitted whose deadline is within the cycle's
    reminder days (and not passed), unless reminded already today; list returns overdue."""
    today = today or timezone.localdate()
    run = ReminderRun()
    returns = Return.objects.filter(status__in=Return.EDITABLE, cycle__status=Cycle.Status.OPEN).select_related(
        "cycle", "agency"
    )
    for return_record in returns:
        cycle = return_record.cycle
        if cycle.deadline < today:
            run.overdue.append(return_record)
            continue
        if (cycle.deadline - today).days > cycle.reminder_days:
            continue
        if return_record.reminded_at and timezone.localdate(return_record.reminded_at) >= today:
            continue
        recipients = _leads(return_record)
        if not recipients:
            continue
        subject, body = _message(return_record)
        with transaction.atomic():
            # One message per lead: no lead sees another's address.
            for address in recipients:
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
            return_record.reminded_at = timezone.now()
            return_record.save(update_fields=["reminded_at"])
            event_record(
                actor=None,
                verb="section11.reminder_sent",
                target=return_record,
                partnership=cycle.lead_partnership,
                summary=f"Section 11 reminder sent: {return_record}",
                data={"recipients": len(recipients)},
            )
        run.reminded.append(return_record)
        run.emails += len(recipients)
    logger.info("Section 11 reminders: %s returns reminded, %s overdue", len(run.reminded), len(run.overdue))
    return run
