"""Finding repeat referrals about the same person: exact and near matches of the restricted name
and date of birth, shown only to the designated officer with the grant.

An exact match has the same normalised name and the same date of birth. A near match has a
similar name (rapidfuzz's token-sort ratio at or above ``NEAR_NAME``, which forgives swapped,
misspelt or shortened names; names the same but for spaces or punctuation, and the same first and
last names with a middle name left out, count as alike too) with the same date of birth or none
given, or the same name with a date of birth that differs by a day and month swapped or a single
digit.

Everything here is pure: it reads the records it is given (their ``pk``, ``partnership_id``,
``name_key`` or names, ``date_of_birth`` and ``same_as_id``) and never the database, so the
selectors decide which people are compared and read them in a constant number of queries."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from rapidfuzz import fuzz

# Names at least this alike (0-100, rapidfuzz's token-sort ratio) are a near match when the dates
# of birth agree or one is missing.
NEAR_NAME = 85

EXACT = "exact"
NEAR = "near"


class Match(NamedTuple):
    other: object  # the other Person
    kind: str  # EXACT or NEAR
    why: str  # in words, never the name itself: "The same name and date of birth"


def name_key(given_names: str, family_name: str) -> str:
    """The name normalised for matching: accents removed, lower case, letters and spaces only."""
    text = f"{given_names} {family_name}"
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z ]+", " ", text.lower()).split())


def key_of(person) -> str:
    """The person's normalised name: the stored ``name_key``, or worked out for a record not saved."""
    return person.name_key or name_key(person.given_names, person.family_name)


def root_id(person) -> int | None:
    """The record a person's records are joined under: the earlier record it was joined to, or
    itself."""
    return person.same_as_id or person.pk


def name_likeness(first: str, second: str) -> tuple[float, str]:
    """How alike two normalised names are (0-100) and the words saying how."""
    if not first or not second:
        return 0.0, ""
    if first == second:
        return 100.0, "The same name"
    first_words, second_words = first.split(), second.split()
    if sorted(first_words) == sorted(second_words):
        return 100.0, "The same names in another order"
    if first.replace(" ", "") == second.replace(" ", ""):
        return 100.0, "The same name but for spaces or punctuation"
    shorter, longer = sorted((first_words, second_words), key=len)
    if len(shorter) >= 2 and shorter[0] == longer[0] and shorter[-1] == longer[-1] and set(shorter) <= set(longer):
        return 100.0, "The same first and last names, one with a middle name as well"
    score = max(
        fuzz.token_sort_ratio(first, second),
        fuzz.ratio(first.replace(" ", ""), second.replace(" ", "")),
    )
    return score, f"Similar names ({round(score)}% alike)"


def dates_nearly_equal(first: dt.date, second: dt.date) -> str:
    """How two different dates of birth may be the same one mistyped: the day and month swapped,
    or a single digit different; "" when neither."""
    if first == second:
        return ""
    if (first.day, first.month) == (second.month, second.day) and first.year == second.year:
        return "the dates of birth have the day and month swapped"
    differing = sum(a != b for a, b in zip(first.isoformat(), second.isoformat(), strict=True))
    if differing == 1:
        return "the dates of birth differ by a single digit"
    return ""


def compare(person, other) -> tuple[str, str] | None:
    """Whether two people may be the same: (EXACT or NEAR, why in words), or None. People of
    different partnerships are never compared."""
    if person.partnership_id != other.partnership_id:
        return None
    key, other_key = key_of(person), key_of(other)
    if not key or not other_key:
        return None
    born, other_born = person.date_of_birth, other.date_of_birth
    if key == other_key and born is not None and born == other_born:
        return EXACT, "The same name and date of birth"
    score, how = name_likeness(key, other_key)
    if score >= NEAR_NAME:
        if born is not None and born == other_born:
            return NEAR, f"{how} and the same date of birth"
        if born is None and other_born is None:
            return NEAR, f"{how}; no date of birth for either"
        if born is None or other_born is None:
            return NEAR, f"{how}; no date of birth for one of them"
    if key == other_key and born is not None and other_born is not None:
        mistyped = dates_nearly_equal(born, other_born)
        if mistyped:
            return NEAR, f"The same name, but {mistyped}"
    return None


def _not_same_pairs(person) -> set[frozenset]:
    return {frozenset((person.pk, other.pk)) for other in person.not_same_as.all()}


def matches_for(person, candidates: Iterable, *, not_same: set[frozenset] | None = None) -> list[Match]:
    """The candidates who may be the same person as ``person``, exact matches first.

    Left out: the person, people of another partnership, those already joined with the person
    (the same earlier record), and those the officer has checked are not the same person.
    ``not_same`` holds those checks as pairs of keys (``frozenset((a.pk, b.pk))``) for a check
    between any record of either; without it the person's own ``not_same_as`` is read (prefetch
    it for many)."""
    if not_same is None:
        not_same = _not_same_pairs(person) if person.pk else set()
    own = {person.pk, person.same_as_id} - {None}
    found: list[Match] = []
    for other in candidates:
        if other.pk == person.pk or (person.pk is not None and root_id(other) == root_id(person)):
            continue
        theirs = {other.pk, other.same_as_id} - {None}
        if any(frozenset((mine, their)) in not_same for mine in own for their in theirs):
            continue
        judged = compare(person, other)
        if judged is not None:
            found.append(Match(other, *judged))
    return sorted(found, key=lambda match: (match.kind != EXACT, match.other.pk or 0))


def matches_among(people: Iterable, *, not_same: set[frozenset]) -> dict[int, list[Match]]:
    """Every person's matches among ``people``, each pair once, under the newer record (the higher
    key), which is usually the repeat referral: {pk: [Match with an older person, ...]}. People
    are compared only where a match is possible (the same date of birth, one missing, or the same
    name), so a partnership's whole list is checked quickly."""
    people = list(people)
    by_birth: dict[dt.date, list] = {}
    by_key: dict[str, list] = {}
    undated: list = []
    for person in people:
        if person.date_of_birth is None:
            undated.append(person)
        else:
            by_birth.setdefault(person.date_of_birth, []).append(person)
        by_key.setdefault(key_of(person), []).append(person)
    found: dict[int, list[Match]] = {}
    for person in people:
        if person.date_of_birth is None:
            candidates = people
        else:
            candidates = {
                other.pk: other for other in [*by_birth[person.date_of_birth], *undated, *by_key[key_of(person)]]
            }.values()
        older = [other for other in candidates if other.pk < person.pk]
        matches = matches_for(person, older, not_same=not_same)
        if matches:
            found[person.pk] = matches
    return found
