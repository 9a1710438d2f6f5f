"""Shropshire's child protection conferences of 2013-14 and 2014-15, each with its submitted
quality-assurance checklist, answered so that the seed's §5.8 table comes out of the stored answers
to the rounded percent (371 and 426 conferences; 72% then 67% of social workers' reports on time,
and so on), and §5.9's analysis of absences too: in 2014-15, 243 conferences where an agency was
not adequately represented, the GP absent from 44% of them.

The answers are spread over the conferences by a fixed shuffle (the same on every load), so no two
questions line up by accident. What the report does not give is invented and said to be: the kind
of each conference, the other agencies absent, the whole of 2013-14's absences (the report gives
only that 33% had every key agency there) and the chairs, who are invented members of staff.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from assure.demo import region
from assure.library.selectors import current_item
from assure.questionnaires.definition import questionnaire_of
from assure.questionnaires.models import Answer, Response
from assure.questionnaires.results import percent as percent_of  # half rounded up, as the board's table rounds

from ..models import Conference

CHECKLIST = "conference-checklist"
CHAIRS = ("Delphine Wrexworth", "Ambrose Kittering", "Sorcha Pennywell", "Halden Mayhew")

# Every yes-no question of the checklist, with its "% yes" in 2013-14 and 2014-15 (§5.8). The
# question asked only when the parents had not seen the report counts among those conferences.
YES_PERCENT = {
    "report-on-time": (72, 67),
    "parents-saw-report": (64, 62),
    "parents-aware-of-view": (57, 89),
    "evidence-based-analysis": (96, 95),
    "clear-recommendations": (85, 90),
    "family-present": (69, 80),
    "children-present": (32, 23),
    "social-work-representation": (98, 95),
    "key-agencies-present": (33, 57),
    "core-groups-held": (97, 90),
    "agencies-contributed": (96, 91),
    "plan-followed": (96, 91),
    "resources-secured": (96, 91),
}
KEY_AGENCIES = "key-agencies-present"
ABSENT = "agencies-absent"
CONDITIONAL = "parents-aware-of-view"
NON_KEY = ("school", "health-visitor", "midwifery", "mental-health", "probation", "substance-misuse", "housing")


@dataclass(frozen=True)
class Year:
    label: str
    start: dt.date
    conferences: int
    with_absence: int  # conferences where an agency was not adequately represented
    gp_percent: int  # of those, the percentage with the GP absent
    column: int  # the year's column of YES_PERCENT


YEARS = (
    # 2013-14: the report gives no analysis of absences; 279 and 52% are invented, consistent with
    # the 67% of conferences without every key agency.
    Year("2013-14", dt.date(2013, 4, 1), 371, 279, 52, 0),
    # 2014-15: §5.9, 243 conferences, 44% of them with the GP absent.
    Year("2014-15", dt.date(2014, 4, 1), 426, 243, 44, 1),
)


def count_for(percent: int, whole: int) -> int:
    """The number of ``whole`` that rounds to ``percent``."""
    guess = round(percent * whole / 100)
    for count in (guess, guess - 1, guess + 1):
        if 0 <= count <= whole and percent_of(count, whole) == percent:
            return count
    raise ValueError(f"no count of {whole} rounds to {percent}%")


def _chosen(keys: list[int], count: int, seed: str) -> set[int]:
    shuffled = list(keys)
    random.Random(seed).shuffle(shuffled)
    return set(shuffled[:count])


def _days(year: Year) -> list[dt.date]:
    """The conferences' days, spread through the year, on weekdays."""
    days = []
    for i in range(year.conferences):
        day = year.start + dt.timedelta(days=i * 365 // year.conferences)
        if day.weekday() >= 5:
            day -= dt.timedelta(days=day.weekday() - 4)
        days.append(day)
    return days


def answers_for(year: Year) -> list[dict]:
    """Each conference's answers (question code → value) for the year, reproducing its figures."""
    n = year.conferences
    everyone = list(range(n))
    values: list[dict] = [{} for _ in everyone]
    kinds = random.Random(f"{year.label}-type")
    for answers in values:
        draw = kinds.random()
        answers["conference-type"] = "initial" if draw < 0.35 else "review" if draw < 0.95 else "transfer-in"
    for question, percents in YES_PERCENT.items():
        if question in (CONDITIONAL, KEY_AGENCIES):
            continue
        yes = _chosen(everyone, count_for(percents[year.column], n), f"{year.label}-{question}")
        for i in everyone:
            values[i][question] = "yes" if i in yes else "no"
    # Told the assessment's view: asked only where the parents had not seen the report in time.
    not_seen = [i for i in everyone if values[i]["parents-saw-report"] == "no"]
    told = _chosen(not_seen, count_for(YES_PERCENT[CONDITIONAL][year.column], len(not_seen)), f"{year.label}-told")
    for i in not_seen:
        values[i][CONDITIONAL] = "yes" if i in told else "no"
    # Who was absent. A conference without every key agency had the GP or the police absent; the
    # rest of those with an agency absent missed only agencies that are not key ones.
    key_present = count_for(YES_PERCENT[KEY_AGENCIES][year.column], n)
    order = list(everyone)
    random.Random(f"{year.label}-absences").shuffle(order)
    key_absent = order[: n - key_present]
    others_absent = order[n - key_present : year.with_absence]
    gp = set(key_absent[: count_for(year.gp_percent, year.with_absence)])
    for position, i in enumerate(order):
        if i in gp:
            absent = ["gp", "police"] if position % 4 == 0 else ["gp"]
        elif i in key_absent:
            absent = ["police", NON_KEY[position % len(NON_KEY)]] if position % 3 == 0 else ["police"]
        elif i in others_absent:
            absent = [NON_KEY[position % len(NON_KEY)]]
        else:
            absent = ["none"]
        values[i][KEY_AGENCIES] = "no" if i in key_absent else "yes"
        values[i][ABSENT] = absent
    return values


def conferences_demo_load(*, partnerships: dict, users: dict, today: dt.date) -> None:
    """Write Shropshire's conferences of 2013-14 and 2014-15 with their submitted checklists
    (called by the audits demo). Rows are written in bulk: the checklists hold no field history."""
    partnership = partnerships[region.SHROPSHIRE]
    recorder = users[(region.SHROPSHIRE, "business-unit")]
    item = current_item(kind="questionnaire", code=CHECKLIST)
    definition = questionnaire_of(item)
    kinds = {q.code: q.type for q in definition.questions()}
    about_type = ContentType.objects.get_for_model(Conference)
    with transaction.atomic():
        for year in YEARS:
            days = _days(year)
            values = answers_for(year)
            conferences = Conference.objects.bulk_create(
                Conference(
                    partnership=partnership,
                    held_on=day,
                    chair=CHAIRS[i % len(CHAIRS)],
                    case_reference=f"CP{day:%y}-{i + 1:04d}",
                    recorded_by=recorder,
                    created_at=_moment(day),
                )
                for i, day in enumerate(days)
            )
            responses = []
            for conference, answers in zip(conferences, values, strict=True):
                answered, asked = definition.progress(answers)
                moment = _moment(conference.held_on)
                responses.append(
                    Response(
                        partnership=partnership,
                        questionnaire=item,
                        about_type=about_type,
                        about_id=str(conference.pk),
                        status=Response.Status.SUBMITTED,
                        answered=answered,
                        asked=asked,
                        submitted_at=moment,
                        submitted_by=recorder,
                        created_at=moment,
                        updated_at=moment,
                    )
                )
            Response.objects.bulk_create(responses)
            for conference, response in zip(conferences, responses, strict=True):
                conference.response = response
            Conference.objects.bulk_update(conferences, ["response"])
            rows = []
            for response, answers in zip(responses, values, strict=True):
                for code, value in answers.items():
                    answer = Answer(response=response, question=code, updated_at=response.submitted_at)
                    answer.set_value(value, kind=kinds[code])
                    rows.append(answer)
            Answer.objects.bulk_create(rows, batch_size=2000)


def _moment(day: dt.date) -> dt.datetime:
    """The checklist's submission: the working day after the conference, mid-morning."""
    after = day + dt.timedelta(days=3 if day.weekday() == 4 else 1)
    return timezone.make_aware(dt.datetime.combine(after, dt.time(10, 30)))
