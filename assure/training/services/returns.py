"""Agencies' single-agency training returns: started when the agency's lead first opens the
year's return, answered on the questionnaire engine or uploaded on its template, submitted (the
figures copied onto the return), reopened by the business unit with a reason, and chased with a
reminder."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.permissions import agencies_of
from assure.accounts.recipients import agency_people_with
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.navigation import partnership_url
from assure.notifications.services import reminder_send
from assure.questionnaires.services import answers_save, response_reopen, response_start, response_submit

from ..imports import LEVEL_QUESTION, WORKFORCE, UploadRejected, read_return
from ..models import TrainingReturn
from ..permissions import can_make_return, ensure_can_manage, may_edit_return
from ..selectors.returns import current_agencies, due_on, return_codes, return_questionnaire, single_agency_levels


def _start(*, actor, partnership, agency, year: str) -> TrainingReturn:
    training_return, created = TrainingReturn.objects.select_for_update().get_or_create(
        partnership=partnership, agency=agency, year=year
    )
    if training_return.response_id is None:
        questionnaire = return_questionnaire()
        if questionnaire is None:
            raise ValidationError("The library holds no training return questionnaire: ask the business unit.")
        training_return.response = response_start(
            actor=actor, partnership=partnership, questionnaire=questionnaire, about=training_return, agency=agency
        )
        training_return.save(update_fields=["response"])
    if created:
        event_record(
            actor=actor,
            verb="training.return_started",
            target=training_return,
            partnership=partnership,
            summary=f"Single-agency training return {year} started: {agency}",
        )
    return training_return


@transaction.atomic
def return_open(*, actor, partnership, agency, year: str) -> TrainingReturn:
    """The agency's return of ``year``, started (with its response) the first time it is opened.
    Only a lead of the agency opens it."""
    if not can_make_return(user=actor, partnership=partnership) or agency.pk not in agencies_of(
        user=actor, partnership=partnership
    ):
        raise PermissionDenied
    return _start(actor=actor, partnership=partnership, agency=agency, year=year)


def _copy_figures(training_return: TrainingReturn, values: dict) -> None:
    levels = single_agency_levels(training_return.response.questionnaire)
    workforce = values.get(WORKFORCE)
    training_return.workforce = int(workforce) if workforce is not None else None
    training_return.completions = {
        code: int(values[LEVEL_QUESTION.format(code=code)])
        for code, _ in levels
        if values.get(LEVEL_QUESTION.format(code=code)) is not None
    }


@transaction.atomic
def return_submit(*, actor, partnership, training_return: TrainingReturn, route: str = TrainingReturn.Route.FORM):
    """Submit the return: every required answer given (the engine checks), then the workforce and
    the completions by level are copied onto the return for the figures."""
    if not may_edit_return(user=actor, partnership=partnership, training_return=training_return):
        raise PermissionDenied
    response = response_submit(
        actor=actor,
        response=training_return.response,
        summary=f"Single-agency training return {training_return.year} submitted: {training_return.agency}",
    )
    _copy_figures(training_return, response.values())
    training_return.status = TrainingReturn.Status.SUBMITTED
    training_return.route = route
    training_return.submitted_at, training_return.submitted_by = timezone.now(), actor
    training_return.save(update_fields=["workforce", "completions", "status", "route", "submitted_at", "submitted_by"])
    event_record(
        actor=actor,
        verb="training.return_submitted",
        target=training_return,
        partnership=partnership,
        summary=f"Single-agency training return {training_return.year} submitted: {training_return.agency}",
        data={"route": route, "workforce": training_return.workforce, "completions": training_return.completions},
    )
    records_changed("training", partnership_ids=[partnership.pk], years=[training_return.year])
    return training_return


@transaction.atomic
def return_upload(*, actor, partnership, training_return: TrainingReturn, upload) -> TrainingReturn:
    """Answer and submit the return from its filled-in template. Nothing is kept when the file or
    any of its figures is wrong: the problems are raised, each by its line or question."""
    if not may_edit_return(user=actor, partnership=partnership, training_return=training_return):
        raise PermissionDenied
    codes = return_codes(training_return.response.questionnaire)
    try:
        answers = read_return(upload, codes=codes)
    except UploadRejected as rejected:
        raise ValidationError({"upload": rejected.messages}) from None
    errors = answers_save(
        actor=actor, response=training_return.response, data={code: [text] for code, text in answers.items()}
    )
    if errors:
        raise ValidationError({"upload": [f"{code}: {message}" for code, message in errors.items()]})
    training_return.response.refresh_from_db()
    try:
        return return_submit(
            actor=actor, partnership=partnership, training_return=training_return, route=TrainingReturn.Route.UPLOAD
        )
    except ValidationError as error:
        messages = (
            [f"{code}: {' '.join(texts)}" for code, texts in error.message_dict.items()]
            if hasattr(error, "error_dict")
            else error.messages
        )
        raise ValidationError({"upload": messages}) from None


@transaction.atomic
def return_reopen(*, actor, partnership, training_return: TrainingReturn, reason: str) -> TrainingReturn:
    """The business unit opens a submitted return for changes again; the reason is kept on its
    response and in the event. Its figures stay until it is submitted again."""
    ensure_can_manage(user=actor, partnership=partnership)
    if training_return.partnership_id != partnership.pk:
        raise PermissionDenied
    if training_return.status != TrainingReturn.Status.SUBMITTED:
        raise ValidationError("Only a submitted return can be reopened.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the return is being reopened."})
    response_reopen(actor=actor, response=training_return.response, reason=reason)
    training_return.status = TrainingReturn.Status.DRAFT
    training_return.save(update_fields=["status"])
    event_record(
        actor=actor,
        verb="training.return_reopened",
        target=training_return,
        partnership=partnership,
        summary=f"Single-agency training return {training_return.year} reopened: {training_return.agency}",
        data={"reason": reason.strip()},
    )
    records_changed("training", partnership_ids=[partnership.pk], years=[training_return.year])
    return training_return


@transaction.atomic
def return_remind(*, actor, partnership, agency, year: str, today: dt.date | None = None):
    """Remind the agency's leads to make its return of ``year`` (the return is started if it has
    not been). None when it was reminded already today or the agency has nobody to remind."""
    ensure_can_manage(user=actor, partnership=partnership)
    if not current_agencies(partnership).filter(pk=agency.pk).exists():
        raise PermissionDenied
    training_return = _start(actor=actor, partnership=partnership, agency=agency, year=year)
    if training_return.status == TrainingReturn.Status.SUBMITTED:
        raise ValidationError("The agency has already made this return.")
    leads = agency_people_with(permission="training.return", partnership_ids=[partnership.pk]).get(
        (partnership.pk, agency.pk), []
    )
    return reminder_send(
        actor=actor,
        target=training_return,
        partnership=partnership,
        recipients=leads,
        subject=f"Your agency's single-agency training return {year}",
        body=(
            f"{partnership} asks {agency} for its single-agency training return for {year}: your workforce "
            f"and the staff who completed safeguarding training at each level. It is due by "
            f"{due_on(year):%-d %B %Y}."
        ),
        path=partnership_url("training:return_mine", partnership),
        kind="training.return",
        today=today,
    )
