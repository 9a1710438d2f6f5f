"""The panel's figures (assure/cdop/selectors/figures.py): what counts, in which year and column,
and who sees them suppressed."""

import datetime as dt

import pytest

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.cdop.models import ChildDeath, PanelPartnership
from assure.cdop.selectors.figures import AGE, CATEGORY, age_band_of, days_to_review, panel_figures, within_six_months
from assure.cdop.tests.factories import ChildDeathFactory, PanelFactory
from assure.library.selectors import current_item, current_items
from assure.partnerships.tests.factories import MeetingFactory, PartnershipFactory, SubgroupFactory

pytestmark = pytest.mark.django_db
YEAR = "2014-15"


@pytest.fixture
def panel(partnership):
    subgroup = SubgroupFactory(partnership=partnership, name="Child Death Overview Panel")
    for day in (dt.date(2014, 5, 1), dt.date(2014, 9, 1), dt.date(2015, 4, 2)):
        MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=day)
    return PanelFactory(host=partnership, subgroup=subgroup)


def _reviewed(panel, partnership, count, **fields):
    defaults = {
        "status": ChildDeath.Status.REVIEWED,
        "date_of_birth": dt.date(2014, 5, 1),
        "date_of_death": dt.date(2014, 5, 10),
        "reviewed_on": dt.date(2014, 9, 1),
        "category": current_item(kind="cdop-category", code="perinatal-neonatal"),
        "modifiable": ChildDeath.Modifiable.NONE,
        "expected": ChildDeath.Expected.EXPECTED,
    }
    return [ChildDeathFactory(panel=panel, partnership=partnership, **{**defaults, **fields}) for _ in range(count)]


@pytest.fixture
def deaths(panel, partnership):
    neighbour = PartnershipFactory(name="Eastshire Safeguarding Children Board", slug="eastshire")
    PanelPartnership.objects.create(panel=panel, partnership=neighbour, status=PanelPartnership.Status.JOINED)
    _reviewed(panel, partnership, 7)
    _reviewed(panel, partnership, 2, date_of_birth=dt.date(2010, 1, 1), expected="unexpected")
    _reviewed(panel, neighbour, 3)
    _reviewed(panel, partnership, 1, reviewed_on=dt.date(2015, 4, 20))  # next year
    ChildDeathFactory(panel=panel, partnership=partnership, status=ChildDeath.Status.DRAFT)
    ChildDeathFactory(panel=panel, partnership=partnership, status=ChildDeath.Status.DUPLICATE)
    ChildDeathFactory(panel=panel, partnership=None, home_area="Powys", status=ChildDeath.Status.PASSED_ON)
    return neighbour


@pytest.fixture
def reader(panel_member, partnership):
    RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    return panel_member


def test_meetings_are_the_panel_subgroups_in_the_year(deaths, reader, partnership):
    figures = panel_figures(user=reader, partnership=partnership, year=YEAR)
    assert figures.own.meetings.value == 2 and figures.joint.meetings.value == 2


def test_reviews_count_the_partnerships_children_and_the_whole_panel(deaths, reader, partnership):
    figures = panel_figures(user=reader, partnership=partnership, year=YEAR)
    assert (figures.own.reviewed.value, figures.joint.reviewed.value) == (9, 12)


def test_drafts_and_duplicates_never_count_and_passed_on_only_as_passed_on(deaths, reader, partnership):
    figures = panel_figures(user=reader, partnership=partnership, year=YEAR)
    assert figures.joint.passed_on.value == 1
    # Reviewed 13 (one next year still died in the year), no draft or duplicate, no passed-on.
    assert figures.joint.notified.value == 13


def test_age_bands_from_the_library(deaths, reader, partnership):
    rows = dict(panel_figures(user=reader, partnership=partnership, year=YEAR).own.table(AGE).rows)
    assert rows["0 to 27 days"].value == 7 and rows["1 to 4 years"].value == 2


def test_the_panel_with_the_grant_sees_small_numbers(deaths, reader, partnership):
    figures = panel_figures(user=reader, partnership=partnership, year=YEAR)
    assert figures.unsuppressed
    assert figures.own.table(AGE).total.text == "9"


def test_without_the_grant_small_numbers_are_hidden(deaths, panel_member, partnership):
    figures = panel_figures(user=panel_member, partnership=partnership, year=YEAR)
    rows = dict(figures.own.table(AGE).rows)
    assert not figures.unsuppressed
    assert rows["1 to 4 years"].text == "fewer than 6"
    # 7 would give the 2 away beside the total of 9: it is hidden with it.
    assert rows["0 to 27 days"].hidden and figures.own.table(AGE).total.text == "9"


def test_another_partnerships_figures_are_not_for_a_non_member(deaths, business_unit):
    assert panel_figures(user=business_unit, partnership=deaths, year=YEAR) is None


def test_the_board_sees_a_category_of_six_or_more(deaths, board_member, partnership):
    rows = dict(panel_figures(user=board_member, partnership=partnership, year=YEAR).own.table(CATEGORY).rows)
    perinatal = current_item(kind="cdop-category", code="perinatal-neonatal").title
    assert rows.pop(perinatal).text == "9"
    assert {cell.text for cell in rows.values()} == {"0"}


def test_a_partnership_in_no_panel_gets_nothing(business_unit, partnership):
    assert panel_figures(user=business_unit, partnership=partnership, year=YEAR) is None


def test_someone_without_cdop_view_gets_nothing(deaths, viewer, partnership):
    assert panel_figures(user=viewer, partnership=partnership, year=YEAR) is None


def test_the_time_to_review_leaves_out_the_days_paused():
    death = ChildDeath(date_of_death=dt.date(2014, 1, 1), reviewed_on=dt.date(2014, 9, 1), days_paused=70)
    assert days_to_review(death) == 243 - 70
    assert within_six_months(death)


def test_age_bands_by_days_and_years():
    bands = list(current_items(kind="cdop-age-band"))
    born = dt.date(2010, 3, 1)
    assert age_band_of(ChildDeath(date_of_birth=born, date_of_death=dt.date(2010, 3, 20)), bands) == "0-27-days"
    assert age_band_of(ChildDeath(date_of_birth=born, date_of_death=dt.date(2011, 2, 28)), bands) == "28-364-days"
    assert age_band_of(ChildDeath(date_of_birth=born, date_of_death=dt.date(2015, 2, 28)), bands) == "1-4-years"
    assert age_band_of(ChildDeath(date_of_birth=born, date_of_death=dt.date(2015, 3, 1)), bands) == "5-9-years"
