"""The demo's evaluations answered on the library's questionnaires: a submitted response behind each
submitted evaluation, with its answers (the scales mostly good; the long-text answers drawn from
``words.py``), written in bulk. The answers have their own random source, so adding them changes
nothing else the demo draws."""

from __future__ import annotations

import random
from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast

from assure.library.selectors import current_item
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.models import Answer, Response

from ..evaluation_rules import QUESTIONNAIRES
from ..models import Evaluation
from . import words

Stage = Evaluation.Stage
# How delegates rated the course after it (each point's weight, poorest first).
RATINGS = {
    "after-content": (("poor", 1), ("fair", 4), ("good", 18), ("very-good", 42), ("excellent", 35)),
    "after-trainer": (("poor", 1), ("fair", 3), ("good", 14), ("very-good", 40), ("excellent", 42)),
    "after-venue": (("poor", 3), ("fair", 9), ("good", 30), ("very-good", 36), ("excellent", 22)),
    "after-pace": (("too-slow", 8), ("about-right", 80), ("too-fast", 12)),
    "follow-up-changed": (("a-lot", 38), ("a-little", 52), ("not-at-all", 10)),
}


def _pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    codes, weights = zip(*weighted, strict=True)
    return rng.choices(codes, weights)[0]


def _before(rng: random.Random, n: int) -> dict[str, str]:
    return {
        "before-hopes": words.HOPES[n % len(words.HOPES)],
        "before-practice": words.PRACTICE[n % len(words.PRACTICE)],
        "before-met-before": "yes" if rng.random() < 0.6 else "no",
    }


def _after(rng: random.Random, n: int) -> dict[str, str]:
    rated = ("after-content", "after-trainer", "after-venue", "after-pace")
    values = {code: _pick(rng, RATINGS[code]) for code in rated}
    values["after-differently"] = words.DIFFERENTLY[n % len(words.DIFFERENTLY)]
    if rng.random() < 0.4:
        values["after-comments"] = words.COMMENTS[n % len(words.COMMENTS)]
    return values


def _follow_up(rng: random.Random, n: int) -> dict[str, str]:
    changed = _pick(rng, RATINGS["follow-up-changed"])
    values = {"follow-up-changed": changed}
    if changed != "not-at-all":
        values["follow-up-what"] = words.CHANGED[n % len(words.CHANGED)]
        if rng.random() < 0.6:
            values["follow-up-example"] = words.EXAMPLES[n % len(words.EXAMPLES)]
    if rng.random() < 0.3:
        values["follow-up-barriers"] = words.BARRIERS[n % len(words.BARRIERS)]
    values["follow-up-recommend"] = "yes" if rng.random() < 0.92 else "no"
    return values


ANSWERING = {Stage.BEFORE: _before, Stage.AFTER: _after, Stage.FOLLOW_UP: _follow_up}


def answers_write(*, partnership, evaluations: Sequence[Evaluation], said: dict[int, str]) -> int:
    """A submitted response, with its answers, for each submitted evaluation of ``evaluations``
    (written, so with their keys), which then points at it. ``said`` holds the words of the
    after-course answers quoted, by the evaluation's key. Returns the responses written."""
    rng = random.Random(2016)
    about_type = ContentType.objects.get_for_model(Evaluation)
    items = {stage: current_item(kind="questionnaire", code=code) for stage, code in QUESTIONNAIRES.items()}
    if any(item is None for item in items.values()):
        return 0
    questionnaires = {stage: questionnaire_of(item) for stage, item in items.items()}
    kinds = {stage: {q.code: q.type for q in q_.questions()} for stage, q_ in questionnaires.items()}
    submitted = [e for e in evaluations if e.submitted_at is not None]
    responses, answered = [], []
    for n, evaluation in enumerate(submitted):
        values = ANSWERING[evaluation.stage](rng, n)
        if evaluation.pk in said:
            values["after-differently"] = said[evaluation.pk]
        done, asked = questionnaires[evaluation.stage].progress(values)
        respondent = evaluation.booking.practitioner.user_id
        responses.append(
            Response(
                partnership=partnership,
                questionnaire=items[evaluation.stage],
                about_type=about_type,
                about_id=str(evaluation.pk),
                agency_id=evaluation.booking.agency_id,
                respondent_id=respondent,
                status=Response.Status.SUBMITTED,
                answered=done,
                asked=asked,
                submitted_at=evaluation.submitted_at,
                submitted_by_id=respondent,
                created_at=evaluation.sent_at,
                updated_at=evaluation.submitted_at,
            )
        )
        answered.append(values)
    Response.objects.bulk_create(responses, batch_size=500)
    answers = []
    for evaluation, response, values in zip(submitted, responses, answered, strict=True):
        evaluation.response = response
        for code, value in values.items():
            answer = Answer(response=response, question=code, updated_at=evaluation.submitted_at)
            answer.set_value(value, kind=kinds[evaluation.stage][code])
            answers.append(answer)
    Answer.objects.bulk_create(answers, batch_size=1000)
    # Each evaluation points at its response: one statement, quicker than updating them row by row.
    Evaluation.objects.filter(pk__in=[e.pk for e in submitted]).update(
        response=Subquery(
            Response.objects.filter(about_type=about_type, about_id=Cast(OuterRef("pk"), CharField())).values("pk")[:1]
        )
    )
    return len(responses)
