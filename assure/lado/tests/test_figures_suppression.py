"""Who sees the allegations figures, and how: the designated officer with the grant sees them as
counted; the business unit, the board, the chair and the officer without the grant see small
numbers hidden, with a complementary cell, a change and a percentage of a hidden count hidden too;
a sector below the partnership's expectation is highlighted without giving a hidden count away."""

import datetime as dt

import pytest

from assure.lado.selectors.figures import SECTOR, figures_for_year
from assure.lado.tests.factories import ReferralFactory, SectorExpectationFactory

pytestmark = pytest.mark.django_db
YEAR = "2014-15"


def _referrals(partnership, count, referred=dt.date(2014, 6, 3), **fields):
    for _ in range(count):
        ReferralFactory(partnership=partnership, date_referred=referred, **fields)


def _figures(user, partnership, **options):
    return figures_for_year(user=user, partnership=partnership, year=YEAR, **options)


def _sector(figures, label):
    return next(row for row in figures.table(SECTOR).rows if row.label == label)


def test_the_officer_with_the_grant_sees_small_counts(partnership, officer):
    _referrals(partnership, 3)
    figures = _figures(officer, partnership)
    assert figures.unsuppressed and figures.referrals.now.text == "3"


@pytest.mark.parametrize("persona", ["business_unit", "board_member", "chair", "designated_officer"])
def test_everyone_else_with_the_figures_sees_fewer_than_6(partnership, persona, request):
    _referrals(partnership, 3)
    figures = _figures(request.getfixturevalue(persona), partnership)
    assert not figures.unsuppressed
    assert figures.referrals.now.text == "fewer than 6" and figures.referrals.now.value is None


def test_six_or_more_are_shown_to_the_business_unit(partnership, business_unit):
    _referrals(partnership, 6)
    assert _figures(business_unit, partnership).referrals.now.text == "6"


def test_someone_without_the_figures_gets_none(partnership, viewer, agency_lead):
    _referrals(partnership, 8)
    assert _figures(viewer, partnership) is None and _figures(agency_lead, partnership) is None


def test_a_published_report_hides_small_counts_even_from_the_officer(partnership, officer):
    _referrals(partnership, 3)
    assert _figures(officer, partnership, suppressed=True).referrals.now.text == "fewer than 6"


def test_a_complementary_cell_is_hidden_beside_a_total(partnership, business_unit):
    _referrals(partnership, 7, sector="education")
    _referrals(partnership, 2, sector="health")
    table = _figures(business_unit, partnership).table(SECTOR)
    cells = {row.label: row.shown.text for row in table.rows}
    assert (cells["Health"], cells["Education"], table.total.text) == ("fewer than 6", "fewer than 6", "9")


def test_the_change_of_a_hidden_count_is_hidden(partnership, business_unit):
    _referrals(partnership, 3, referred=dt.date(2013, 6, 3))
    _referrals(partnership, 9)
    referrals = _figures(business_unit, partnership).referrals
    assert (referrals.before.text, referrals.now.text) == ("fewer than 6", "9")
    assert referrals.change.hidden and referrals.change.value is None


def test_the_officer_sees_the_change(partnership, officer):
    _referrals(partnership, 3, referred=dt.date(2013, 6, 3))
    _referrals(partnership, 9)
    assert _figures(officer, partnership).referrals.change.text == "+200%"


def test_a_percentage_of_a_hidden_count_is_hidden(partnership, business_unit):
    _referrals(partnership, 3)
    _referrals(partnership, 7, date_known=dt.date(2014, 5, 1))  # referred a month late
    figures = _figures(business_unit, partnership)
    assert figures.referred_in_time.hidden and figures.timed.text == "10"


def test_a_sector_below_its_expectation_is_highlighted(partnership, business_unit):
    SectorExpectationFactory(partnership=partnership, sector="health", expected_per_year=10)
    _referrals(partnership, 7, sector="health")
    row = _sector(_figures(business_unit, partnership), "Health")
    assert row.below_expectation and row.expected == 10


def test_a_sector_meeting_its_expectation_is_not_highlighted(partnership, officer):
    SectorExpectationFactory(partnership=partnership, sector="health", expected_per_year=2)
    _referrals(partnership, 2, sector="health")
    assert not _sector(_figures(officer, partnership), "Health").below_expectation


def test_a_sector_without_an_expectation_is_never_highlighted(partnership, officer):
    _referrals(partnership, 1, sector="health")
    assert not _sector(_figures(officer, partnership), "Faith organisations").below_expectation


def test_a_sector_with_none_is_highlighted(partnership, business_unit):
    SectorExpectationFactory(partnership=partnership, sector="faith", expected_per_year=4)
    _referrals(partnership, 6, sector="education")
    figures = _figures(business_unit, partnership)
    assert [row.label for row in figures.below_expectation] == ["Faith organisations"]


def test_a_highlight_that_would_give_a_hidden_count_away_is_left_out(partnership, officer, business_unit):
    # Below an expectation of 2 and not nought, the hidden count could only be 1.
    SectorExpectationFactory(partnership=partnership, sector="faith", expected_per_year=2)
    _referrals(partnership, 1, sector="faith")
    _referrals(partnership, 6, sector="education")
    assert _sector(_figures(officer, partnership), "Faith organisations").below_expectation
    assert not _sector(_figures(business_unit, partnership), "Faith organisations").below_expectation


def test_a_highlight_beside_a_hidden_count_is_shown_when_it_leaves_several(partnership, business_unit):
    SectorExpectationFactory(partnership=partnership, sector="faith", expected_per_year=4)
    _referrals(partnership, 1, sector="faith")
    _referrals(partnership, 6, sector="education")
    row = _sector(_figures(business_unit, partnership), "Faith organisations")
    assert row.shown.hidden and row.below_expectation


def test_the_sentences_say_nothing_of_a_hidden_figure(partnership, business_unit):
    _referrals(partnership, 3, referred=dt.date(2013, 6, 3))
    _referrals(partnership, 9)
    assert not any("rose" in sentence for sentence in _figures(business_unit, partnership).summary)
