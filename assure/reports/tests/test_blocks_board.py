"""Block kinds that read the board's own records: membership, attendance, budget, actions,
Section 11 cycles, and the conclusion's data-driven answers."""

import datetime as dt
from decimal import Decimal

import pytest

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory
from assure.partnerships.models import Attendance, PartnershipAgency
from assure.partnerships.tests.factories import (
    AgencyFactory,
    AttendanceFactory,
    ContributionFactory,
    ExpenditureFactory,
    MeetingFactory,
)
from assure.performance.periods import period_for_year
from assure.performance.tests.factories import PriorityFactory, ScorecardLineFactory, indicator, validated_figures
from assure.reports.blocks import BlockContext, BlockData, block_kind
from assure.reports.tests.factories import ReportFactory
from assure.section11.models import Return
from assure.section11.tests.factories import CycleFactory, ReturnFactory

TODAY = dt.date(2015, 3, 10)


def compute(kind: str, report, section=None, **params) -> BlockData:
    return block_kind(kind).compute(BlockContext(report=report, section=section, params=params, today=TODAY))


@pytest.fixture
def report(partnership):
    return ReportFactory(partnership=partnership, year="2014-15")


# --- membership and attendance ---------------------------------------------------------------


def test_membership_lists_the_agencies_on_the_board_only(report, partnership, agency):
    off = AgencyFactory(name="Not on the board", partnerships=[partnership])
    PartnershipAgency.objects.filter(agency=off).update(on_board=False)
    rows = compute("membership", report).tables[0].rows
    assert [row[0] for row in rows] == [agency.name]


def test_attendance_gives_each_agency_its_percentage(report, partnership, agency):
    for day, status in ((dt.date(2014, 5, 1), "present"), (dt.date(2014, 9, 1), "absent")):
        AttendanceFactory(meeting=MeetingFactory(partnership=partnership, held_on=day), agency=agency, status=status)
    data = compute("attendance", report)
    assert data.tables[0].rows == [[agency.name, "2", "1", "50.0%"]]
    assert data.paragraphs[0].startswith("The board met 2 times in 2014-15.")


def test_attendance_counts_a_deputy_as_attending(report, partnership, agency):
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership), agency=agency, status=Attendance.Status.DEPUTY)
    assert compute("attendance", report).tables[0].rows[0][-1] == "100.0%"


def test_attendance_leaves_out_meetings_of_another_year(report, partnership, agency):
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership, held_on=dt.date(2015, 6, 1)), agency=agency)
    assert compute("attendance", report).empty


def test_attendance_has_a_chart_of_its_table(report, partnership, agency):
    AttendanceFactory(meeting=MeetingFactory(partnership=partnership), agency=agency)
    data = compute("attendance", report)
    assert data.charts[0].table == 0 and data.charts[0].spec["data"]["values"][0]["shown"] == "100.0%"


# --- budget ----------------------------------------------------------------------------------


def test_budget_totals_contributions_and_expenditure_and_the_balance(report, partnership, agency):
    ContributionFactory(partnership=partnership, agency=agency, amount=Decimal("150000.00"))
    ExpenditureFactory(partnership=partnership, amount=Decimal("140000.00"))
    data = compute("budget", report)
    assert data.tables[2].rows == [["Contributions", "£150,000"], ["Expenditure", "£140,000"], ["Balance", "£10,000"]]
    assert "The year ended with an underspend of £10,000, carried forward." in data.paragraphs


def test_budget_leaves_out_another_partnerships_money(report, other_partnership):
    ContributionFactory(partnership=other_partnership, amount=Decimal("5.00"))
    assert compute("budget", report).empty


# --- actions ---------------------------------------------------------------------------------


def test_actions_summary_lists_overdue_and_due_soon(report, partnership):
    ActionFactory(partnership=partnership, title="Late", due_on=TODAY - dt.timedelta(days=1))
    ActionFactory(partnership=partnership, title="Soon", due_on=TODAY + dt.timedelta(days=10))
    ActionFactory(partnership=partnership, title="Later", due_on=TODAY + dt.timedelta(days=90))
    ActionFactory(
        partnership=partnership, title="Done", due_on=TODAY - dt.timedelta(days=9), status=Action.Status.COMPLETED
    )
    data = compute("actions-summary", report, days=30)
    assert [[row[1] for row in t.rows] for t in data.tables] == [["Late"], ["Soon"]]


def test_actions_summary_leaves_out_another_partnerships_actions(report, other_partnership):
    ActionFactory(partnership=other_partnership, due_on=TODAY - dt.timedelta(days=1))
    assert compute("actions-summary", report).empty


# --- Section 11 ------------------------------------------------------------------------------


@pytest.fixture
def cycle(partnership):
    cycle = CycleFactory(lead_partnership=partnership, title="Section 11 audit 2014-15")
    record = ReturnFactory(cycle=cycle, status=Return.Status.SUBMITTED)
    ratings = {"1.1": "green", "1.2": "green", "2.1": "red", "2.2": "green"}
    for response in record.responses.all():
        response.self_rating = "" if response.not_applicable else ratings[response.criterion]
        response.save()
    return cycle


def test_section11_summary_gives_the_percentage_of_criteria_met(report, cycle):
    data = compute("section11-summary", report)
    assert data.paragraphs[0] == (
        "Section 11 audit 2014-15: 67% of the criteria rated were met (2 of 3), from 1 return handed in."
    )


def test_section11_summary_charts_compliance_by_standard(report, cycle):
    data = compute("section11-summary", report)
    chart = data.charts[0]
    assert data.tables[chart.table].caption.endswith("criteria met by standard")


def test_section11_summary_leaves_out_another_partnerships_cycle(report, other_partnership):
    CycleFactory(lead_partnership=other_partnership)
    assert compute("section11-summary", report).empty


def test_section11_summary_leaves_out_a_draft_return(report, partnership):
    cycle = CycleFactory(lead_partnership=partnership, title="Drafts only")
    ReturnFactory(cycle=cycle, status=Return.Status.IN_PROGRESS)
    assert compute("section11-summary", report).paragraphs == ["Drafts only: no return has been handed in yet."]


def test_section11_status_counts_returns_by_state(report, cycle):
    data = compute("section11-status", report)
    assert data.paragraphs == ["Section 11 audit 2014-15: 1 of 1 return handed in, 0 accepted and 0 overdue."]


# --- the conclusion --------------------------------------------------------------------------


@pytest.fixture
def scorecard_lines(partnership, agency):
    for year, values in {"2013-14": (424, 13), "2014-15": (577, 15)}.items():
        validated_figures(
            partnership=partnership,
            agency=agency,
            period=period_for_year(year),
            figures={
                indicator("eh-assessments"): values[0],
                indicator("csc-cp-plans-second-2-years-percent"): values[1],
            },
        )
    priority = PriorityFactory(partnership=partnership, title="Early help", position=1)
    ScorecardLineFactory(priority=priority, indicator=indicator("eh-assessments"), target=Decimal(500))
    ScorecardLineFactory(
        priority=priority, indicator=indicator("csc-cp-plans-second-2-years-percent"), target=Decimal(10)
    )


def test_question_2_counts_indicators_improving_and_worsening_by_priority(report, scorecard_lines):
    data = compute("conclusion-question", report, question=2)
    assert data.tables[0].rows == [["Early help", "1", "1", "0"]]
    assert data.charts


def test_question_1_counts_targets_and_ratings(report, scorecard_lines):
    assert compute("conclusion-question", report, question=1).tables[0].rows == [
        ["Early help", "2", "2", "1", "0", "1"]
    ]


def test_question_3_names_the_indicators_rated_red(report, scorecard_lines):
    data = compute("conclusion-question", report, question=3)
    assert "Second or subsequent child protection plans within 2 years" in data.paragraphs[0]


def test_question_4_counts_actions_completed_in_the_year_and_overdue(report, partnership):
    ActionFactory(partnership=partnership, status=Action.Status.COMPLETED, completed_on=dt.date(2014, 10, 1))
    ActionFactory(partnership=partnership, due_on=TODAY - dt.timedelta(days=2))
    rows = compute("conclusion-question", report, question=4).tables[0].rows
    assert rows == [["Completed in the year", "1"], ["Still open", "1"], ["Overdue", "1"]]


def test_question_5_gives_section11_compliance(report, cycle):
    data = compute("conclusion-question", report, question=5)
    assert data.paragraphs[0] == "Section 11 audit 2014-15: 67% of the criteria rated were met."


@pytest.mark.parametrize("question", [0, 6, "x"])
def test_a_question_outside_1_to_5_is_an_empty_block(report, question):
    assert compute("conclusion-question", report, question=question).empty
