"""The young people's e-safety surveys of February 2014 and February 2015: about 300 anonymous
responses each, answered so that the report's findings show when they are compared (fewer young
people met up with someone they only knew online; more would tell a parent, a teacher or a
friend if something online worried them). Each figure below is the number of responses giving
the answer, spread over the responses in a fixed order, so the demo is the same on every load."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from assure.library.selectors import current_item
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.models import Answer, Response

from ..models import Survey

QUESTIONNAIRE = "esafety-young-people"


@dataclass(frozen=True)
class Year:
    title: str
    opens_on: dt.date
    closes_on: dt.date
    responses: int
    met_stranger: int
    worried: int
    nobody: int
    tell: dict[str, int]  # responses choosing each of the others


YEARS = (
    Year(
        "Staying safe online, 2014",
        dt.date(2014, 2, 3),
        dt.date(2014, 2, 28),
        responses=300,
        met_stranger=42,  # 14%
        worried=75,  # 25%
        nobody=36,  # 12%
        tell={"parent": 159, "teacher": 87, "friend": 138, "other-adult": 45, "website": 24},
    ),
    Year(
        "Staying safe online, 2015",
        dt.date(2015, 2, 2),
        dt.date(2015, 2, 27),
        responses=312,
        met_stranger=28,  # 9%
        worried=72,  # 23%
        nobody=16,  # 5%
        tell={"parent": 206, "teacher": 128, "friend": 175, "other-adult": 56, "website": 37},
    ),
)
AGES = ("11-12", "13-14", "15-16", "17-18")
HOURS = ("under-1", "1-3", "over-3")
# Invented free-text answers of 2015, naming nobody, for the business unit to review.
SAID_2015 = (
    "The video we watched in assembly was better than the old ones because it showed what really happens.",
    "I think parents should learn about the apps we use, not just ban them.",
    "It would help to know who to talk to at school if something happens online.",
)


def _chosen(rng: random.Random, among: list[int], count: int) -> set[int]:
    return set(rng.sample(among, count))


def _values(year: Year, rng: random.Random) -> list[dict]:
    everyone = list(range(year.responses))
    met = _chosen(rng, everyone, year.met_stranger)
    worried = _chosen(rng, everyone, year.worried)
    nobody = _chosen(rng, everyone, year.nobody)
    others = [n for n in everyone if n not in nobody]
    telling = {code: _chosen(rng, others, count) for code, count in year.tell.items()}
    found = []
    for n in everyone:
        told = ["nobody"] if n in nobody else [code for code in year.tell if n in telling[code]]
        values = {
            "age-group": AGES[n % len(AGES)],
            "hours-online": HOURS[(n // 4) % len(HOURS)],
            "met-stranger": "yes" if n in met else "no",
            "worried": "yes" if n in worried else "no",
        }
        if told:
            values["would-tell"] = told
        found.append(values)
    return found


def surveys_load(*, partnership, priority, business_unit) -> dict[str, int]:
    item = current_item(kind="questionnaire", code=QUESTIONNAIRE)
    questionnaire = questionnaire_of(item)
    kinds = {question.code: question.type for question in questionnaire.questions()}
    about_type = ContentType.objects.get_for_model(Survey)
    rng = random.Random(2014)
    written = {"surveys": 0, "survey_responses": 0}
    for year in YEARS:
        survey = Survey.objects.create(
            partnership=partnership,
            title=year.title,
            series=QUESTIONNAIRE,
            questionnaire=item,
            audience="Young people aged 11 to 18 at school in Shropshire",
            introduction="Tell us what you do online, and who you would tell if something online worried you. "
            "Nobody will know who you are.",
            opens_on=year.opens_on,
            closes_on=year.closes_on,
            priority=priority,
            created_by=business_unit,
        )
        answered = _values(year, rng)
        if year.opens_on.year == 2015:
            for n, text in enumerate(SAID_2015):
                answered[n * 7]["anything-else"] = text
        days = (year.closes_on - year.opens_on).days + 1
        responses = []
        for n, values in enumerate(answered):
            day = year.opens_on + dt.timedelta(days=n % days)
            moment = timezone.make_aware(dt.datetime.combine(day, dt.time(9 + n % 7, (n * 13) % 60)))
            done, asked = questionnaire.progress(values)
            responses.append(
                Response(
                    partnership=partnership,
                    questionnaire=item,
                    about_type=about_type,
                    about_id=str(survey.pk),
                    status=Response.Status.SUBMITTED,
                    answered=done,
                    asked=asked,
                    submitted_at=moment,
                    created_at=moment,
                    updated_at=moment,
                )
            )
        Response.objects.bulk_create(responses, batch_size=500)
        answers = []
        for response, values in zip(responses, answered, strict=True):
            for code, value in values.items():
                answer = Answer(response=response, question=code, updated_at=response.submitted_at)
                answer.set_value(value, kind=kinds[code])
                answers.append(answer)
        Answer.objects.bulk_create(answers, batch_size=1000)
        written["surveys"] += 1
        written["survey_responses"] += len(responses)
    return written
