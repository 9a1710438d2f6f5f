"""The annual report's block of the registers monitored under a priority section's priority."""

import datetime as dt
from types import SimpleNamespace

import pytest

from assure.plans.tests.factories import PriorityFactory
from assure.registers.models import MonitoredUnder
from assure.registers.tests.factories import EntryFactory, marac_values
from assure.reports.blocks import compute_block

pytestmark = pytest.mark.django_db


def _compute(partnership, priority, year="2014-15"):
    data, problem = compute_block(
        kind="register-figures",
        report=SimpleNamespace(partnership=partnership, year=year, pk=1),
        section=SimpleNamespace(priority=priority, parent=None),
        params={},
        today=dt.date(2015, 5, 1),
    )
    assert problem == ""
    return data


@pytest.fixture
def priority(partnership):
    priority = PriorityFactory(partnership=partnership, title="Domestic abuse")
    MonitoredUnder.objects.create(partnership=partnership, kind_code="marac-case", priority=priority)
    return priority


def test_the_block_tables_the_register_against_the_year_before(partnership, priority):
    for _ in range(7):
        EntryFactory(partnership=partnership, values=marac_values(**{"discussed-on": "2014-06-10"}))
    data = _compute(partnership, priority)
    assert data.tables[0].rows[0] == ["Cases discussed", "0", "7", "+7", ""]


def test_the_block_hides_small_numbers_whoever_refreshes_it(partnership, priority):
    for referrer in ("police",) * 6 + ("housing",):
        EntryFactory(
            partnership=partnership, values=marac_values(**{"discussed-on": "2014-06-10", "referred-by": referrer})
        )
    rows = {row[0]: row[2] for row in _compute(partnership, priority).tables[1].rows}
    assert rows["Housing"] == "fewer than 6"


def test_a_priority_without_registers_has_an_empty_block(partnership):
    data = _compute(partnership, PriorityFactory(partnership=partnership))
    assert data.empty == "No register is monitored under this priority."


def test_a_register_without_entries_says_so(partnership, priority):
    assert _compute(partnership, priority).paragraphs == ["MARAC cases: no entry was recorded in 2014-15 or 2013-14."]


def test_another_partnerships_priority_shows_nothing(partnership, other_partnership, priority):
    data = _compute(other_partnership, priority)
    assert data.empty == "No register is monitored under this priority."
