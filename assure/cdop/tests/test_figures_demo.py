"""The demo's figures (the joint panel hosted by Shropshire, 2014-15): as the panel sees them, as
the business units see them, and not at all outside the panel."""

from collections import Counter

import pytest

from assure.accounts.models import User
from assure.cdop.selectors.figures import AGE, panel_figures
from assure.partnerships.models import Partnership
from assure.reports.tests.test_block_reviews import _compute

YEAR = "2014-15"


@pytest.fixture
def shropshire(demo_region, db) -> Partnership:
    return Partnership.objects.get(slug="shropshire")


def _person(role: str, slug: str) -> User:
    return User.objects.get(email=f"{role}@{slug}.demo.assure.test")


def test_the_panel_sees_five_meetings_and_twenty_reviews(shropshire):
    figures = panel_figures(user=_person("cdop-manager", "shropshire"), partnership=shropshire, year=YEAR)
    assert figures.unsuppressed
    assert (figures.own.meetings.value, figures.own.reviewed.value) == (5, 20)


def test_the_panel_sees_the_age_bands(shropshire):
    figures = panel_figures(user=_person("panel-member", "shropshire"), partnership=shropshire, year=YEAR)
    assert [cell.value for _, cell in figures.own.table(AGE).rows] == [8, 4, 3, 1, 2, 2]


def test_the_business_unit_sees_fewer_than_6(shropshire):
    figures = panel_figures(user=_person("business-unit", "shropshire"), partnership=shropshire, year=YEAR)
    texts = [cell.text for _, cell in figures.own.table(AGE).rows]
    assert texts == ["8", "fewer than 6", "fewer than 6", "fewer than 6", "fewer than 6", "fewer than 6"]
    assert figures.own.reviewed.text == "20"


def test_telfords_business_unit_sees_its_own_and_the_joint_figures(demo_region, db):
    telford = Partnership.objects.get(slug="telford-wrekin")
    figures = panel_figures(user=_person("business-unit", "telford-wrekin"), partnership=telford, year=YEAR)
    assert figures.own.reviewed.text == "12"
    assert figures.joint.reviewed.text == "32"
    assert "Telford" in figures.own.title


def test_herefordshire_is_in_no_panel(demo_region, db):
    herefordshire = Partnership.objects.get(slug="herefordshire")
    assert panel_figures(user=_person("business-unit", "herefordshire"), partnership=herefordshire, year=YEAR) is None


def test_the_report_block_shows_five_meetings_and_twenty_reviews(shropshire):
    rows = dict(_compute("child-death-reviews", shropshire).tables[0].rows)
    assert (rows["Panel meetings held"], rows["Reviews completed"]) == ("5", "20")


def test_the_panels_categories_add_up(shropshire):
    figures = panel_figures(user=_person("cdop-manager", "shropshire"), partnership=shropshire, year=YEAR)
    assert Counter(c.value for _, c in figures.own.table("Category of death").rows if c.value) == Counter(
        [6, 4, 2, 2, 2, 1, 1, 1, 1]
    )
