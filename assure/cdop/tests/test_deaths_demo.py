"""The demo's child deaths (assure/cdop/demo/deaths.py), loaded on a joint panel made for the test:
the counts the annual report gives for Shropshire's reviews, the open deaths, the duplicate
candidate and the death passed on."""

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from assure.cdop.demo.deaths import deaths_demo_load
from assure.cdop.models import ChildDeath
from assure.cdop.selectors.deaths import age_band_of, duplicates_of
from assure.cdop.tests.factories import PanelFactory
from assure.demo import region
from assure.partnerships.tests.factories import AgencyFactory, MeetingFactory, PartnershipFactory, SubgroupFactory
from conftest import make_member

pytestmark = pytest.mark.django_db

AGENCY_KEYS = (
    "sath",
    "police",
    "shropshire-csc",
    "telford-csc",
    "shropshire-primary-schools",
    "telford-education",
    "shropshire-community-health",
)
MEETINGS = (
    dt.date(2014, 4, 29),
    dt.date(2014, 7, 15),
    dt.date(2014, 9, 30),
    dt.date(2014, 12, 9),
    dt.date(2015, 3, 10),
)


@pytest.fixture
def deaths() -> dict:
    shropshire = PartnershipFactory(slug=region.SHROPSHIRE)
    telford = PartnershipFactory(slug=region.TELFORD_WREKIN)
    subgroup = SubgroupFactory(partnership=shropshire, name="Child Death Overview Panel")
    for day in MEETINGS:
        MeetingFactory(partnership=shropshire, subgroup=subgroup, held_on=day)
    panel = PanelFactory(host=shropshire, subgroup=subgroup, partnerships=[telford])
    agencies = {key: AgencyFactory(name=key, partnerships=[shropshire, telford]) for key in AGENCY_KEYS}
    made = {"panel": panel}
    deaths_demo_load(
        partnerships={region.SHROPSHIRE: shropshire, region.TELFORD_WREKIN: telford},
        agencies=agencies,
        users={(region.SHROPSHIRE, "cdop-manager"): make_member("cdop-manager", shropshire)},
        today=timezone.localdate(),
        made=made,
    )
    return made["deaths"]


def shropshire_reviews(deaths) -> list[ChildDeath]:
    return [deaths[f"shropshire-{n:02d}"] for n in range(1, 21)]


def test_twenty_shropshire_children_are_reviewed_four_a_meeting(deaths):
    reviewed = shropshire_reviews(deaths)
    assert {d.status for d in reviewed} == {"reviewed"}
    assert sorted(Counter(d.reviewed_on for d in reviewed).values()) == [4] * 5


def test_the_shropshire_reviews_age_bands(deaths):
    bands = Counter(age_band_of(d).code for d in shropshire_reviews(deaths))
    assert bands == {
        "0-27-days": 8,
        "28-364-days": 4,
        "1-4-years": 3,
        "5-9-years": 1,
        "10-14-years": 2,
        "15-17-years": 2,
    }


def test_the_shropshire_reviews_categories(deaths):
    categories = Counter(d.category.code for d in shropshire_reviews(deaths))
    assert categories == {
        "perinatal-neonatal": 6,
        "chromosomal-genetic-congenital": 4,
        "sudden-unexpected-unexplained": 2,
        "infection": 2,
        "trauma-and-external-factors": 2,
        "acute-medical-or-surgical": 1,
        "chronic-medical": 1,
        "malignancy": 1,
        "suicide-or-self-harm": 1,
    }


def test_the_shropshire_reviews_expected_and_modifiable(deaths):
    reviewed = shropshire_reviews(deaths)
    assert Counter(d.expected for d in reviewed) == {"expected": 12, "unexpected": 8}
    assert Counter(d.modifiable for d in reviewed) == {"identified": 5, "none": 14, "insufficient": 1}


def test_telford_has_twelve_reviews(deaths):
    assert sum(1 for key, d in deaths.items() if key.startswith("telford-") and d.status == "reviewed") == 12


def test_the_open_deaths(deaths):
    assert [deaths[k].status for k in ("open-1", "open-2", "open-3", "paused", "draft")] == [
        "notified",
        "notified",
        "notified",
        "paused",
        "draft",
    ]


def test_the_draft_is_a_possible_duplicate_of_the_first_open_death(deaths):
    assert list(duplicates_of(deaths["draft"])) == [deaths["open-1"]]


def test_the_child_from_powys_is_passed_on(deaths):
    death = deaths["passed-on"]
    assert (death.status, death.home_area, death.passed_on_to_name) == (
        "passed-on",
        "Powys",
        "Powys Child Death Overview Panel",
    )
