"""What evaluations have waiting for a practitioner on their home page ("Evaluations to give"):
each evaluation started or sent and not yet submitted, and each they may start now, titled by the
session (never a person). Two queries, whatever the number.

And the reminder source of the library rule ``training-evaluation``: each after-course and
three-months-on evaluation sent with a due date and not yet submitted, reminded to the delegate
before and after its due day."""

import datetime as dt

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.notifications.reminders import ReminderDue

from .models import Booking, Evaluation
from .permissions import can_book
from .selectors.evaluations import evaluations_to_give

TO_GIVE = "training.evaluations_to_give"
REMINDER_RULE = "training-evaluation"


def evaluations_waiting(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    if not can_book(user=user, partnership=partnership):
        return []
    return [
        WaitingItem(
            kind=TO_GIVE,
            title=f"Evaluation {item.stage_label.lower()}: {item.title}",
            url=item.url,
            due=item.due,
            detail="Started: finish and submit it" if item.started else "",
            overdue=bool(item.due and item.due < today),
        )
        for item in evaluations_to_give(user=user, partnership=partnership)
    ]


def evaluation_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """Every after-course and follow-up evaluation still to give, across partnerships (the daily
    job's read)."""
    outstanding = (
        Evaluation.objects.filter(
            stage__in=(Evaluation.Stage.AFTER, Evaluation.Stage.FOLLOW_UP),
            submitted_at__isnull=True,
            due_on__isnull=False,
            due_on__gte=today - dt.timedelta(days=60),
            booking__status=Booking.Status.BOOKED,
        )
        .exclude(booking__attendance=Booking.Attendance.NO_SHOW)
        .select_related("booking__partnership", "booking__session__course", "booking__practitioner__user")
        .order_by("due_on", "pk")
    )
    found = []
    for evaluation in outstanding:
        booking = evaluation.booking
        session = booking.session
        stage = evaluation.get_stage_display().lower()
        found.append(
            ReminderDue(
                target=evaluation,
                partnership=booking.partnership,
                recipients=[booking.practitioner.user],
                deadline=evaluation.due_on,
                subject=f"Reminder: your training evaluation {stage}",
                body=(
                    f"Please give your evaluation {stage} of {session.display_title} ({session.reference}) "
                    f"by {evaluation.due_on.day} {evaluation.due_on:%B %Y}."
                ),
                path=partnership_url("training:evaluate", booking.partnership, pk=evaluation.pk),
                kind="training.evaluation",
            )
        )
    return found
