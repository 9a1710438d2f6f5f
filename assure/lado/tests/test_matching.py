"""Matching people for repeat referrals: pure functions, no database. Exact matches (the same name
and date of birth), near ones (names alike with the same date of birth or none; the same name with
a date of birth mistyped), and who is never offered (another partnership, records already joined,
pairs checked as different people)."""

import datetime as dt

import pytest

from assure.lado.matching import (
    EXACT,
    NEAR,
    NEAR_NAME,
    compare,
    dates_nearly_equal,
    matches_among,
    matches_for,
    name_key,
    name_likeness,
)
from assure.lado.models import Person

BORN = dt.date(1980, 3, 14)


def person(pk, given, family, born=BORN, *, partnership_id=1, same_as_id=None) -> Person:
    return Person(
        pk=pk,
        partnership_id=partnership_id,
        given_names=given,
        family_name=family,
        date_of_birth=born,
        same_as_id=same_as_id,
    )


def kind_of(first, second):
    judged = compare(first, second)
    return judged[0] if judged else None


# --- the name key -------------------------------------------------------------------------------


def test_the_name_key_drops_accents_and_case():
    assert name_key("Zoë", "Ó Súilleabháin") == "zoe o suilleabhain"


def test_the_name_key_reads_hyphens_and_apostrophes_as_spaces():
    assert name_key("Mary-Jane", "O'Neill") == "mary jane o neill"


def test_the_name_key_squeezes_spaces():
    assert name_key("  Robin  ", " Ashdown ") == "robin ashdown"


# --- exact matches ------------------------------------------------------------------------------


def test_the_same_name_and_date_of_birth_is_an_exact_match():
    assert compare(person(1, "Robin", "Ashdown"), person(2, "Robin", "Ashdown")) == (
        EXACT,
        "The same name and date of birth",
    )


def test_accents_and_case_do_not_stop_an_exact_match():
    assert kind_of(person(1, "Zoë", "FERRIÈRE"), person(2, "zoe", "Ferriere")) == EXACT


def test_a_hyphen_or_a_space_in_a_double_barrelled_name_is_still_exact():
    assert kind_of(person(1, "Ellis", "Carter-Webb"), person(2, "Ellis", "Carter Webb")) == EXACT


# --- near matches: the name ---------------------------------------------------------------------


def test_a_misspelt_name_with_the_same_date_of_birth_is_near():
    kind, why = compare(person(1, "Jon", "Ashdown"), person(2, "John", "Ashdown"))
    assert kind == NEAR and why.startswith("Similar names") and why.endswith("the same date of birth")


def test_names_in_another_order_are_near_not_exact():
    kind, why = compare(person(1, "Trelawny", "Marian"), person(2, "Marian", "Trelawny"))
    assert (kind, why) == (NEAR, "The same names in another order and the same date of birth")


def test_a_name_with_its_spaces_or_apostrophe_left_out_is_near():
    kind, why = compare(person(1, "Kit", "O'Hara"), person(2, "Kit", "Ohara"))
    assert kind == NEAR and why.startswith("The same name but for spaces")


def test_a_misspelt_name_run_together_is_near():
    assert kind_of(person(1, "Katherine", "O'Dowell"), person(2, "Catherine", "ODowell")) == NEAR


def test_a_middle_name_left_out_is_near():
    kind, why = compare(person(1, "Anne Marie", "Fenwick"), person(2, "Anne", "Fenwick"))
    assert kind == NEAR and why.startswith("The same first and last names")


def test_a_shortened_given_name_is_near():
    assert kind_of(person(1, "Rob", "Ashdown"), person(2, "Robin", "Ashdown")) == NEAR


def test_a_different_name_with_the_same_date_of_birth_is_no_match():
    assert kind_of(person(1, "Robin", "Ashdown"), person(2, "Priya", "Calloway")) is None


def test_a_similar_surname_alone_is_no_match():
    assert kind_of(person(1, "Sam", "Ashdown"), person(2, "Priya", "Ashdown")) is None


def test_a_name_just_below_the_threshold_is_no_match():
    score, _ = name_likeness("corin pellow", "coran pellew")
    assert score < NEAR_NAME
    assert kind_of(person(1, "Corin", "Pellow"), person(2, "Coran", "Pellew")) is None


# --- near matches: the date of birth ------------------------------------------------------------


def test_the_same_name_without_a_date_of_birth_on_one_is_near():
    kind, why = compare(person(1, "Robin", "Ashdown", None), person(2, "Robin", "Ashdown"))
    assert (kind, why) == (NEAR, "The same name; no date of birth for one of them")


def test_the_same_name_without_any_date_of_birth_is_near():
    kind, why = compare(person(1, "Robin", "Ashdown", None), person(2, "Robin", "Ashdown", None))
    assert (kind, why) == (NEAR, "The same name; no date of birth for either")


def test_a_similar_name_without_a_date_of_birth_is_near():
    assert kind_of(person(1, "Jon", "Ashdown", None), person(2, "John", "Ashdown")) == NEAR


def test_the_same_name_with_day_and_month_swapped_is_near():
    kind, why = compare(
        person(1, "Robin", "Ashdown", dt.date(1980, 3, 4)), person(2, "Robin", "Ashdown", dt.date(1980, 4, 3))
    )
    assert (kind, why) == (NEAR, "The same name, but the dates of birth have the day and month swapped")


def test_the_same_name_with_one_digit_of_the_date_different_is_near():
    kind, why = compare(
        person(1, "Robin", "Ashdown", dt.date(1980, 3, 14)), person(2, "Robin", "Ashdown", dt.date(1986, 3, 14))
    )
    assert (kind, why) == (NEAR, "The same name, but the dates of birth differ by a single digit")


def test_the_same_name_born_years_apart_is_no_match():
    assert (
        kind_of(person(1, "Robin", "Ashdown", dt.date(1962, 7, 1)), person(2, "Robin", "Ashdown", dt.date(1990, 1, 20)))
        is None
    )


def test_a_similar_name_with_a_mistyped_date_of_birth_is_no_match():
    assert (
        kind_of(person(1, "Jon", "Ashdown", dt.date(1980, 3, 4)), person(2, "John", "Ashdown", dt.date(1980, 4, 3)))
        is None
    )


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (dt.date(1980, 3, 4), dt.date(1980, 4, 3), "swapped"),
        (dt.date(1980, 3, 14), dt.date(1980, 3, 15), "single digit"),
        (dt.date(1980, 3, 14), dt.date(1980, 3, 14), ""),
        (dt.date(1980, 3, 14), dt.date(1981, 4, 14), ""),
        (dt.date(1980, 3, 3), dt.date(1980, 3, 3), ""),
    ],
)
def test_dates_nearly_equal(first, second, expected):
    result = dates_nearly_equal(first, second)
    assert (expected in result) if expected else result == ""


# --- who is compared ----------------------------------------------------------------------------


def test_people_of_another_partnership_are_never_matched():
    assert compare(person(1, "Robin", "Ashdown"), person(2, "Robin", "Ashdown", partnership_id=2)) is None


def test_matches_for_leaves_out_the_person_themselves():
    robin = person(1, "Robin", "Ashdown")
    assert matches_for(robin, [robin], not_same=set()) == []


def test_matches_for_gives_the_other_person_with_kind_and_why():
    robin, again = person(1, "Robin", "Ashdown"), person(2, "Robin", "Ashdown")
    [match] = matches_for(robin, [again], not_same=set())
    assert (match.other, match.kind, match.why) == (again, EXACT, "The same name and date of birth")


def test_matches_for_puts_exact_matches_first():
    robin = person(3, "Robin", "Ashdown")
    near, exact = person(1, "Robyn", "Ashdown"), person(2, "Robin", "Ashdown")
    assert [m.kind for m in matches_for(robin, [near, exact], not_same=set())] == [EXACT, NEAR]


def test_matches_for_leaves_out_people_checked_as_different():
    robin, again = person(1, "Robin", "Ashdown"), person(2, "Robin", "Ashdown")
    assert matches_for(robin, [again], not_same={frozenset((1, 2))}) == []


def test_a_check_against_the_earlier_record_covers_the_records_joined_to_it():
    robin, earlier, joined = person(3, "Robin", "Ashdown"), person(1, "Robin", "Ashdown"), person(2, "Robin", "Ashdown")
    joined.same_as_id = 1
    assert matches_for(robin, [earlier, joined], not_same={frozenset((3, 1))}) == []


def test_matches_for_leaves_out_records_already_joined_with_the_person():
    earlier, joined = person(1, "Robin", "Ashdown"), person(2, "Robin", "Ashdown", same_as_id=1)
    assert matches_for(joined, [earlier], not_same=set()) == []
    assert matches_for(earlier, [joined], not_same=set()) == []


def test_two_records_joined_to_the_same_earlier_one_are_not_offered():
    first, second = person(2, "Robin", "Ashdown", same_as_id=1), person(3, "Robin", "Ashdown", same_as_id=1)
    assert matches_for(first, [second], not_same=set()) == []


def test_matches_for_leaves_out_another_partnerships_people():
    robin = person(1, "Robin", "Ashdown")
    assert matches_for(robin, [person(2, "Robin", "Ashdown", partnership_id=9)], not_same=set()) == []


# --- every pair at once -------------------------------------------------------------------------


def test_matches_among_gives_each_pair_once_under_the_newer_record():
    older, newer = person(1, "Robin", "Ashdown"), person(2, "Robin", "Ashdown")
    found = matches_among([older, newer], not_same=set())
    assert list(found) == [2] and [m.other for m in found[2]] == [older]


def test_matches_among_finds_a_mistyped_date_of_birth():
    older, newer = (
        person(1, "Robin", "Ashdown", dt.date(1980, 3, 4)),
        person(2, "Robin", "Ashdown", dt.date(1980, 4, 3)),
    )
    assert [m.kind for m in matches_among([older, newer], not_same=set())[2]] == [NEAR]


def test_matches_among_compares_a_person_without_a_date_of_birth_with_everyone():
    older, newer = person(1, "Robyn", "Ashdown", dt.date(1975, 1, 2)), person(2, "Robin", "Ashdown", None)
    assert 2 in matches_among([older, newer], not_same=set())


def test_matches_among_finds_nothing_among_different_people():
    people = [person(1, "Robin", "Ashdown"), person(2, "Priya", "Calloway"), person(3, "Tomasz", "Wrenfield", None)]
    assert matches_among(people, not_same=set()) == {}


def test_matches_among_leaves_out_pairs_checked_as_different():
    people = [person(1, "Robin", "Ashdown"), person(2, "Robin", "Ashdown")]
    assert matches_among(people, not_same={frozenset((1, 2))}) == {}
