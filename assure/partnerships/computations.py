"""Figures of the core dataset counted from the partnership's own registers (registered in
apps.py with ``assure.core.computations``): meetings held and attendance at them, per financial
year. The meetings services call ``records_changed`` when a meeting or its attendance is
recorded; the daily jobs count again as meetings' days come.

Both count every meeting of the partnership, whoever is looking: the performance app shows the
figures only to those who may see the partnership's performance.
"""

from collections import defaultdict
from collections.abc import Collection
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from assure.core.computations import ComputedFigure, Parameter

from .models import Attendance, Meeting, Partnership
from .years import financial_year_of

OWNER = "partnerships"

BOARD, SUBGROUPS, EVERY = "board", "subgroups", "all"
BODY = Parameter(
    "Whose meetings: the board's, the subgroups', or all of them.", choices=(BOARD, SUBGROUPS, EVERY), required=False
)
BODY_WORDS = {BOARD: "board meeting", SUBGROUPS: "subgroup meeting", EVERY: "meeting"}


def _meetings(partnership: Partnership, body: str) -> QuerySet[Meeting]:
    """The body's meetings whose day has come (a meeting in the diary is not yet held)."""
    meetings = Meeting.objects.filter(partnership=partnership, held_on__lte=timezone.localdate())
    if body == BOARD:
        return meetings.filter(subgroup__isnull=True)
    if body == SUBGROUPS:
        return meetings.filter(subgroup__isnull=False)
    return meetings


def _meetings_words(count: int, body: str) -> str:
    return f"{count} {BODY_WORDS[body]}{'' if count == 1 else 's'}"


def meetings_held(
    *, partnership: Partnership, years: Collection[str] | None = None, body: str = BOARD
) -> list[ComputedFigure]:
    """Per financial year, how many meetings of the body (``board``, ``subgroups`` or ``all``)
    the meetings register holds up to today."""
    held: dict[str, int] = defaultdict(int)
    for day in _meetings(partnership, body).values_list("held_on", flat=True):
        held[financial_year_of(day)] += 1
    return [
        ComputedFigure(
            year=year,
            numerator=Decimal(count),
            counted_from=f"the meetings register ({_meetings_words(count, body)})",
        )
        for year, count in sorted(held.items())
        if years is None or year in years
    ]


def attendance_percent(
    *, partnership: Partnership, years: Collection[str] | None = None, body: str = BOARD
) -> list[ComputedFigure]:
    """Per financial year, the places taken (an agency present, or represented by a deputy) out
    of the places recorded at the body's meetings: only meetings whose attendance was recorded
    count, as in the attendance report."""
    places: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    meetings: dict[str, set[int]] = defaultdict(set)
    records = Attendance.objects.filter(meeting__in=_meetings(partnership, body)).values_list(
        "meeting_id", "meeting__held_on", "status"
    )
    for meeting_id, day, status in records:
        year = financial_year_of(day)
        places[year][1] += 1
        places[year][0] += status in Attendance.ATTENDED
        meetings[year].add(meeting_id)
    return [
        ComputedFigure(
            year=year,
            numerator=Decimal(attended),
            denominator=Decimal(recorded),
            counted_from=f"the attendance recorded at {_meetings_words(len(meetings[year]), body)}",
        )
        for year, (attended, recorded) in sorted(places.items())
        if years is None or year in years
    ]
