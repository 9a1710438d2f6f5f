"""What the challenge log has waiting for a person, for their home page, and the challenges the
daily reminders job may chase. Each function reads in a constant number of queries, however many
challenges there are, and only the partnership asked about."""

import datetime as dt

from django.utils import timezone

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of, is_agency_scoped
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.notifications.reminders import ReminderDue
from assure.notifications.selectors import last_reminded
from assure.partnerships.models import Partnership

from .models import Challenge
from .permissions import can_manage_challenges, can_respond_for
from .selectors.challenges import challenge_agency_leads, challenges_visible_to
from .services.challenges import challenge_path, reminder_text


def _item(kind: str, challenge: Challenge, today: dt.date, **more) -> WaitingItem:
    return WaitingItem(
        kind=kind,
        title=f"Challenge {challenge.reference} to {challenge.agency.name}: {challenge.subject}",
        url=challenge_path(challenge),
        due=more.pop("due", challenge.response_due_on),
        agency=challenge.agency.name,
        overdue=more.pop("overdue", challenge.is_overdue_on(today)),
        **more,
    )


def challenges_to_answer(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For an agency lead: the challenges to their agency awaiting its response."""
    if not is_agency_scoped(user=user, partnership=partnership):
        return []
    mine = [
        agency_id
        for agency_id in agencies_of(user=user, partnership=partnership)
        if can_respond_for(user=user, partnership=partnership, agency_id=agency_id)
    ]
    if not mine:
        return []
    challenges = (
        challenges_visible_to(user=user, partnership=partnership)
        .filter(status__in=Challenge.AWAITING_RESPONSE, agency_id__in=mine)
        .order_by("response_due_on", "pk")
    )
    return [
        _item(
            "governance.challenges_to_answer",
            challenge,
            today,
            detail=f"Raised by {challenge.raised_by_agency or challenge.raised_by} on {challenge.raised_on:%-d %B %Y}"
            + (f"; escalated {challenge.get_escalation_display().lower()}" if challenge.escalation else ""),
        )
        for challenge in challenges
    ]


def challenges_overdue(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: every challenge whose response is overdue, with a reminder to send
    and when one was last sent, flagged when the agency has no lead with an account to remind."""
    if not can_manage_challenges(user=user, partnership=partnership):
        return []
    challenges = list(
        challenges_visible_to(user=user, partnership=partnership)
        .filter(Challenge.overdue_q(today))
        .order_by("response_due_on", "pk")
    )
    if not challenges:
        return []
    leads = challenge_agency_leads(partnership_ids=[partnership.pk])
    reminded = last_reminded(model=Challenge, ids=[challenge.pk for challenge in challenges])
    items = []
    for challenge in challenges:
        who = leads.get((partnership.pk, challenge.agency_id), [])
        items.append(
            _item(
                "governance.challenges_overdue",
                challenge,
                today,
                detail=f"Response due {challenge.response_due_on:%-d %B %Y}",
                flag="" if who else "No agency lead with an account to answer it",
                remind_url=partnership_url("governance:challenge_remind", partnership, pk=challenge.pk) if who else "",
                last_reminded=reminded.get(str(challenge.pk)),
            )
        )
    return items


def responses_to_assess(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit: agencies' responses the board has not yet assessed."""
    if not can_manage_challenges(user=user, partnership=partnership):
        return []
    challenges = (
        challenges_visible_to(user=user, partnership=partnership)
        .filter(Challenge.awaiting_assessment_q())
        .order_by("responded_at", "pk")
    )
    return [
        _item(
            "governance.challenge_responses_to_assess",
            challenge,
            today,
            due=None,
            overdue=False,
            detail=f"Responded on {timezone.localtime(challenge.responded_at):%-d %B %Y}"
            if challenge.responded_at
            else "",
        )
        for challenge in challenges
    ]


def challenges_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """Every challenge awaiting a response, in every partnership, with the agency's leads to
    remind and the day the response is due: the daily job applies the library's "challenge"
    rule."""
    challenges = list(
        Challenge.objects.filter(status__in=Challenge.AWAITING_RESPONSE)
        .select_related("partnership", "agency")
        .order_by("response_due_on", "pk")
    )
    leads = challenge_agency_leads(partnership_ids={challenge.partnership_id for challenge in challenges})
    due = []
    for challenge in challenges:
        subject, body = reminder_text(challenge, today)
        due.append(
            ReminderDue(
                target=challenge,
                partnership=challenge.partnership,
                recipients=leads.get((challenge.partnership_id, challenge.agency_id), []),
                deadline=challenge.response_due_on,
                subject=subject,
                body=body,
                path=challenge_path(challenge),
                kind="governance.challenge_reminder",
            )
        )
    return due
