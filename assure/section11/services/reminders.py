"""Reminders: e-mail the agency leads of returns not yet submitted when the deadline is near,
at most once a day per return, and list what is overdue."""

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from assure.accounts.models import Membership
from assure.audit.services import event_record

from ..cache import bump_cycle
from ..models import Cycle, Return

# Counts only: names and addresses never go to the log.
logger = logging.getLogger(__name__)


@dataclass
class ReminderRun:
    reminded: list[Return] = field(default_factory=list)
    emails: int = 0
    overdue: list[Return] = field(default_factory=list)


def _leads(returns: list[Return]) -> dict[int, list[str]]:
    """Return id → e-mail addresses of the agency's leads in the partnerships of the return's
    cycle (whose partnerships come prefetched). One query, however many returns."""
    partnerships = {r.pk: {p.pk for p in r.cycle.partnerships.all()} for r in returns}
    memberships = (
        Membership.objects.filter(
            agency_id__in={r.agency_id for r in returns},
            role="agency-lead",
            is_active=True,
            partnership_id__in=set().union(*partnerships.values()),
            user__is_active=True,
        )
        .exclude(user__email="")
        .values_list("agency_id", "partnership_id", "user__email")
    )
    by_agency: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for agency_id, partnership_id, email in memberships:
        by_agency[agency_id].append((partnership_id, email))
    return {
        r.pk: sorted(
            {email for partnership_id, email in by_agency[r.agency_id] if partnership_id in partnerships[r.pk]}
        )
        for r in returns
    }


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
    still_open = Return.objects.filter(status__in=Return.EDITABLE, cycle__status=Cycle.Status.OPEN).select_related(
        "cycle__lead_partnership", "agency"
    )
    run.overdue = list(still_open.filter(Return.overdue_q(today)))
    not_reminded_today = Q(reminded_at__isnull=True) | Q(reminded_at__date__lt=today)
    candidates = still_open.filter(not_reminded_today, cycle__deadline__gte=today).prefetch_related(
        "cycle__partnerships"
    )
    # How near the deadline is near is each cycle's own setting.
    due = [r for r in candidates if (r.cycle.deadline - today).days <= r.cycle.reminder_days]
    leads = _leads(due)
    for return_record in due:
        cycle = return_record.cycle
        recipients = leads[return_record.pk]
        if not recipients:
            continue
        subject, body = _message(return_record)
        with transaction.atomic():
            # One message per lead: no lead sees another's address.
            for address in recipients:
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
            return_record.reminded_at = timezone.now()
            return_record.save(update_fields=["reminded_at"])
            bump_cycle(return_record.cycle_id)  # the cycle's page shows when each was reminded
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
