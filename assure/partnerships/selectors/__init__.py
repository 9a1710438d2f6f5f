"""Reads of partnerships and their registers. Every function takes the requesting user and
returns only records of the partnership it is given, and only if the user may see them."""

from .agencies import agency_link, agency_links_of, classification_choices, partnership_agencies
from .attendance import BOARD, NO_FIGURE, AttendanceRow, attendance_by_agency
from .budget import Budget, BudgetLine, budget_for_year, budget_years, contributions_of, expenditure_of
from .home import home_of
from .meetings import (
    AttendanceLine,
    agency_attendance,
    attendance_sheet,
    confidential_minute_count,
    confidential_minute_for,
    confidential_minutes_of,
    expected_agencies,
    meeting_links,
    meeting_years,
    meetings_of,
)
from .partnerships import (
    FirstStepLine,
    Overview,
    first_steps_of,
    managed_partnerships,
    partnership_for_member,
    partnership_for_operator,
    partnership_overview,
    partnerships_for_operator,
    partnerships_of,
)
from .subgroups import subgroups_of

__all__ = [
    "BOARD",
    "NO_FIGURE",
    "AttendanceLine",
    "AttendanceRow",
    "Budget",
    "BudgetLine",
    "FirstStepLine",
    "Overview",
    "agency_attendance",
    "agency_link",
    "agency_links_of",
    "attendance_by_agency",
    "attendance_sheet",
    "budget_for_year",
    "budget_years",
    "classification_choices",
    "confidential_minute_count",
    "confidential_minute_for",
    "confidential_minutes_of",
    "contributions_of",
    "expected_agencies",
    "expenditure_of",
    "first_steps_of",
    "home_of",
    "managed_partnerships",
    "meeting_links",
    "meeting_years",
    "meetings_of",
    "partnership_agencies",
    "partnership_for_member",
    "partnership_for_operator",
    "partnership_overview",
    "partnerships_for_operator",
    "partnerships_of",
    "subgroups_of",
]
