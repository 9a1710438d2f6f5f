"""Writing responses: start one, save answers as they come (a draft may be incomplete), submit
(every shown required question answered), lock, and reopen with a reason.

Who may answer is the using app's decision: its own service checks its permissions, then calls
these. Each records an event about the response and keeps the progress "N of M" on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.library.models import LibraryItem

from .definition import Questionnaire, Value, is_blank, parse, questionnaire_of
from .models import Answer, Response


def response_start(
    *,
    actor,
    partnership,
    questionnaire: LibraryItem,
    about: models.Model,
    sections: Sequence[str] = (),
    agency=None,
    respondent=None,
    status: str = Response.Status.DRAFT,
) -> Response:
    """A new draft response to ``questionnaire`` (the version given) about the record ``about``,
    for the sections named (all when none)."""
    if questionnaire.kind != "questionnaire":
        raise ValidationError({"questionnaire": "Choose a questionnaire of the library."})
    definition = questionnaire_of(questionnaire)
    known = {section.code for section in definition.sections}
    unknown = [code for code in sections if code not in known]
    if unknown:
        raise ValidationError({"sections": f"The questionnaire has no section {', '.join(unknown)}."})
    response = Response(
        partnership=partnership,
        questionnaire=questionnaire,
        about_type=ContentType.objects.get_for_model(about),
        about_id=str(about.pk),
        sections=list(sections),
        agency=agency,
        respondent=respondent,
        status=status,
    )
    response.answered, response.asked = definition.progress({}, response.sections)
    response.save()
    event_record(
        actor=actor,
        verb="questionnaires.response_started",
        target=response,
        partnership=partnership,
        summary=f"{definition.title}: response started",
    )
    return response


def answers_save(
    *,
    actor,
    response: Response,
    data: Mapping[str, Sequence[str]],
    questions: Sequence[str] | None = None,
) -> dict[str, str]:
    """Save the answers in ``data`` (the form's entries for each question code: see
    ``definition.parse``), for the ``questions`` named, or for every question of the response's
    sections when None. Valid answers are kept even when others are wrong, so nothing typed is
    lost; answers to questions now hidden are removed. Returns the errors, by question code."""
    if response.is_locked:
        raise ValidationError("This response has been submitted and can no longer be changed.")
    definition = questionnaire_of(response.questionnaire)
    in_sections = {q.code for q in definition.questions(response.sections)}
    wanted = [code for code in (questions if questions is not None else in_sections) if code in in_sections]
    errors: dict[str, str] = {}
    with transaction.atomic():
        response = Response.objects.select_for_update().get(pk=response.pk)
        stored = {answer.question: answer for answer in response.answers.all()}
        values: dict[str, Value] = {code: answer.value for code, answer in stored.items()}
        for code in wanted:
            question = definition.question(code)
            value, error = parse(definition, question, data.get(code, []))
            if error:
                errors[code] = error
                continue
            values[code] = value
        now = timezone.now()
        shown = {q.code for q in definition.shown(values, response.sections)}
        for code in wanted:
            if code in errors:
                continue
            value = values.get(code)
            answer = stored.get(code)
            if is_blank(value) or code not in shown:
                if answer is not None:
                    answer.delete()
                    stored.pop(code)
                continue
            if answer is None:
                answer = Answer(response=response, question=code)
            before = answer.value
            answer.set_value(value, kind=definition.question(code).type)
            if answer.pk is None or before != answer.value:
                answer.updated_at = now
                answer.save()
            stored[code] = answer
        # An answer changed may hide questions answered before: their answers go.
        for code in [c for c in stored if c not in shown and c in in_sections]:
            stored.pop(code).delete()
        current = {code: answer.value for code, answer in stored.items()}
        response.answered, response.asked = definition.progress(current, response.sections)
        response.updated_at = now
        response.save(update_fields=["answered", "asked", "updated_at"])
    return errors


def response_submit(
    *, actor, response: Response, status: str = Response.Status.SUBMITTED, summary: str = ""
) -> Response:
    """Submit the response: every shown required question must be answered (the errors are
    keyed by question code). It is then locked."""
    if response.is_locked:
        raise ValidationError("This response has already been submitted.")
    definition: Questionnaire = questionnaire_of(response.questionnaire)
    with transaction.atomic():
        response = Response.objects.select_for_update().get(pk=response.pk)
        missing = definition.missing(response.values(), response.sections)
        if missing:
            raise ValidationError(missing)
        response.status = status
        response.submitted_at = timezone.now()
        response.submitted_by = actor
        response.save(update_fields=["status", "submitted_at", "submitted_by"])
        event_record(
            actor=actor,
            verb="questionnaires.response_submitted",
            target=response,
            partnership=response.partnership,
            summary=summary or f"{definition.title}: response submitted",
        )
    return response


def response_reopen(*, actor, response: Response, reason: str) -> Response:
    """Open a submitted response for changes again, with the reason kept on it."""
    if not reason.strip():
        raise ValidationError({"reason": "Say why the response is being reopened."})
    with transaction.atomic():
        response = Response.objects.select_for_update().get(pk=response.pk)
        response.status = Response.Status.DRAFT
        response.reopen_reason = reason.strip()
        response.submitted_at = None
        response.save(update_fields=["status", "reopen_reason", "submitted_at"])
        event_record(
            actor=actor,
            verb="questionnaires.response_reopened",
            target=response,
            partnership=response.partnership,
            summary=f"{questionnaire_of(response.questionnaire).title}: response reopened",
            data={"reason": reason.strip()},
        )
    return response


def response_status_set(*, actor, response: Response, status: str, summary: str) -> Response:
    """Move a response to a status of the using app (e.g. "moderated"), recording it."""
    response.status = status
    response.save(update_fields=["status"])
    event_record(
        actor=actor,
        verb="questionnaires.response_status",
        target=response,
        partnership=response.partnership,
        summary=summary,
    )
    return response
