"""The services of the people allegations are about: correcting a person, putting a person on a
referral, and the officer's decision on a possible repeat referral. Only an officer with the grant;
events and the trail never hold the name."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.audit.models import Event
from assure.lado.models import Person
from assure.lado.services.people import match_confirm, match_reject, person_set, person_update
from assure.lado.tests.factories import PersonFactory, ReferralFactory

pytestmark = pytest.mark.django_db

VALUES = {"given_names": "Wren", "family_name": "Halloway", "date_of_birth": dt.date(1979, 11, 2)}


def years_ago(years: int, days: int = 0) -> dt.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - dt.timedelta(days=days)


# --- person_update ------------------------------------------------------------------------------


def test_the_officer_corrects_the_name_and_date_of_birth(officer, referral):
    person = person_update(actor=officer, person=referral.person, values=VALUES)
    person.refresh_from_db()
    assert (person.given_names, person.family_name, person.date_of_birth) == (
        "Wren",
        "Halloway",
        VALUES["date_of_birth"],
    )


def test_a_corrected_name_is_matched_by_its_new_key(officer, referral):
    person_update(actor=officer, person=referral.person, values={**VALUES, "given_names": "Wrén"})
    assert Person.objects.get(pk=referral.person.pk).name_key == "wren halloway"


def test_the_update_event_names_the_fields_never_the_name(officer, referral):
    person_update(actor=officer, person=referral.person, values=VALUES)
    event = Event.objects.get(verb="lado.person_updated")
    assert set(event.data["fields"]) == {"given_names", "family_name", "date_of_birth"}
    assert "Halloway" not in event.summary + str(event.data)


def test_an_unchanged_person_records_no_event(officer, referral):
    person = referral.person
    values = {
        "given_names": person.given_names,
        "family_name": person.family_name,
        "date_of_birth": person.date_of_birth,
    }
    person_update(actor=officer, person=person, values=values)
    assert not Event.objects.filter(verb="lado.person_updated").exists()


def test_the_trail_masks_the_name(officer, referral):
    person_update(actor=officer, person=referral.person, values=VALUES)
    entry = LogEntry.objects.get_for_object(referral.person).order_by("-pk").first()
    assert "family_name" in entry.changes_dict and "Halloway" not in str(entry.changes)


@pytest.mark.parametrize("field", ["given_names", "family_name"])
def test_a_name_is_required(officer, referral, field):
    with pytest.raises(ValidationError) as error:
        person_update(actor=officer, person=referral.person, values={**VALUES, field: "  "})
    assert field in error.value.message_dict


def test_a_date_of_birth_may_be_left_blank(officer, referral):
    person_update(actor=officer, person=referral.person, values={**VALUES, "date_of_birth": None})
    assert Person.objects.get(pk=referral.person.pk).date_of_birth is None


@pytest.mark.parametrize(
    ("born", "words"),
    [(years_ago(15), "under 16"), (years_ago(101), "over 100"), (timezone.localdate() + dt.timedelta(days=1), "past")],
)
def test_an_implausible_date_of_birth_is_refused(officer, referral, born, words):
    with pytest.raises(ValidationError) as error:
        person_update(actor=officer, person=referral.person, values={**VALUES, "date_of_birth": born})
    assert words in error.value.message_dict["date_of_birth"][0]


@pytest.mark.parametrize("born", [years_ago(16), years_ago(100)])
def test_the_ages_16_and_100_are_accepted(officer, referral, born):
    person_update(actor=officer, person=referral.person, values={**VALUES, "date_of_birth": born})
    assert Person.objects.get(pk=referral.person.pk).date_of_birth == born


def test_an_officer_without_the_grant_cannot_correct_a_person(designated_officer, referral):
    with pytest.raises(PermissionDenied):
        person_update(actor=designated_officer, person=referral.person, values=VALUES)


def test_the_business_unit_cannot_correct_a_person(business_unit, referral):
    with pytest.raises(PermissionDenied):
        person_update(actor=business_unit, person=referral.person, values=VALUES)


def test_a_person_of_another_partnership_cannot_be_corrected(officer, other_partnership):
    stranger = PersonFactory(partnership=other_partnership)
    with pytest.raises(PermissionDenied):
        person_update(actor=officer, person=stranger, values=VALUES)


# --- person_set ---------------------------------------------------------------------------------


def test_the_officer_records_the_person_of_a_referral_without_one(officer, partnership):
    referral = ReferralFactory(partnership=partnership, person=None, status="draft")
    person = person_set(actor=officer, referral=referral, values=VALUES)
    referral.refresh_from_db()
    assert referral.person == person and (person.partnership, person.created_by) == (partnership, officer)
    assert person.name_key == "wren halloway"


def test_another_person_replaces_one_no_other_referral_is_about(officer, referral):
    first = referral.person
    person = person_set(actor=officer, referral=referral, values=VALUES)
    referral.refresh_from_db()
    assert referral.person == person and not Person.objects.filter(pk=first.pk).exists()


def test_a_person_replaced_is_kept_when_another_referral_is_about_them(officer, referral):
    first = referral.person
    ReferralFactory(partnership=referral.partnership, person=first)
    person_set(actor=officer, referral=referral, values=VALUES)
    assert Person.objects.filter(pk=first.pk).exists()


def test_setting_the_person_records_an_event_without_the_name(officer, referral):
    person_set(actor=officer, referral=referral, values=VALUES)
    event = Event.objects.get(verb="lado.person_set")
    assert referral.reference in event.summary and "Halloway" not in event.summary + str(event.data)


def test_a_closed_referrals_person_cannot_be_replaced(officer, partnership):
    referral = ReferralFactory(partnership=partnership, status="closed")
    with pytest.raises(ValidationError):
        person_set(actor=officer, referral=referral, values=VALUES)


def test_setting_the_person_checks_the_values(officer, referral):
    with pytest.raises(ValidationError) as error:
        person_set(actor=officer, referral=referral, values={**VALUES, "family_name": ""})
    assert "family_name" in error.value.message_dict


def test_an_officer_without_the_grant_cannot_set_the_person(designated_officer, referral):
    with pytest.raises(PermissionDenied):
        person_set(actor=designated_officer, referral=referral, values=VALUES)


# --- match_confirm ------------------------------------------------------------------------------


@pytest.fixture
def pair(partnership):
    older = ReferralFactory(partnership=partnership, person__given_names="Wren", person__family_name="Halloway")
    newer = ReferralFactory(partnership=partnership, person__given_names="Wren", person__family_name="Halloway")
    return older.person, newer.person


def test_confirming_joins_the_newer_record_to_the_older(officer, pair):
    older, newer = pair
    kept = match_confirm(actor=officer, person=older, other=newer)
    newer.refresh_from_db()
    assert kept == older and newer.same_as == older


def test_confirming_from_the_newer_side_joins_the_same_way(officer, pair):
    older, newer = pair
    match_confirm(actor=officer, person=newer, other=older)
    older.refresh_from_db()
    newer.refresh_from_db()
    assert (newer.same_as, older.same_as) == (older, None)


def test_records_joined_to_the_newer_one_move_to_the_older(officer, partnership, pair):
    older, newer = pair
    third = ReferralFactory(partnership=partnership).person
    match_confirm(actor=officer, person=newer, other=third)
    match_confirm(actor=officer, person=third, other=older)
    third.refresh_from_db()
    newer.refresh_from_db()
    assert (newer.same_as, third.same_as) == (older, older)


def test_confirming_records_an_event_without_the_name(officer, pair):
    older, newer = pair
    match_confirm(actor=officer, person=older, other=newer)
    event = Event.objects.get(verb="lado.person_joined")
    assert event.data["joined_to"] == older.pk and "Halloway" not in event.summary


def test_confirming_undoes_an_earlier_check_that_they_differ(officer, pair):
    older, newer = pair
    match_reject(actor=officer, person=older, other=newer)
    match_confirm(actor=officer, person=older, other=newer)
    assert not older.not_same_as.exists()


def test_records_already_joined_cannot_be_joined_again(officer, pair):
    older, newer = pair
    match_confirm(actor=officer, person=older, other=newer)
    with pytest.raises(ValidationError):
        match_confirm(actor=officer, person=older, other=newer)


def test_a_record_cannot_be_joined_to_itself(officer, pair):
    with pytest.raises(ValidationError):
        match_confirm(actor=officer, person=pair[0], other=pair[0])


def test_a_person_of_another_partnership_cannot_be_joined(officer, pair, other_partnership):
    with pytest.raises(ValidationError):
        match_confirm(actor=officer, person=pair[0], other=PersonFactory(partnership=other_partnership))


def test_an_officer_without_the_grant_cannot_join_records(designated_officer, pair):
    with pytest.raises(PermissionDenied):
        match_confirm(actor=designated_officer, person=pair[0], other=pair[1])


# --- match_reject -------------------------------------------------------------------------------


def test_rejecting_records_them_as_different_people_both_ways(officer, pair):
    older, newer = pair
    match_reject(actor=officer, person=newer, other=older)
    assert list(older.not_same_as.all()) == [newer] and list(newer.not_same_as.all()) == [older]


def test_rejecting_records_an_event_without_the_name(officer, pair):
    match_reject(actor=officer, person=pair[1], other=pair[0])
    event = Event.objects.get(verb="lado.person_not_same")
    assert "Halloway" not in event.summary and event.data == {"other": pair[0].pk}


def test_joined_records_cannot_be_recorded_as_different(officer, pair):
    older, newer = pair
    match_confirm(actor=officer, person=older, other=newer)
    with pytest.raises(ValidationError):
        match_reject(actor=officer, person=older, other=newer)


def test_an_officer_without_the_grant_cannot_reject_a_match(designated_officer, pair):
    with pytest.raises(PermissionDenied):
        match_reject(actor=designated_officer, person=pair[0], other=pair[1])
