"""Writes of surveys: adding and changing a survey, a response given on the public link, and
the business unit's review of the free-text answers (each becomes a voice: quoted or withheld).

A response on the public link is anonymous by design: it is made only when the whole survey
is sent and valid, in one transaction, with no respondent, no agency, and nothing of the
device or network it came from (no address, no browser, no cookie, no session)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.services import model_update
from assure.questionnaires.definition import is_blank, parse, questionnaire_of
from assure.questionnaires.models import Answer, Response
from assure.questionnaires.services import answers_save, response_start, response_submit

from ..models import Survey, Voice
from ..permissions import ensure_can_manage, may_answer
from ..selectors.surveys import submitted_responses, voice_sources

SURVEY_FIELDS = (
    "title",
    "series",
    "questionnaire",
    "audience",
    "introduction",
    "personal_data",
    "opens_on",
    "closes_on",
    "priority",
)
TEXT_FIELDS = ("title", "series", "audience", "introduction", "personal_data")

QUOTE, WITHHOLD = "quote", "withhold"


def _changed(partnership) -> None:
    records_changed("engagement", partnership_ids=[partnership.pk])


def _tidy(values: Mapping) -> dict:
    tidied = dict(values)
    for name in TEXT_FIELDS:
        if name in tidied:
            tidied[name] = (tidied[name] or "").strip()
    return tidied


def _check_survey(*, partnership, values: Mapping, offered: Sequence, survey: Survey | None = None) -> None:
    errors: dict[str, str] = {}
    opens_on, closes_on = values.get("opens_on"), values.get("closes_on")
    if opens_on and closes_on and closes_on < opens_on:
        errors["closes_on"] = "The survey must close on or after the day it opens."
    questionnaire = values.get("questionnaire")
    if questionnaire is not None:
        same = survey is not None and survey.questionnaire_id == questionnaire.pk
        if not same and questionnaire.pk not in {item.pk for item in offered}:
            errors["questionnaire"] = "Choose one of the library's survey questionnaires."
        if survey is not None and not same and submitted_responses(survey).exists():
            errors["questionnaire"] = (
                "The questionnaire cannot change once people have answered the survey: add a new survey instead."
            )
    priority = values.get("priority")
    if priority is not None and priority.partnership_id != partnership.pk:
        errors["priority"] = "Choose a priority of the partnership's business plan."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def survey_create(*, actor, partnership, values: Mapping, offered: Sequence) -> Survey:
    """Add a survey; its public link works from the day it opens to the day it closes.
    ``offered`` are the questionnaires the business unit may choose (selectors.surveys)."""
    ensure_can_manage(user=actor, partnership=partnership)
    values = _tidy(values)
    _check_survey(partnership=partnership, values=values, offered=offered)
    survey = Survey(partnership=partnership, created_by=actor, **{name: values.get(name) for name in SURVEY_FIELDS})
    survey.full_clean()
    survey.save()
    event_record(
        actor=actor,
        verb="engagement.survey_created",
        target=survey,
        partnership=partnership,
        summary=f"Survey added: {survey.title}",
    )
    _changed(partnership)
    return survey


@transaction.atomic
def survey_update(*, actor, survey: Survey, values: Mapping, offered: Sequence) -> list[str]:
    """Change a survey's details; returns the fields changed. Its questionnaire stays once it
    has responses, so every response of a survey answers the same questions."""
    partnership = survey.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    values = _tidy(values)
    _check_survey(partnership=partnership, values=values, offered=offered, survey=survey)
    changed = model_update(instance=survey, fields=SURVEY_FIELDS, data=values)
    if changed:
        event_record(
            actor=actor,
            verb="engagement.survey_updated",
            target=survey,
            partnership=partnership,
            summary=f"Survey changed: {survey.title}",
            data={"changed": changed},
        )
        _changed(partnership)
    return changed


# --- the public link ------------------------------------------------------------------------------


CLOSED = "This survey is closed, so answers can no longer be sent."
NOT_YET_OPEN = "This survey is not open yet."


def survey_answer(*, survey: Survey, data: Mapping[str, Sequence[str]], today: dt.date) -> Response:
    """Take one anonymous response to ``survey``: ``data`` holds the form's entries for each
    question code (as ``definition.parse`` reads them). Every answer is checked first; nothing is
    stored unless all are valid (the errors are raised keyed by question code). A question whose
    condition the answers do not meet is not kept. The response has no respondent and no agency,
    and nothing about who sent it is stored with it."""
    if not may_answer(survey=survey, today=today):
        raise ValidationError(NOT_YET_OPEN if today < survey.opens_on else CLOSED)
    questionnaire = questionnaire_of(survey.questionnaire)
    errors: dict[str, str] = {}
    values = {}
    for question in questionnaire.questions():
        value, error = parse(questionnaire, question, data.get(question.code, []))
        if error:
            errors[question.code] = error
        elif not is_blank(value):
            values[question.code] = value
    if not errors:
        errors.update(questionnaire.missing(values))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        response = response_start(
            actor=None, partnership=survey.partnership, questionnaire=survey.questionnaire, about=survey
        )
        left = answers_save(actor=None, response=response, data=data)
        if left:  # the same checks as above: kept so that nothing half-read is ever stored
            raise ValidationError(left)
        response = response_submit(actor=None, response=response, summary=f"Survey answered: {survey.title}")
        _changed(survey.partnership)
    return response


# --- free-text answers reviewed -------------------------------------------------------------------


def _consent_note(survey: Survey) -> str:
    return f"Given with the anonymous answer to the survey “{survey.title}”, whose introduction said so."[:300]


@transaction.atomic
def free_text_review(
    *,
    actor,
    partnership,
    survey: Survey,
    answer: Answer,
    decision: str,
    text: str,
    source_type: str,
    consent: bool = False,
    reason: str = "",
) -> Voice:
    """Review one free-text answer of the survey: it becomes a voice, approved ("May be quoted")
    or withheld ("Not to be quoted", with the reason), and leaves the answers to review. The
    words may be edited first (to take out a name). Consent to quote is recorded only when the
    reviewer says the survey told people their answers may be quoted without names."""
    ensure_can_manage(user=actor, partnership=partnership)
    if survey.partnership_id != partnership.pk or answer.response.about_id != str(survey.pk):
        raise ValidationError("This answer is not one of the survey's.")
    if Voice.objects.filter(answer=answer).exists():
        raise ValidationError("This answer has already been reviewed.")
    text, reason = (text or "").strip(), (reason or "").strip()
    errors: dict[str, str] = {}
    if decision not in (QUOTE, WITHHOLD):
        errors["decision"] = "Choose whether the answer may be quoted."
    if not text:
        errors["text"] = "Enter the words of the answer."
    if source_type not in dict(voice_sources()):
        errors["source_type"] = "Choose who gave the answer."
    if decision == WITHHOLD and not reason:
        errors["reason"] = "Say why the answer is not to be quoted."
    if decision == WITHHOLD and consent:
        errors["consent"] = "An answer not to be quoted has no consent to quote: untick the box."
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    submitted = answer.response.submitted_at
    quoted = decision == QUOTE
    voice = Voice(
        partnership=partnership,
        source_type=source_type,
        channel=f"Survey: {survey.title}"[:120],
        heard_on=timezone.localdate(submitted) if submitted else timezone.localdate(),
        text=text,
        consent_to_quote=quoted and consent,
        consent_note=_consent_note(survey) if quoted and consent else "",
        priority=survey.priority,
        status=Voice.Status.APPROVED if quoted else Voice.Status.WITHHELD,
        reviewed_by=actor,
        reviewed_at=now,
        withheld_reason="" if quoted else reason[:300],
        survey=survey,
        answer=answer,
        recorded_by=actor,
        recorded_at=now,
    )
    voice.full_clean()
    voice.save()
    event_record(
        actor=actor,
        verb="engagement.survey_answer_reviewed",
        target=voice,
        partnership=partnership,
        summary=f"Free-text answer to the survey {survey.title} reviewed: "
        f"{'may be quoted' if quoted else 'not to be quoted'}",
    )
    _changed(partnership)
    return voice
