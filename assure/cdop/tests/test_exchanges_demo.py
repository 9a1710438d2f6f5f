"""The demo's exchange with Sandwell: four reviewed Shropshire cases, scored back with one category
and one modifiable-factor decision different. Loaded on reviewed deaths made here as the deaths
part's demo makes them (``made["deaths"]``), so it does not wait on the whole demo region."""

import datetime as dt

import pytest

from assure.cdop.demo.exchanges import exchanges_demo_load
from assure.cdop.models import ChildDeath
from assure.cdop.selectors.exchanges import exchange_comparison
from assure.cdop.tests.factories import ChildDeathFactory, panel_of
from assure.library.selectors import current_item

CASES = [
    ("perinatal-neonatal", "none"),
    ("chromosomal-genetic-congenital", "none"),
    ("sudden-unexpected-unexplained", "identified"),
    ("infection", "none"),
    ("malignancy", "none"),
]


@pytest.fixture
def exchange(partnership):
    panel = panel_of(partnership)
    deaths = {
        f"shropshire-{number:02d}": ChildDeathFactory(
            panel=panel,
            status=ChildDeath.Status.REVIEWED,
            reviewed_on=dt.date(2014, 4, 29) + dt.timedelta(days=number),
            category=current_item(kind="cdop-category", code=code),
            modifiable=modifiable,
        )
        for number, (code, modifiable) in enumerate(CASES, start=1)
    }
    made = {"panel": panel, "deaths": deaths}
    exchanges_demo_load(partnerships={}, agencies={}, users={}, today=dt.date(2026, 12, 7), made=made)
    return made["exchange"]


def test_four_cases_were_sent(exchange):
    assert exchange.cases.count() == 4


def test_one_category_differs(exchange):
    comparison = exchange_comparison(exchange)
    assert (comparison.scored, comparison.category_agreed) == (4, 3)


def test_one_modifiable_decision_differs(exchange):
    assert exchange_comparison(exchange).modifiable_agreed == 3
