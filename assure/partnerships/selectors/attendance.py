"""The attendance report: for each agency and financial year, how many meetings it was expected
at and how many it attended, as an annual report's appendix shows it.

A meeting counts once its attendance has been recorded: the attendance records are the record of
who was expected, so the figures for a past year do not change when an agency later joins,
leaves or gives up its board seat.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from ..models import Agency, Attendance, Meeting, Partnership, PartnershipAgency, Subgroup
from ..permissions import can_view
from ..years import financial_year_bounds, financial_year_of

BOARD: Literal["board"] = "board"
NO_FIGURE = "–"


@dataclass(frozen=True)
class AttendanceRow:
    agency_id: int
    agency: str
    year: str
    expected: int
    attended: int

    @property
    def percentage(self) -> Decimal | None:
        """Attended as a percentage of expected, to one decimal place; None when the agency was
        expected at no meeting (which is not the same as attending none)."""
        if not self.expected:
            return None
        return (Decimal(self.attended) * 100 / Decimal(self.expected)).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def percentage_text(self) -> str:
        percentage = self.percentage
        return NO_FIGURE if percentage is None else f"{percentage}%"


def _meetings(partnership: Partnership, year: str | None, subgroup: Subgroup | str | None):
    meetings = Meeting.objects.filter(partnership=partnership)
    if subgroup == BOARD:
        meetings = meetings.filter(subgroup__isnull=True)
    elif subgroup is not None:
        meetings = meetings.filter(subgroup=subgroup)
    if year:
        meetings = meetings.filter(held_on__range=financial_year_bounds(year))
    return meetings


def _expected_now(partnership: Partnership, subgroup: Subgroup | str | None) -> dict[int, object]:
    """Agency id → the date it joined (or None), for the agencies the body expects today."""
    links = PartnershipAgency.objects.filter(partnership=partnership, left_on__isnull=True)
    if subgroup == BOARD:
        links = links.filter(on_board=True)
    elif subgroup is not None:
        links = links.filter(agency__in=subgroup.agencies.all())
    return dict(links.values_list("agency_id", "joined_on"))


def attendance_by_agency(
    *,
    user,
    partnership: Partnership,
    year: str | None = None,
    subgroup: Subgroup | Literal["board"] | None = None,
    agency: Agency | None = None,
) -> list[AttendanceRow]:
    """One row per agency and financial year: meetings expected, meetings attended (present or
    by a deputy) and the percentage.

    ``year`` limits the report to one financial year ("2014-15"); ``subgroup`` to one body (a
    subgroup, or ``BOARD``; None means every meeting); ``agency`` to one agency. Agencies the body
    expects today are listed even in a year they were expected at nothing (their percentage is
    None, shown as "–"), unless they joined after that year. Rows come newest year first, then by
    agency name.
    """
    if not can_view(user=user, partnership=partnership):
        return []
    if isinstance(subgroup, Subgroup) and subgroup.partnership_id != partnership.pk:
        return []
    meetings = _meetings(partnership, year, subgroup)
    years = [year] if year else sorted({financial_year_of(d) for d in meetings.values_list("held_on", flat=True)})

    tally: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    records = Attendance.objects.filter(meeting__in=meetings).values_list("agency_id", "meeting__held_on", "status")
    for agency_id, held_on, status in records:
        counts = tally[(agency_id, financial_year_of(held_on))]
        counts[0] += 1
        if status in Attendance.ATTENDED:
            counts[1] += 1

    expected_now = _expected_now(partnership, subgroup)
    wanted: set[tuple[int, str]] = set(tally)
    for agency_id, joined_on in expected_now.items():
        for each_year in years:
            if joined_on is None or joined_on <= financial_year_bounds(each_year)[1]:
                wanted.add((agency_id, each_year))
    if agency is not None:
        wanted = {key for key in wanted if key[0] == agency.pk}

    names = dict(Agency.objects.filter(pk__in={a for a, _ in wanted}).values_list("pk", "name"))
    rows = [AttendanceRow(a, names[a], y, *tally.get((a, y), (0, 0))) for a, y in wanted]
    rows.sort(key=lambda row: row.agency.casefold())
    rows.sort(key=lambda row: row.year, reverse=True)
    return rows
