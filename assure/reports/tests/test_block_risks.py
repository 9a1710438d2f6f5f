"""The risk register's report blocks: the heat map and the risks above the board's appetite."""

import datetime as dt
from types import SimpleNamespace

import pytest

from assure.governance.tests.factories import RiskFactory, RiskReviewFactory
from assure.reports.blocks import compute_block

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 7)


def _compute(kind: str, partnership):
    data, problem = compute_block(
        kind=kind, report=SimpleNamespace(partnership=partnership, pk=1), section=None, params={}, today=TODAY
    )
    assert problem == ""
    return data


def test_the_heat_map_names_each_cells_level_and_risks(partnership, other_partnership):
    RiskFactory(partnership=partnership, reference="R-01", current_likelihood=4, current_impact=5)
    RiskFactory(partnership=other_partnership, reference="R-09", current_likelihood=4, current_impact=5)
    grid = _compute("risk-heat-map", partnership).tables[0]
    impact_5 = grid.rows[0]
    assert impact_5[4] == "20 Very high: R-01"
    assert "R-09" not in str(grid.rows)


def test_the_heat_map_says_so_when_no_risk_is_open(partnership):
    assert _compute("risk-heat-map", partnership).empty == "The risk register holds no open risk."


def test_only_risks_above_the_appetite_are_listed_highest_first(partnership):
    RiskFactory(partnership=partnership, reference="R-01", current_likelihood=3, current_impact=4)
    RiskFactory(partnership=partnership, reference="R-02", current_likelihood=5, current_impact=4)
    RiskFactory(partnership=partnership, reference="R-03", current_likelihood=3, current_impact=3)
    rows = _compute("risks-above-appetite", partnership).tables[0].rows
    assert [(row[0], row[3], row[4]) for row in rows] == [("R-02", "20", "Very high"), ("R-01", "12", "High")]


def test_a_risk_above_the_appetite_shows_its_last_change(partnership):
    risk = RiskFactory(partnership=partnership, current_likelihood=3, current_impact=4)
    RiskReviewFactory(risk=risk, reviewed_on=TODAY - dt.timedelta(days=100), likelihood=4, impact=4)
    RiskReviewFactory(risk=risk, reviewed_on=TODAY - dt.timedelta(days=10), likelihood=3, impact=4)
    (row,) = _compute("risks-above-appetite", partnership).tables[0].rows
    assert row[5] == "Down from 16"
