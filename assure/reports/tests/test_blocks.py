"""Block kinds that read the core dataset: the child's journey, the scorecard, indicator charts
and tables, priority impact, the exception report; and what every block shares (the reader, the
shape of its data, the templates that name it)."""

import datetime as dt
from decimal import Decimal

import pytest

from assure.actions.tests.factories import ActionFactory
from assure.library.selectors import current_items
from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.periods import period_for_year
from assure.performance.tests.factories import (
    ExceptionItemFactory,
    ExceptionReportFactory,
    PriorityFactory,
    ScorecardLineFactory,
    indicator,
    validated_figures,
)
from assure.plans.tests.factories import PriorityReviewFactory, ReviewEvidenceFactory
from assure.reports.blocks import REGISTRY, BlockContext, BlockData, block_kind
from assure.reports.blocks.kinds._common import report_reader
from assure.reports.tests.factories import ReportFactory, SectionFactory

TODAY = dt.date(2015, 6, 1)


def compute(kind: str, report, section=None, **params) -> BlockData:
    found = block_kind(kind)
    assert found is not None, kind
    return found.compute(BlockContext(report=report, section=section, params=params, today=TODAY))


@pytest.fixture
def report(partnership):
    return ReportFactory(partnership=partnership, year="2014-15")


@pytest.fixture
def figures(partnership, agency):
    """Two years of validated figures of the partnership's agency."""
    for year, values in {
        "2013-14": {"eh-assessments": 424, "csc-lac": 271, "csc-s47-rate": 74, "training-sessions": 35},
        "2014-15": {"eh-assessments": 577, "csc-lac": 313, "csc-s47-rate": 84, "training-sessions": 42},
    }.items():
        validated_figures(
            partnership=partnership,
            agency=agency,
            period=period_for_year(year),
            figures={indicator(code): value for code, value in values.items()},
        )


# --- the reader ------------------------------------------------------------------------------


def test_the_reader_may_view_its_own_partnership(partnership):
    from assure.accounts.permissions import has_permission

    assert has_permission(user=report_reader(partnership), permission="performance.view", partnership=partnership)


def test_the_reader_may_not_view_another_partnership(partnership, other_partnership):
    from assure.accounts.permissions import has_permission

    assert not has_permission(
        user=report_reader(partnership), permission="performance.view", partnership=other_partnership
    )


def test_the_reader_holds_no_restricted_grant(partnership):
    from assure.accounts.permissions import has_restricted_grant

    assert not has_restricted_grant(
        user=report_reader(partnership), partnership=partnership, area="confidential-minutes"
    )


def test_a_block_never_shows_another_partnerships_figures(report, other_partnership):
    elsewhere = AgencyFactory(partnerships=[other_partnership])
    validated_figures(
        partnership=other_partnership,
        agency=elsewhere,
        period=period_for_year("2014-15"),
        figures={indicator("csc-lac"): 999},
    )
    data = compute("indicator-table", report, rows=[{"indicator": "csc-lac"}])
    assert "999" not in str(data.model_dump())


# --- templates -------------------------------------------------------------------------------


def test_every_block_the_shipped_templates_name_is_a_known_kind(db):
    block_kind("childs-journey")

    def kinds(sections):
        for section in sections:
            yield from (b["kind"] for b in section.get("blocks", []))
            yield from kinds(section.get("sections", []))

    named = {kind for item in current_items(kind="report-template") for kind in kinds(item.data["sections"])}
    assert named and named <= set(REGISTRY)


@pytest.mark.parametrize("code", ["annual-report", "board-pack"])
def test_the_shipped_templates_are_in_the_library(db, code):
    assert any(item.code == code for item in current_items(kind="report-template"))


# --- the child's journey ---------------------------------------------------------------------


def test_the_journey_says_how_each_figure_moved(report, figures):
    data = compute("childs-journey", report)
    assert (
        "Looked-after children in 2014-15 rose from 271 to 313, an increase of 15.5% on the previous year's figure."
        in data.paragraphs
    )


def test_the_journey_writes_a_rate_with_its_unit_once(report, figures):
    data = compute("childs-journey", report)
    assert any("rose from 74 to 84 per 10,000 children" in p for p in data.paragraphs)


def test_the_journey_has_a_chart_with_its_own_data_table(report, figures):
    data = compute("childs-journey", report)
    chart = data.charts[0]
    assert data.tables[chart.table].rows[0] == ["Early help assessments", "424", "577"]
    assert chart.spec["width"] != "container"


def test_the_journey_of_a_year_without_figures_is_empty(partnership):
    data = compute("childs-journey", ReportFactory(partnership=partnership, year="1999-00"))
    assert data.empty and not data.tables


def test_a_block_says_its_source_and_as_at_date(report, figures):
    data = compute("childs-journey", report)
    assert data.source and data.as_at == "2015-06-01"


def test_the_template_can_title_a_block(report, figures):
    assert compute("childs-journey", report, title="Our journey").title == "Our journey"


# --- scorecard extract -----------------------------------------------------------------------


@pytest.fixture
def priorities(partnership, figures):
    first = PriorityFactory(partnership=partnership, title="Early help", position=1)
    second = PriorityFactory(partnership=partnership, title="Care", position=2)
    ScorecardLineFactory(priority=first, indicator=indicator("eh-assessments"), target=Decimal(500))
    ScorecardLineFactory(priority=second, indicator=indicator("csc-lac"))
    return first, second


def test_the_scorecard_extract_shows_value_previous_direction_target_and_rag(report, priorities):
    data = compute("scorecard-extract", report)
    assert data.tables[0].rows[0][:6] == ["Early help assessments completed", "424", "577", "Improving", "500", "Green"]


def test_the_scorecard_extract_of_a_priority_section_shows_that_priority_only(report, priorities):
    section = SectionFactory(report=report, priority=priorities[1])
    data = compute("scorecard-extract", report, section)
    assert [t.caption for t in data.tables] == ["Care"]


def test_the_scorecard_extract_can_name_a_priority_by_number(report, priorities):
    assert [t.caption for t in compute("scorecard-extract", report, priority=1).tables] == ["Early help"]


# --- indicator chart and table ---------------------------------------------------------------


def test_an_indicator_chart_has_a_line_per_series_and_a_table(report, figures):
    data = compute("indicator-chart", report, indicator="csc-lac")
    assert data.tables[0].rows == [["2013-14", "271"], ["2014-15", "313"]]
    assert data.charts[0].spec["mark"]["type"] == "line"


def test_an_indicator_chart_stops_at_the_reports_year(partnership, figures):
    data = compute("indicator-chart", ReportFactory(partnership=partnership, year="2013-14"), indicator="csc-lac")
    assert data.tables[0].rows == [["2013-14", "271"]]


def test_an_indicator_chart_of_an_unknown_indicator_says_so(report):
    assert "no indicator" in compute("indicator-chart", report, indicator="no-such").empty


def test_an_indicator_table_labels_rows_as_the_template_says(report, figures):
    data = compute(
        "indicator-table", report, caption="Training", rows=[{"indicator": "training-sessions", "label": "Sessions"}]
    )
    assert data.tables[0].columns == ["Measure", "2013-14", "2014-15"]
    assert data.tables[0].rows == [["Sessions", "35", "42"]]


def test_an_indicator_table_writes_each_rows_change(report, figures):
    data = compute("indicator-table", report, rows=[{"indicator": "training-sessions", "subject": "Sessions"}])
    assert data.paragraphs == [
        "Sessions in 2014-15 rose from 35 to 42, an increase of 20% on 2013-14's figure: performance improved."
    ]


def test_an_indicator_table_shows_a_figure_not_available_in_the_templates_words(report, agency, partnership):
    from assure.performance.models import Observation

    data_return = validated_figures(
        partnership=partnership,
        agency=agency,
        period=period_for_year("2010-11"),
        figures={indicator("s136-health-place-of-safety"): 1},
    )
    Observation.objects.filter(data_return=data_return).update(value=None, missing="x")
    data = compute(
        "indicator-table",
        report,
        years=5,
        rows=[{"indicator": "s136-health-place-of-safety", "not_available": "Not in use"}],
    )
    assert data.tables[0].rows[0][1] == "Not in use"


def test_an_indicator_table_draws_bars_from_its_own_table(report, figures):
    data = compute("indicator-table", report, chart="bars", rows=[{"indicator": "training-sessions"}])
    assert data.charts and data.charts[0].table == 0


def test_an_indicator_table_without_rows_says_so(report):
    assert compute("indicator-table", report).empty


# --- priority impact -------------------------------------------------------------------------


def test_priority_impact_counts_indicators_that_improved(report, priorities):
    section = SectionFactory(report=report, priority=priorities[0])
    data = compute("priority-impact", report, section)
    assert data.tables[0].rows[0][3:] == ["Up 153 from 424 to 577", "Improved"]


def linked(priority, year: str, record, label: str):
    """``record`` linked as evidence to the business plan's review of ``priority`` for ``year``."""
    review = PriorityReviewFactory(priority=priority, year=year)
    return ReviewEvidenceFactory(review=review, target=record, label=label)


def test_priority_impact_shows_an_overdue_action_linked_to_the_plans_review(report, priorities, partnership):
    section = SectionFactory(report=report, priority=priorities[0])
    action = ActionFactory(partnership=partnership, due_on=TODAY - dt.timedelta(days=3), title="Audit plans")
    linked(priorities[0], "2014-15", action, "Action A-0001: Audit plans")
    evidence = compute("priority-impact", report, section).tables[-1]
    assert evidence.caption == "Evidence of impact"
    assert evidence.rows[0][0] == "Action A-0001: Audit plans"
    assert evidence.rows[0][1].startswith("Overdue: due 29 May 2015")


def test_priority_impact_shows_a_linked_indicators_movement(report, priorities):
    section = SectionFactory(report=report, priority=priorities[0])
    linked(priorities[0], "2014-15", indicator("eh-assessments"), "Indicator: Early help assessments")
    evidence = compute("priority-impact", report, section).tables[-1]
    assert evidence.rows[0][:2] == ["Indicator: Early help assessments", "Up 153 from 424 to 577"]


def test_priority_impact_leaves_out_evidence_of_another_years_review(report, priorities, partnership):
    section = SectionFactory(report=report, priority=priorities[0])
    linked(priorities[0], "2015-16", ActionFactory(partnership=partnership, title="Next year"), "Next year")
    assert "Next year" not in str(compute("priority-impact", report, section).model_dump())


def test_priority_impact_ignores_an_action_of_another_partnership(report, priorities, other_partnership):
    section = SectionFactory(report=report, priority=priorities[0])
    linked(priorities[0], "2014-15", ActionFactory(partnership=other_partnership, title="Theirs"), "Theirs")
    assert "Theirs" not in str(compute("priority-impact", report, section).model_dump())


# --- priority review -------------------------------------------------------------------------


def test_priority_review_shows_the_plans_answers_for_the_reports_year(report, priorities):
    PriorityReviewFactory(priority=priorities[0], year="2014-15", what_done="- Trained 54\n- Held a conference")
    PriorityReviewFactory(priority=priorities[0], year="2013-14", what_done="Last year's work")
    data = compute("priority-review", report, SectionFactory(report=report, priority=priorities[0]))
    assert data.title == "Review of Early help, 2014-15"
    assert data.tables[0].caption == "What we did, 2014-15"
    assert data.tables[0].rows == [["Trained 54"], ["Held a conference"]]
    assert "Last year's work" not in str(data.model_dump())


def test_priority_review_opens_with_why_it_is_a_priority(report, priorities):
    priorities[0].description = "Families need help sooner."
    priorities[0].save()
    data = compute("priority-review", report, SectionFactory(report=report, priority=priorities[0]))
    assert data.paragraphs[0] == "Families need help sooner."


def test_priority_review_says_when_the_plan_holds_no_review_of_the_year(report, priorities):
    data = compute("priority-review", report, SectionFactory(report=report, priority=priorities[1]))
    assert data.paragraphs == ["The business plan holds no review of Care for 2014-15 yet."]


def test_priority_review_of_a_subsection_reads_its_parents_priority(report, priorities):
    PriorityReviewFactory(priority=priorities[0], year="2014-15")
    parent = SectionFactory(report=report, priority=priorities[0])
    data = compute("priority-review", report, SectionFactory(report=report, parent=parent))
    assert data.title == "Review of Early help, 2014-15"


# --- exception report ------------------------------------------------------------------------


def test_the_exception_report_shows_the_owners_commentary(report, partnership):
    found = ExceptionReportFactory(partnership=partnership, period=period_for_year("2014-15"))
    ExceptionItemFactory(report=found, indicator=indicator("csc-lac"), commentary="Explained at the board.")
    data = compute("exception-report", report)
    assert data.tables[0].rows[0][-1] == "Explained at the board."


def test_no_exception_report_is_an_empty_block(report):
    assert compute("exception-report", report).empty
