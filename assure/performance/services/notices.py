"""What data returns ask of people by e-mail, each with a link to the return: an agency asked for
figures in a round, a return sent back for correction, and reminders of a return not yet
submitted (the business unit's "Send a reminder", and the scheduled ones of the library's
``data-return`` rule). Every message goes to the return's agency leads through
``assure.notifications``; nothing here writes a log line naming anyone."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.core.navigation import partnership_url
from assure.notifications.models import Reminder
from assure.notifications.reminders import ReminderDue
from assure.notifications.services import notify, reminder_send

from ..models import DataReturn
from ..permissions import can_remind_returns
from ..selectors.returns import WITH_AGENCY
from ..selectors.waiting import return_leads

REQUESTED = "performance.return_requested"
SENT_BACK = "performance.return_sent_back"
REMINDER = "performance.return_reminder"


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def _path(data_return: DataReturn) -> str:
    return partnership_url("performance:return_detail", data_return.round.partnership, pk=data_return.pk)


def _figures(count: int) -> str:
    return f"{count} figure{'s' if count != 1 else ''}"


def returns_requested_notify(*, requested: Iterable[tuple[DataReturn, int]], today: dt.date | None = None) -> None:
    """Tell each agency's leads that their agency is asked for figures in a round: one e-mail a
    lead for each return, naming the period, how many figures and the deadline. Called by the
    services that make a return (an agency first asked for figures in a round)."""
    requested = list(requested)
    if not requested:
        return
    today = today or timezone.localdate()
    leads = return_leads(returns=[data_return for data_return, _ in requested])
    for data_return, count in requested:
        round = data_return.round
        partnership = round.partnership
        opens = f"The round opens on {_day(round.opens_on)}. " if round.opens_on > today else ""
        notify(
            recipients=leads[data_return.pk],
            partnership=partnership,
            kind=REQUESTED,
            subject=f"Data return for {round.period}: {data_return.agency} is asked for figures",
            body=(
                f"{partnership.short_name or partnership} asks {data_return.agency} for {_figures(count)} for "
                f"{round.period}, by {_day(round.deadline)}.\n\n{opens}Enter the figures in the return (or "
                "download its template, fill it in and upload it), then submit the return."
            ),
            path=_path(data_return),
            target=data_return,
        )


def return_sent_back_notify(*, data_return: DataReturn) -> None:
    """Tell the agency's leads that their return was sent back, with what to correct."""
    round = data_return.round
    notify(
        recipients=return_leads(returns=[data_return])[data_return.pk],
        partnership=round.partnership,
        kind=SENT_BACK,
        subject=f"Data return for {round.period}: sent back to {data_return.agency} for correction",
        body=(
            f"{round.partnership.short_name or round.partnership} has sent {data_return.agency}'s return for "
            f"{round.period} back for correction.\n\nWhat to correct:\n{data_return.returned_reason}\n\n"
            "Correct the figures and submit the return again."
        ),
        path=_path(data_return),
        target=data_return,
    )


def _reminder(data_return: DataReturn, today: dt.date) -> tuple[str, str]:
    round = data_return.round
    due = _day(round.deadline)
    if round.deadline < today:
        subject_when, when = f"was due on {due}", f"was due on {due} and is overdue"
    else:
        subject_when = when = f"is due on {due}"
    sent_back = ""
    if data_return.status == DataReturn.Status.RETURNED:
        sent_back = " It was sent back for correction and has not been submitted again."
    subject = f"Reminder: data return for {round.period} from {data_return.agency} {subject_when}"
    body = (
        f"{data_return.agency}'s data return for {round.period} {when}.{sent_back}\n\n"
        "Enter the figures asked for in the return, then submit it."
    )
    return subject, body


@transaction.atomic
def return_remind(*, actor: User, data_return: DataReturn, today: dt.date | None = None) -> Reminder | None:
    """Remind the agency's leads of a return still with the agency (a draft, or sent back), by
    e-mail with a link to it, and record the reminder. Returns None when it was reminded already
    today (nothing is sent again). Refused for a return already submitted, and for an agency with
    nobody to remind. Needs ``returns.remind``."""
    partnership = data_return.round.partnership
    if not can_remind_returns(user=actor, partnership=partnership):
        raise PermissionDenied
    if not data_return.is_editable:
        raise ValidationError(
            f"{data_return.agency}'s return is {data_return.get_status_display().lower()}: there is nothing to remind."
        )
    today = today or timezone.localdate()
    leads = return_leads(returns=[data_return])[data_return.pk]
    if not leads:
        raise ValidationError(
            f"Nobody at {data_return.agency} can be reminded: it has no agency lead account. Invite one from the "
            "partnership's members."
        )
    subject, body = _reminder(data_return, today)
    return reminder_send(
        actor=actor,
        target=data_return,
        partnership=partnership,
        recipients=leads,
        subject=subject,
        body=body,
        path=_path(data_return),
        kind=REMINDER,
        today=today,
    )


def returns_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """Every return of every partnership still with its agency in a round that has opened, with
    its deadline and its leads: the records the library's ``data-return`` rule chases. Two
    queries, however many returns."""
    returns = list(
        DataReturn.objects.filter(status__in=WITH_AGENCY, round__opens_on__lte=today).select_related(
            "round", "round__period", "round__partnership", "agency"
        )
    )
    leads = return_leads(returns=returns)
    due = []
    for data_return in returns:
        subject, body = _reminder(data_return, today)
        due.append(
            ReminderDue(
                target=data_return,
                partnership=data_return.round.partnership,
                recipients=leads[data_return.pk],
                deadline=data_return.round.deadline,
                subject=subject,
                body=body,
                path=_path(data_return),
                kind=REMINDER,
            )
        )
    return due
