"""Moderation: challenging a criterion, the agency's answer, the moderated rating, accepting and
reopening a return. The thread of questions and answers is kept whatever happens next."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.partnerships.models import Partnership

from ..cache import bump_cycle
from ..framework import framework_of
from ..models import ChallengeMessage, Response, Return
from ..permissions import may_answer, may_moderate, may_reopen
from ..storage import evidence_problem
from .requests import challenge_answered_notify, challenge_raised_notify, return_reopened_notify
from .returns import evidence_keep

Moderation = Response.Moderation


def _moderatable(actor: User, partnership: Partnership, response: Response) -> Return:
    return_record = response.return_record
    if not may_moderate(user=actor, partnership=partnership, return_record=return_record):
        raise PermissionDenied("Only a moderator can review a submitted return.")
    criterion = framework_of(return_record.cycle.framework).criterion(response.criterion)
    if criterion is None or not criterion.applies(return_record.agency.agency_type.code):
        raise ValidationError("The framework does not ask this criterion of the agency: there is nothing to review.")
    return return_record


def _text(text: str, field: str, missing: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({field: missing})
    return text


def _label(response: Response) -> str:
    return f"{response.return_record.agency}, criterion {response.criterion}"


@transaction.atomic
def response_challenge(*, actor: User, partnership: Partnership, response: Response, question: str) -> ChallengeMessage:
    """Ask the agency a question about a criterion; the return is under challenge until the
    moderator accepts it."""
    return_record = _moderatable(actor, partnership, response)
    question = _text(question, "question", "Enter the question for the agency.")
    message = ChallengeMessage.objects.create(
        response=response, kind=ChallengeMessage.Kind.QUESTION, text=question, author=actor
    )
    response.moderation = Moderation.CHALLENGED
    response.save(update_fields=["moderation"])
    return_record.status = Return.Status.UNDER_CHALLENGE
    return_record.save(update_fields=["status"])
    bump_cycle(return_record.cycle_id)
    event_record(
        actor=actor,
        verb="section11.criterion_challenged",
        target=response,
        partnership=partnership,
        summary=f"Section 11 criterion challenged: {_label(response)}",
    )
    challenge_raised_notify(response=response)
    return message


@transaction.atomic
def response_answer(
    *, actor: User, partnership: Partnership, response: Response, answer: str, upload: UploadedFile | None = None
) -> ChallengeMessage:
    """The agency lead answers the moderator's challenge in the same thread, with a file as
    evidence if they attach one (kept with the criterion's other evidence files, and shown with
    the answer). A file that is not of an accepted kind or is too large refuses the whole answer,
    so nothing is half saved."""
    if not may_answer(user=actor, partnership=partnership, response=response):
        raise PermissionDenied("Only the agency’s lead can answer a challenge, while it is open.")
    problems = {}
    if not answer.strip():
        problems["answer"] = "Enter your answer to the challenge."
    if upload is not None and (problem := evidence_problem(upload)):
        problems["file"] = problem
    if problems:
        raise ValidationError(problems)
    message = ChallengeMessage.objects.create(
        response=response, kind=ChallengeMessage.Kind.ANSWER, text=answer.strip(), author=actor
    )
    if upload is not None:
        evidence_keep(actor=actor, partnership=partnership, response=response, upload=upload, message=message)
    response.moderation = Moderation.ANSWERED
    response.save(update_fields=["moderation"])
    bump_cycle(response.return_record.cycle_id)
    event_record(
        actor=actor,
        verb="section11.challenge_answered",
        target=response,
        partnership=partnership,
        summary=f"Section 11 challenge answered: {_label(response)}",
        data={"files": 1 if upload is not None else 0},
    )
    challenge_answered_notify(partnership=partnership, response=response)
    return message


@transaction.atomic
def response_moderate(
    *, actor: User, partnership: Partnership, response: Response, moderated_rating: str = "", note: str = ""
) -> Response:
    """Accept a criterion, with the moderator's own rating where it differs from the agency's
    (a note then says why). A criterion whose challenge is not answered yet cannot be accepted."""
    _moderatable(actor, partnership, response)
    framework = framework_of(response.return_record.cycle.framework)
    note = note.strip()
    problems = {}
    if response.moderation == Moderation.CHALLENGED:
        problems["moderated_rating"] = "The agency has not answered the challenge yet."
    if moderated_rating and framework.moderated_scale.level(moderated_rating) is None:
        problems["moderated_rating"] = "Choose one of the ratings listed."
    # The same rating as the agency's is no moderated rating: it agrees.
    differs = bool(moderated_rating) and moderated_rating != response.self_rating
    if differs and not note:
        problems["note"] = "Say why the moderated rating differs from the agency’s."
    if problems:
        raise ValidationError(problems)
    response.moderated_rating = moderated_rating if differs else ""
    response.moderation = Moderation.ACCEPTED
    response.save(update_fields=["moderated_rating", "moderation"])
    bump_cycle(response.return_record.cycle_id)
    if note:
        ChallengeMessage.objects.create(response=response, kind=ChallengeMessage.Kind.NOTE, text=note, author=actor)
    event_record(
        actor=actor,
        verb="section11.criterion_moderated",
        target=response,
        partnership=partnership,
        summary=f"Section 11 criterion accepted: {_label(response)}",
        data={"moderated_rating": response.moderated_rating, "self_rating": response.self_rating},
    )
    return response


def open_challenges(return_record: Return) -> list[str]:
    """References of criteria challenged and not yet answered, or answered and not yet accepted."""
    return list(
        return_record.responses.filter(moderation__in=[Moderation.CHALLENGED, Moderation.ANSWERED]).values_list(
            "criterion", flat=True
        )
    )


@transaction.atomic
def return_accept(*, actor: User, partnership: Partnership, return_record: Return) -> Return:
    """Accept the whole return once no criterion is still challenged or awaiting the moderator;
    criteria not reviewed one by one are accepted with it."""
    if not may_moderate(user=actor, partnership=partnership, return_record=return_record):
        raise PermissionDenied("Only a moderator can accept a submitted return.")
    still_open = open_challenges(return_record)
    if still_open:
        raise ValidationError(f"Finish the challenges first. Still open: {', '.join(still_open)}.", code="open")
    return_record.responses.filter(moderation=Moderation.PENDING).update(moderation=Moderation.ACCEPTED)
    return_record.status = Return.Status.ACCEPTED
    return_record.accepted_at, return_record.accepted_by = timezone.now(), actor
    return_record.save(update_fields=["status", "accepted_at", "accepted_by"])
    bump_cycle(return_record.cycle_id)
    event_record(
        actor=actor,
        verb="section11.return_accepted",
        target=return_record,
        partnership=partnership,
        summary=f"Section 11 return accepted: {return_record}",
    )
    records_changed(
        "section11", partnership_ids=return_record.trail_partnership_ids(), years=[return_record.cycle.year]
    )
    return return_record


@transaction.atomic
def return_reopen(*, actor: User, partnership: Partnership, return_record: Return, reason: str) -> Return:
    """Give a submitted or accepted return back to the agency to change, with the reason; the
    moderation record stays."""
    if not may_reopen(user=actor, partnership=partnership, return_record=return_record):
        raise PermissionDenied("Only a moderator can reopen a return that has been submitted.")
    reason = _text(reason, "reason", "Say why the return is reopened.")
    was = return_record.get_status_display()
    return_record.status = Return.Status.IN_PROGRESS
    return_record.submitted_at = return_record.submitted_by = None
    return_record.accepted_at = return_record.accepted_by = None
    return_record.reopened_at, return_record.reopened_by, return_record.reopen_reason = timezone.now(), actor, reason
    return_record.save(
        update_fields=[
            "status",
            "submitted_at",
            "submitted_by",
            "accepted_at",
            "accepted_by",
            "reopened_at",
            "reopened_by",
            "reopen_reason",
        ]
    )
    bump_cycle(return_record.cycle_id)
    event_record(
        actor=actor,
        verb="section11.return_reopened",
        target=return_record,
        partnership=partnership,
        summary=f"Section 11 return reopened ({was.lower()} before): {return_record}",
        data={"reason": reason},
    )
    return_reopened_notify(return_record=return_record)
    records_changed(
        "section11", partnership_ids=return_record.trail_partnership_ids(), years=[return_record.cycle.year]
    )
    return return_record
