"""What the risk register asks of people, for their home page, and the risks the daily reminders
job may chase. Each function reads in a constant number of queries, however many risks there are."""

import datetime as dt

from assure.accounts.models import User
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.notifications.reminders import ReminderDue
from assure.notifications.selectors import last_reminded
from assure.partnerships.models import Partnership

from .models import Risk
from .permissions import can_manage_risks, can_view_risks
from .selectors.risks import risks_visible_to
from .services.risks import reminder_text, risk_path

# An owner sees a risk among what waits for them this many days before its review is due.
REVIEW_SOON_DAYS = 14


def _item(kind: str, risk: Risk, today: dt.date, **more) -> WaitingItem:
    return WaitingItem(
        kind=kind,
        title=f"Risk {risk.reference}: {risk.title}",
        url=risk_path(risk),
        due=risk.next_review_on,
        due_label="Review due",
        agency=risk.owner_agency.name if risk.owner_agency_id else "",
        overdue=risk.next_review_on < today,
        **more,
    )


def risks_to_review(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """The open risks the person owns whose review is overdue or due within two weeks."""
    if not can_view_risks(user=user, partnership=partnership):
        return []
    risks = (
        risks_visible_to(user=user, partnership=partnership)
        .filter(owner=user, status=Risk.Status.OPEN, next_review_on__lte=today + dt.timedelta(days=REVIEW_SOON_DAYS))
        .order_by("next_review_on", "pk")
    )
    return [
        _item("governance.risks_to_review", risk, today, detail=f"Current score {risk.current_score}") for risk in risks
    ]


def risk_reviews_overdue(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: every open risk of the partnership whose review is overdue (but
    those they own, listed as their own), with a reminder to send to its owner when they have an
    account, and when one was last sent."""
    if not can_manage_risks(user=user, partnership=partnership):
        return []
    risks = list(
        risks_visible_to(user=user, partnership=partnership)
        .filter(Risk.review_overdue_q(today))
        .exclude(owner=user)
        .order_by("next_review_on", "pk")
    )
    if not risks:
        return []
    reminded = last_reminded(model=Risk, ids=[risk.pk for risk in risks])
    return [
        _item(
            "governance.risk_reviews_overdue",
            risk,
            today,
            detail=f"Owner: {risk.owner_display or 'not named'}",
            flag="" if risk.owner_id else "The owner has no account to remind: name a member as the owner",
            remind_url=partnership_url("governance:risk_remind", partnership, pk=risk.pk) if risk.owner_id else "",
            last_reminded=reminded.get(str(risk.pk)),
        )
        for risk in risks
    ]


def risk_reviews_due(*, today: dt.date) -> list[ReminderDue]:
    """Every open risk with an owner who has an account, in every partnership, with its review
    date as the deadline: the daily job applies the library's "risk-review" rule."""
    risks = Risk.objects.filter(status=Risk.Status.OPEN, owner__isnull=False).select_related("partnership", "owner")
    due = []
    for risk in risks.order_by("next_review_on", "pk"):
        subject, body = reminder_text(risk, today)
        due.append(
            ReminderDue(
                target=risk,
                partnership=risk.partnership,
                recipients=[risk.owner],
                deadline=risk.next_review_on,
                subject=subject,
                body=body,
                path=risk_path(risk),
                kind="governance.risk_review_reminder",
            )
        )
    return due
