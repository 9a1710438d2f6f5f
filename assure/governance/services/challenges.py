"""Every change to the challenge log: raising a challenge (from the log or about a record of
another part of Assure), the agency's response, the board's assessment, escalation, closing,
reopening, chasing the agency, and raising an action from a challenge.

Statuses move only through ``challenge_transition``, along the pipeline of
``pipeline_challenges.py``. Every request goes through ``notify`` with a link to the challenge:
to the challenged agency's leads when it is raised, escalated or reopened, and to the person who
raised it when the agency answers."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of, is_agency_scoped
from assure.actions.models import Action
from assure.actions.services import action_create
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.navigation import partnership_url
from assure.core.references import next_reference
from assure.notifications.models import Reminder
from assure.notifications.services import notify, reminder_send
from assure.partnerships.models import Agency, Partnership, PartnershipAgency
from assure.partnerships.years import financial_year_of

from ..models import Challenge
from ..permissions import (
    ensure_can_raise_challenges,
    ensure_may_take_challenge_step,
    may_assess_challenge,
    may_raise_action_from_challenge,
    may_remind_about_challenge,
)
from ..pipeline_challenges import CLOSE, ESCALATE, REOPEN, RESPOND, Step, step_to
from ..selectors.challenges import challenge_agency_leads

OWNER = "governance"
REFERENCE_PREFIX = "C-"


def challenge_path(challenge: Challenge) -> str:
    """The challenge's address inside Assure, which every e-mail about it links to."""
    return partnership_url("governance:challenge_detail", challenge.partnership, pk=challenge.pk)


def _next_reference(partnership: Partnership) -> str:
    return next_reference(
        partnership=partnership,
        records=Challenge.objects.filter(partnership=partnership),
        prefix=REFERENCE_PREFIX,
        digits=4,
    )


def _agency_leads(challenge: Challenge) -> list[User]:
    return challenge_agency_leads(partnership_ids=[challenge.partnership_id]).get(
        (challenge.partnership_id, challenge.agency_id), []
    )


def _counted(challenge: Challenge, *days: dt.date | None) -> None:
    """The challenge log's computed figures (raised, resolved) count again for these days' years."""
    years = {financial_year_of(day) for day in days if day is not None}
    records_changed(OWNER, partnership_ids=[challenge.partnership_id], years=years or None)


def _day(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(moment).date() if moment is not None else None


# --- raising ---------------------------------------------------------------------------------


def _raise_problems(
    *,
    actor: User,
    partnership: Partnership,
    agency: Agency | None,
    raised_by_agency: Agency | None,
    subject: str,
    detail: str,
    raised_on: dt.date,
    response_due_on: dt.date | None,
    about: models.Model | None,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    links = PartnershipAgency.objects.filter(partnership=partnership, agency__is_active=True)
    if agency is None or not links.filter(agency=agency).exists():
        problems["agency"] = "Choose the agency challenged, from the agencies of this partnership."
    if is_agency_scoped(user=actor, partnership=partnership):
        if raised_by_agency is None or raised_by_agency.pk not in agencies_of(user=actor, partnership=partnership):
            problems["raised_by_agency"] = "Choose your own agency as the one raising the challenge."
    elif raised_by_agency is not None and not links.filter(agency=raised_by_agency).exists():
        problems["raised_by_agency"] = "Choose an agency of this partnership, or none."
    if not subject:
        problems["subject"] = "Enter what the challenge is about, in a few words."
    if not detail:
        problems["detail"] = "Enter what the board asks of the agency, and why."
    if raised_on > timezone.localdate():
        problems["raised_on"] = "The day the challenge was raised cannot be in the future."
    if response_due_on is None:
        problems["response_due_on"] = "Enter the date the agency's response is due."
    elif response_due_on < raised_on:
        problems["response_due_on"] = "The response cannot be due before the challenge was raised."
    if about is not None:
        scoped = getattr(about, "trail_partnership_ids", None)
        if about.pk is None or (scoped is not None and partnership.pk not in scoped()):
            problems["about"] = "The record the challenge is about belongs to another partnership."
    return problems


@transaction.atomic
def challenge_raise(
    *,
    actor: User,
    partnership: Partnership,
    agency: Agency | None,
    subject: str,
    detail: str,
    response_due_on: dt.date | None,
    raised_by_agency: Agency | None = None,
    raised_on: dt.date | None = None,
    about: models.Model | None = None,
    about_label: str = "",
) -> Challenge:
    """Record a challenge to ``agency``, numbered with the partnership's next reference (C-0001,
    C-0002...). ``about`` is the record that prompted it (an exception report item, a Section 11
    return, an agenda item), stored by content type and id and shown as ``about_label``: name
    the record, never a child. An agency lead raises it for their own agency. Needs
    ``challenges.raise``. The challenged agency's leads are asked to respond."""
    ensure_can_raise_challenges(user=actor, partnership=partnership)
    subject, detail, about_label = subject.strip(), detail.strip(), about_label.strip()
    raised_on = raised_on or timezone.localdate()
    if raised_by_agency is None and is_agency_scoped(user=actor, partnership=partnership):
        own = agencies_of(user=actor, partnership=partnership)
        if len(own) == 1:
            raised_by_agency = Agency.objects.filter(pk__in=own).first()
    problems = _raise_problems(
        actor=actor,
        partnership=partnership,
        agency=agency,
        raised_by_agency=raised_by_agency,
        subject=subject,
        detail=detail,
        raised_on=raised_on,
        response_due_on=response_due_on,
        about=about,
    )
    if problems:
        raise ValidationError(problems)
    challenge = Challenge(
        partnership=partnership,
        reference=_next_reference(partnership),
        raised_by=actor,
        raised_by_agency=raised_by_agency,
        raised_on=raised_on,
        agency=agency,
        subject=subject,
        detail=detail,
        source_type=ContentType.objects.get_for_model(about) if about is not None else None,
        source_id=str(about.pk) if about is not None else "",
        source_label=(about_label or (str(about) if about is not None else ""))[:200],
        response_due_on=response_due_on,
    )
    challenge.full_clean()
    challenge.save()
    _counted(challenge, raised_on)
    event_record(
        actor=actor,
        verb="governance.challenge_raised",
        target=challenge,
        partnership=partnership,
        summary=f"Challenge {challenge.reference} raised to {agency}: {subject}",
        data={"about": challenge.source_label} if challenge.source_label else None,
    )
    notify(
        recipients=_agency_leads(challenge),
        partnership=partnership,
        kind="governance.challenge_raised",
        subject=f"Challenge {challenge.reference} to {agency}: respond by {response_due_on:%-d %B %Y}",
        body=(
            f"{actor}{f' ({raised_by_agency})' if raised_by_agency else ''} has challenged {agency}:\n\n"
            f"{subject}\n\n{detail}\n\n"
            + (f"It is about: {challenge.source_label}\n\n" if challenge.source_label else "")
            + f"Record the agency's response in Assure by {response_due_on:%-d %B %Y}."
        ),
        path=challenge_path(challenge),
        target=challenge,
    )
    return challenge


# --- the pipeline ----------------------------------------------------------------------------


def challenge_transition(
    *, actor: User, challenge: Challenge, to_status: str, reason: str = "", fields: dict | None = None
) -> tuple[Challenge, Step]:
    """Move the challenge to ``to_status`` if its pipeline allows that from where it is now and
    the actor may take the step, setting ``fields`` with it; records the step's event. The only
    code that changes a challenge's status: the services of each step call it inside their
    transaction."""
    current = Challenge.objects.select_for_update().get(pk=challenge.pk)
    step = step_to(current.status, to_status)
    if step is None:
        raise ValidationError(
            {"status": f"A challenge that is {current.get_status_display().lower()} cannot be moved that way."}
        )
    ensure_may_take_challenge_step(user=actor, challenge=current, step=step)
    reason = reason.strip()
    if step.needs_reason and not reason:
        raise ValidationError({"reason": f"Give a reason ({step.label.lower()})."})
    old_status = current.status
    changes = {"status": step.to_status, **(fields or {})}
    for name, value in changes.items():
        setattr(current, name, value)
        setattr(challenge, name, value)
    current.full_clean()
    current.save(update_fields=list(changes))
    event_record(
        actor=actor,
        verb=step.verb,
        target=challenge,
        partnership=challenge.partnership,
        summary=f"Challenge {challenge.reference} {step.done.lower()}",
        data={"from": old_status, "to": step.to_status, **({"reason": reason} if reason else {})},
    )
    return challenge, step


@transaction.atomic
def challenge_respond(*, actor: User, challenge: Challenge, response: str) -> Challenge:
    """Record the challenged agency's response: its lead, or the business unit recording an
    answer the agency sent another way. A response after an escalation replaces the earlier one
    (the history keeps both), and the board assesses it afresh. The person who raised the
    challenge is told."""
    response = response.strip()
    if not response:
        raise ValidationError({"response": "Enter the agency's response to the challenge."})
    challenge_transition(
        actor=actor,
        challenge=challenge,
        to_status=RESPOND.to_status,
        fields={
            "response": response,
            "responded_at": timezone.now(),
            "responded_by": actor,
            "satisfied": "",
        },
    )
    if challenge.raised_by_id != actor.pk:
        notify(
            recipients=[challenge.raised_by],
            partnership=challenge.partnership,
            kind="governance.challenge_answered",
            subject=f"Challenge {challenge.reference} answered by {challenge.agency}",
            body=(
                f"{challenge.agency} has responded to your challenge {challenge.reference}:\n\n"
                f"{challenge.subject}\n\nTheir response:\n\n{response}"
            ),
            path=challenge_path(challenge),
            target=challenge,
        )
    return challenge


def _assessment_problems(satisfied: str, impact: str, *, needed: bool) -> dict[str, str]:
    problems = {}
    if satisfied not in Challenge.Satisfied.values and (satisfied or needed):
        problems["satisfied"] = "Say whether the board is satisfied with the agency's response."
    if needed and not impact:
        problems["impact"] = "Say what difference the challenge made (or that it made none)."
    return problems


@transaction.atomic
def challenge_assess(*, actor: User, challenge: Challenge, satisfied: str, impact: str) -> Challenge:
    """Record whether the board is satisfied with the agency's response, and what difference the
    challenge made. The business unit's, once the agency has responded; the challenge stays
    answered until it is closed (or escalated, when the board is not satisfied)."""
    if not may_assess_challenge(user=actor, challenge=challenge):
        raise PermissionDenied("Only the business unit may assess a response, once the agency has responded.")
    impact = impact.strip()
    problems = _assessment_problems(satisfied, impact, needed=True)
    if problems:
        raise ValidationError(problems)
    challenge.satisfied, challenge.impact = satisfied, impact
    challenge.full_clean()
    challenge.save(update_fields=["satisfied", "impact"])
    event_record(
        actor=actor,
        verb="governance.challenge_assessed",
        target=challenge,
        partnership=challenge.partnership,
        summary=f"Challenge {challenge.reference} assessed: {challenge.get_satisfied_display().lower()}",
        data={"satisfied": satisfied},
    )
    return challenge


@transaction.atomic
def challenge_escalate(
    *,
    actor: User,
    challenge: Challenge,
    escalation: str,
    reason: str,
    response_due_on: dt.date | None = None,
) -> Challenge:
    """Escalate the challenge to the chair of the board or to the agency's chief officer, with the
    reason (kept on the challenge): the agency has not answered in time, or the board is not
    satisfied with its answer. A new date for the response may be set (today or later). The
    agency's leads are told; the business unit's."""
    problems = {}
    if escalation not in Challenge.Escalation.values:
        problems["escalation"] = "Choose who the challenge is escalated to."
    if not reason.strip():
        problems["reason"] = "Give the reason the challenge is escalated."
    if response_due_on is not None and response_due_on < timezone.localdate():
        problems["response_due_on"] = "The new date for the response must be today or later."
    if problems:
        raise ValidationError(problems)
    fields = {
        "escalation": escalation,
        "escalation_reason": reason.strip(),
        "escalated_at": timezone.now(),
        "escalated_by": actor,
    }
    if response_due_on is not None:
        fields["response_due_on"] = response_due_on
    challenge_transition(actor=actor, challenge=challenge, to_status=ESCALATE.to_status, reason=reason, fields=fields)
    notify(
        recipients=_agency_leads(challenge),
        partnership=challenge.partnership,
        kind="governance.challenge_escalated",
        subject=f"Challenge {challenge.reference} to {challenge.agency} escalated",
        body=(
            f"Challenge {challenge.reference} to {challenge.agency} has been escalated "
            f"{challenge.get_escalation_display().lower()}:\n\n{challenge.subject}\n\n"
            f"The reason: {challenge.escalation_reason}\n\n"
            f"Record the agency's response in Assure by {challenge.response_due_on:%-d %B %Y}."
        ),
        path=challenge_path(challenge),
        target=challenge,
    )
    return challenge


@transaction.atomic
def challenge_close(
    *, actor: User, challenge: Challenge, note: str = "", satisfied: str = "", impact: str = ""
) -> Challenge:
    """Close the challenge. Once the agency has responded the board says whether it is satisfied
    and what difference the challenge made (given here, or assessed before); a challenge closed
    without a response (withdrawn, or overtaken by events) needs a note saying why. The
    business unit's."""
    note, impact = note.strip(), impact.strip()
    answered = bool(challenge.response)
    satisfied = satisfied or challenge.satisfied
    impact = impact or challenge.impact
    problems = _assessment_problems(satisfied, impact, needed=answered)
    if not answered and not note:
        problems["note"] = "Say why the challenge is closed without a response."
    if problems:
        raise ValidationError(problems)
    previous_close = challenge.closed_at
    challenge_transition(
        actor=actor,
        challenge=challenge,
        to_status=CLOSE.to_status,
        reason=note,
        fields={
            "satisfied": satisfied if satisfied in Challenge.Satisfied.values else "",
            "impact": impact,
            "closure_note": note,
            "closed_at": timezone.now(),
            "closed_by": actor,
        },
    )
    _counted(challenge, _day(challenge.closed_at), _day(previous_close))
    return challenge


@transaction.atomic
def challenge_reopen(*, actor: User, challenge: Challenge, reason: str, response_due_on: dt.date | None) -> Challenge:
    """Reopen a closed challenge, with the reason (kept on the challenge), asking the agency to
    respond again by ``response_due_on`` (today or later). The business unit's. The agency's leads
    are told."""
    problems = {}
    if response_due_on is None:
        problems["response_due_on"] = "Enter the date the agency's new response is due."
    elif response_due_on < timezone.localdate():
        problems["response_due_on"] = "The new date for the response must be today or later."
    if not reason.strip():
        problems["reason"] = "Give the reason the challenge is reopened."
    if problems:
        raise ValidationError(problems)
    closed_on = _day(challenge.closed_at)
    challenge_transition(
        actor=actor,
        challenge=challenge,
        to_status=REOPEN.to_status,
        reason=reason,
        fields={
            "reopen_reason": reason.strip(),
            "reopened_at": timezone.now(),
            "reopened_by": actor,
            "response_due_on": response_due_on,
            "closed_at": None,
            "closed_by": None,
            "satisfied": "",
        },
    )
    _counted(challenge, closed_on)
    notify(
        recipients=_agency_leads(challenge),
        partnership=challenge.partnership,
        kind="governance.challenge_reopened",
        subject=f"Challenge {challenge.reference} to {challenge.agency} reopened",
        body=(
            f"Challenge {challenge.reference} to {challenge.agency} has been reopened:\n\n{challenge.subject}\n\n"
            f"The reason: {challenge.reopen_reason}\n\n"
            f"Record the agency's response in Assure by {response_due_on:%-d %B %Y}."
        ),
        path=challenge_path(challenge),
        target=challenge,
    )
    return challenge


# --- chasing -------------------------------------------------------------------------------------


def reminder_text(challenge: Challenge, today: dt.date) -> tuple[str, str]:
    due = f"{challenge.response_due_on:%-d %B %Y}"
    if challenge.is_overdue_on(today):
        subject = f"Overdue: the response to challenge {challenge.reference}, due {due}"
        opening = f"The response of {challenge.agency} to challenge {challenge.reference} was due on {due}:"
    else:
        subject = f"Reminder: the response to challenge {challenge.reference} is due on {due}"
        opening = f"The response of {challenge.agency} to challenge {challenge.reference} is due on {due}:"
    return subject, f"{opening}\n\n{challenge.subject}\n\nRecord the agency's response in Assure."


def challenge_remind(*, actor: User, challenge: Challenge, today: dt.date | None = None) -> Reminder | None:
    """The business unit's "Send a reminder": remind the challenged agency's leads of a response
    still awaited. Once a day at most: returns None when it was reminded already today or the
    agency has no lead with an account."""
    if not may_remind_about_challenge(user=actor, challenge=challenge):
        raise PermissionDenied("Only the business unit may chase a challenge awaiting a response.")
    today = today or timezone.localdate()
    subject, body = reminder_text(challenge, today)
    return reminder_send(
        actor=actor,
        target=challenge,
        partnership=challenge.partnership,
        recipients=_agency_leads(challenge),
        subject=subject,
        body=body,
        path=challenge_path(challenge),
        kind="governance.challenge_reminder",
        today=today,
    )


# --- actions ---------------------------------------------------------------------------------


def challenge_action_raise(
    *,
    actor: User,
    challenge: Challenge,
    title: str,
    owner_agency: Agency,
    due_on: dt.date,
    description: str = "",
    owner: User | None = None,
    owner_name: str = "",
    rag: str = "",
) -> Action:
    """Raise an action in the tracker from a challenge (the challenge is its source). The
    business unit's, while the challenge is not closed; the action's own rules are
    action_create's."""
    if not may_raise_action_from_challenge(user=actor, challenge=challenge):
        raise PermissionDenied("Only the business unit may raise an action from a challenge that is not closed.")
    return action_create(
        actor=actor,
        partnership=challenge.partnership,
        title=title,
        owner_agency=owner_agency,
        due_on=due_on,
        description=description,
        owner=owner,
        owner_name=owner_name,
        rag=rag,
        source=challenge,
        source_label=f"Challenge {challenge.reference}: {challenge.subject}",
    )
