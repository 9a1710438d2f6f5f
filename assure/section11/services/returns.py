"""Answering a return: saving a criterion's answer, evidence files, actions, and submitting."""

import datetime as dt
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import User
from assure.actions.models import Action
from assure.actions.services import action_create
from assure.audit.services import event_record
from assure.partnerships.models import Agency, Partnership

from ..cache import bump_cycle
from ..framework import framework_of
from ..models import ChallengeMessage, EvidenceFile, Response, Return
from ..permissions import may_complete
from ..selectors.returns import unrated_criteria
from ..storage import KINDS, evidence_problem, extension_of


def _editable_response(actor: User, partnership: Partnership, response: Response) -> Return:
    return_record = response.return_record
    if not may_complete(user=actor, partnership=partnership, return_record=return_record):
        raise PermissionDenied("The return cannot be changed: it has been submitted, or it is not yours to answer.")
    return return_record


def _start(return_record: Return) -> None:
    """The first answer saved moves the return from not started to in progress."""
    if return_record.status == Return.Status.NOT_STARTED:
        return_record.status = Return.Status.IN_PROGRESS
        return_record.save(update_fields=["status"])


def _label(response: Response) -> str:
    return f"{response.return_record.agency}, criterion {response.criterion}"


@transaction.atomic
def response_save(
    *,
    actor: User,
    partnership: Partnership,
    response: Response,
    rating: str,
    evidence: str,
    not_applicable: bool = False,
) -> Response:
    """Save the agency's answer to one criterion: a level of the framework's scale, or 'does
    not apply' with the reason in the evidence narrative. A criterion the framework already
    excludes for the agency's type cannot be answered. Raises ValidationError keyed by field."""
    return_record = _editable_response(actor, partnership, response)
    framework = framework_of(return_record.cycle.framework)
    criterion = framework.criterion(response.criterion)
    if criterion is None or not criterion.applies(return_record.agency.agency_type.code):
        raise ValidationError("The framework already says this criterion does not apply to the agency.")
    evidence = evidence.strip()
    problems = {}
    if not_applicable:
        rating = ""
        if not evidence:
            problems["evidence"] = "Explain in the evidence why the criterion does not apply to the agency."
    elif rating and framework.scale.level(rating) is None:
        problems["rating"] = "Choose one of the ratings listed."
    if problems:
        raise ValidationError(problems)
    response.self_rating, response.not_applicable, response.evidence = rating, not_applicable, evidence
    response.updated_at, response.updated_by = timezone.now(), actor
    response.save(update_fields=["self_rating", "not_applicable", "evidence", "updated_at", "updated_by"])
    _start(return_record)
    bump_cycle(return_record.cycle_id)
    event_record(
        actor=actor,
        verb="section11.response_saved",
        target=response,
        partnership=partnership,
        summary=f"Section 11 answer saved: {_label(response)}",
        data={"rating": rating, "not_applicable": not_applicable},
    )
    return response


def evidence_keep(
    *,
    actor: User,
    partnership: Partnership,
    response: Response,
    upload: UploadedFile,
    message: ChallengeMessage | None = None,
) -> EvidenceFile:
    """Keep a file as evidence for the criterion (with the answer to a challenge it came with,
    if any), under a random name; its own name is kept only in the database. The caller has
    checked that the actor may add it. Refused unless its extension and its first bytes are of
    an accepted kind and it is at most 10 MB."""
    problem = evidence_problem(upload)
    if problem:
        raise ValidationError({"file": problem})
    original = (upload.name or "evidence").replace("\\", "/").rsplit("/", 1)[-1][:255]
    evidence = EvidenceFile(
        response=response,
        message=message,
        token=secrets.token_urlsafe(32),
        original_name=original,
        content_type=KINDS[extension_of(original)].content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    evidence.file.save(evidence.token, upload, save=False)
    evidence.save()
    event_record(
        actor=actor,
        verb="section11.evidence_added",
        target=evidence,
        partnership=partnership,
        summary=f"Evidence file added: {_label(response)}",
        data={"size": evidence.size, "content_type": evidence.content_type, "with_answer": message is not None},
    )
    return evidence


@transaction.atomic
def evidence_add(*, actor: User, partnership: Partnership, response: Response, upload: UploadedFile) -> EvidenceFile:
    """Keep a file as evidence for the criterion while the return can be changed (see
    ``evidence_keep``)."""
    return_record = _editable_response(actor, partnership, response)
    evidence = evidence_keep(actor=actor, partnership=partnership, response=response, upload=upload)
    _start(return_record)
    bump_cycle(return_record.cycle_id)  # the first file starts the return
    return evidence


@transaction.atomic
def evidence_delete(*, actor: User, partnership: Partnership, evidence: EvidenceFile) -> None:
    """Remove an evidence file (the stored file too) while the return can still be changed."""
    response = evidence.response
    _editable_response(actor, partnership, response)
    event_record(
        actor=actor,
        verb="section11.evidence_deleted",
        target=response,
        partnership=partnership,
        summary=f"Evidence file removed: {_label(response)}",
    )
    stored = evidence.file
    evidence.delete()
    # Delete the stored file only once the row is gone for good.
    transaction.on_commit(lambda: stored.storage.delete(stored.name))


@transaction.atomic
def return_submit(*, actor: User, partnership: Partnership, return_record: Return) -> Return:
    """Hand the return in. Refused until every applicable criterion is rated (naming the
    ones that are not); once submitted the answers are locked."""
    if not may_complete(user=actor, partnership=partnership, return_record=return_record):
        raise PermissionDenied("The return cannot be submitted: it has been submitted already, or it is not yours.")
    unrated = unrated_criteria(return_record)
    if unrated:
        raise ValidationError(
            f"Rate every criterion before you submit. Not yet rated: {', '.join(unrated)}.", code="unrated"
        )
    return_record.status = Return.Status.SUBMITTED
    return_record.submitted_at, return_record.submitted_by = timezone.now(), actor
    return_record.save(update_fields=["status", "submitted_at", "submitted_by"])
    bump_cycle(return_record.cycle_id)
    event_record(
        actor=actor,
        verb="section11.return_submitted",
        target=return_record,
        partnership=partnership,
        summary=f"Section 11 return submitted: {return_record}",
    )
    return return_record


@transaction.atomic
def response_action_raise(
    *,
    actor: User,
    partnership: Partnership,
    response: Response,
    title: str,
    owner_agency: Agency,
    due_on: dt.date,
    owner_name: str = "",
    description: str = "",
) -> Action:
    """Raise an action, in the partnership's tracker, for a criterion rated not fully met."""
    return_record = _editable_response(actor, partnership, response)
    level = framework_of(return_record.cycle.framework).scale.level(response.self_rating)
    if level is None or level.compliant:
        raise ValidationError("An action can be raised only for a criterion rated below fully met.")
    action = action_create(
        actor=actor,
        partnership=partnership,
        title=title,
        owner_agency=owner_agency,
        owner_name=owner_name,
        due_on=due_on,
        description=description,
        source=response,
        source_label=f"Section 11 {return_record.cycle.year}: criterion {response.criterion}",
    )
    event_record(
        actor=actor,
        verb="section11.action_raised",
        target=response,
        partnership=partnership,
        summary=f"Action {action.reference} raised from {_label(response)}",
    )
    return action
