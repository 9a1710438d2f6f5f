"""What the referral's page, the person's page and the officer's home page show about the person
an allegation is about and their repeat referrals: only to an officer with the grant, each pair of
possible repeats once, in a constant number of queries, and never a name on the home page."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assure.lado.selectors.people import matches_waiting, person_for_referral_page, person_page
from assure.lado.services.people import match_confirm, match_reject
from assure.lado.tests.factories import ReferralFactory
from assure.lado.waiting_people import repeats_waiting

pytestmark = pytest.mark.django_db
TODAY = dt.date(2015, 1, 5)


def referral_about(partnership, given="Wren", family="Halloway", born=dt.date(1979, 11, 2), **kwargs):
    return ReferralFactory(
        partnership=partnership,
        person__given_names=given,
        person__family_name=family,
        person__date_of_birth=born,
        **kwargs,
    )


@pytest.fixture
def repeat(partnership):
    """An earlier referral and a repeat about the same person (an exact match)."""
    return referral_about(partnership, date_referred=dt.date(2013, 9, 2)), referral_about(partnership)


# --- the referral's page ------------------------------------------------------------------------


def test_the_referral_page_shows_the_officer_the_person_and_the_repeat(officer, partnership, repeat):
    earlier, later = repeat
    page = person_for_referral_page(user=officer, partnership=partnership, referral=later)
    assert page["person"] == later.person and page["person_may_edit"]
    assert [(m.other, m.kind) for m in page["person_matches"]] == [(earlier.person, "exact")]


@pytest.mark.parametrize("persona", ["designated_officer", "business_unit", "board_member", "agency_lead"])
def test_the_referral_page_shows_no_one_else_anything(request, persona, partnership, repeat):
    user = request.getfixturevalue(persona)
    assert person_for_referral_page(user=user, partnership=partnership, referral=repeat[1]) == {}


def test_a_person_unlike_any_other_has_no_matches(officer, partnership, repeat):
    referral = referral_about(partnership, "Priya", "Calloway", dt.date(1990, 5, 6))
    assert person_for_referral_page(user=officer, partnership=partnership, referral=referral)["person_matches"] == []


def test_a_person_of_another_partnership_is_never_a_match(officer, partnership, other_partnership, repeat):
    referral_about(other_partnership)
    page = person_for_referral_page(user=officer, partnership=partnership, referral=repeat[1])
    assert [m.other for m in page["person_matches"]] == [repeat[0].person]


def test_a_person_on_a_referral_awaiting_confirmation_is_not_offered(officer, partnership):
    referral = referral_about(partnership)
    referral_about(partnership, status="awaiting-confirmation")
    assert person_for_referral_page(user=officer, partnership=partnership, referral=referral)["person_matches"] == []


def test_once_joined_the_referral_page_lists_the_other_referral_instead(officer, partnership, repeat):
    earlier, later = repeat
    match_confirm(actor=officer, person=later.person, other=earlier.person)
    later.person.refresh_from_db()
    page = person_for_referral_page(user=officer, partnership=partnership, referral=later)
    assert page["person_matches"] == [] and page["person_other_referrals"] == [earlier]


def test_once_checked_as_different_the_match_is_no_longer_shown(officer, partnership, repeat):
    earlier, later = repeat
    match_reject(actor=officer, person=later.person, other=earlier.person)
    assert person_for_referral_page(user=officer, partnership=partnership, referral=later)["person_matches"] == []


def test_a_referral_without_a_person_offers_to_record_one(officer, partnership):
    referral = ReferralFactory(partnership=partnership, person=None, status="draft")
    page = person_for_referral_page(user=officer, partnership=partnership, referral=referral)
    assert page["person"] is None and page["person_may_set"] and page["person_matches"] == []


# --- the person's page --------------------------------------------------------------------------


def test_the_earlier_records_page_lists_the_referrals_of_both_once_joined(officer, partnership, repeat):
    earlier, later = repeat
    match_confirm(actor=officer, person=earlier.person, other=later.person)
    page = person_page(user=officer, partnership=partnership, person=earlier.person)
    assert page["person_referrals"] == [earlier, later] and page["person_joined"] == [later.person]


def test_a_joined_records_page_names_the_earlier_record(officer, partnership, repeat):
    earlier, later = repeat
    match_confirm(actor=officer, person=earlier.person, other=later.person)
    later.person.refresh_from_db()
    page = person_page(user=officer, partnership=partnership, person=later.person)
    assert page["person_root"] == earlier.person and page["person_referrals"] == [earlier, later]


# --- waiting ------------------------------------------------------------------------------------


def test_a_repeat_waits_once_under_the_newer_record(officer, partnership, repeat):
    earlier, later = repeat
    [pair] = matches_waiting(user=officer, partnership=partnership)
    assert (pair.person, pair.other, pair.kind) == (later.person, earlier.person, "exact")


def test_the_waiting_item_names_the_references_never_the_person(officer, partnership, repeat):
    [item] = repeats_waiting(user=officer, partnership=partnership, today=TODAY)
    text = item.title + item.detail
    assert repeat[0].reference in text and repeat[1].reference in text
    assert "Wren" not in text and "Halloway" not in text and "1979" not in text
    assert item.url.endswith(f"/people/{repeat[1].person.pk}/matches/{repeat[0].person.pk}/")


def test_a_checked_repeat_no_longer_waits(officer, partnership, repeat):
    match_reject(actor=officer, person=repeat[1].person, other=repeat[0].person)
    assert repeats_waiting(user=officer, partnership=partnership, today=TODAY) == []


def test_a_joined_repeat_no_longer_waits(officer, partnership, repeat):
    match_confirm(actor=officer, person=repeat[1].person, other=repeat[0].person)
    assert repeats_waiting(user=officer, partnership=partnership, today=TODAY) == []


@pytest.mark.parametrize("persona", ["designated_officer", "business_unit", "chair"])
def test_repeats_wait_for_no_one_without_the_grant(request, persona, partnership, repeat):
    user = request.getfixturevalue(persona)
    assert repeats_waiting(user=user, partnership=partnership, today=TODAY) == []


def _queries(officer, partnership) -> int:
    with CaptureQueriesContext(connection) as captured:
        repeats_waiting(user=officer, partnership=partnership, today=TODAY)
    return len(captured)


def test_the_repeats_waiting_read_in_a_constant_number_of_queries(officer, partnership, repeat):
    _queries(officer, partnership)  # the person's permissions are read once, then remembered
    few = _queries(officer, partnership)
    for number in range(6):
        referral_about(partnership, "Wren", "Halloway")
        referral_about(partnership, f"Priya{number}", "Calloway", dt.date(1985, 1, 1 + number))
    assert len(repeats_waiting(user=officer, partnership=partnership, today=TODAY)) > 1
    assert _queries(officer, partnership) == few
