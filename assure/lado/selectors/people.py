"""The people allegations are about and their repeat matches: for the referral's page, the
person's own page and the officer's list of possible repeat referrals to check.

Only a designated officer with the ``lado`` grant gets anything here (``people_visible_to``);
each function reads in a constant number of queries, however many people there are. The views
log every read of a person they show."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from ..matching import Match, compare, matches_among, matches_for, root_id
from ..models import Person, Referral
from ..permissions import can_manage_cases, may_edit_person, may_edit_referral
from .referrals_base import people_visible_to, referrals_visible_to

NotSame = set[frozenset]


@dataclass(frozen=True)
class Pair:
    """Two records that may be the same person: the newer (usually the repeat referral) first."""

    person: Person
    other: Person
    kind: str
    why: str


def _referrals_shown() -> QuerySet[Referral]:
    return Referral.objects.exclude(status=Referral.Status.AWAITING_CONFIRMATION).order_by("date_referred", "pk")


def compared_people(*, user, partnership) -> QuerySet[Person]:
    """The people matching compares: those of a referral the officer sees (not one still awaiting
    the referrer's confirmation), with their referrals."""
    referred = Referral.objects.filter(partnership=partnership).exclude(status=Referral.Status.AWAITING_CONFIRMATION)
    return (
        people_visible_to(user=user, partnership=partnership)
        .filter(pk__in=referred.values("person_id"))
        .prefetch_related(Prefetch("referrals", queryset=_referrals_shown()))
        .order_by("pk")
    )


def not_same_pairs(*, user, partnership) -> NotSame:
    """The pairs of people the officer has checked are not the same person, as key pairs."""
    if not can_manage_cases(user=user, partnership=partnership):
        return set()
    rows = Person.not_same_as.through.objects.filter(from_person__partnership=partnership).values_list(
        "from_person_id", "to_person_id"
    )
    return {frozenset(row) for row in rows}


def person_matches(*, user, partnership, person: Person) -> list[Match]:
    """The people who may be the same as ``person``, exact matches first, each with why."""
    if person is None or not can_manage_cases(user=user, partnership=partnership):
        return []
    candidates = compared_people(user=user, partnership=partnership).exclude(pk=person.pk)
    if person.date_of_birth is not None:
        # Only these can match: the same date of birth, none given, or the same name (whose date
        # of birth may be mistyped).
        candidates = candidates.filter(
            Q(date_of_birth=person.date_of_birth) | Q(date_of_birth__isnull=True) | Q(name_key=person.name_key)
        )
    return matches_for(person, candidates, not_same=not_same_pairs(user=user, partnership=partnership))


def matches_waiting(*, user, partnership) -> list[Pair]:
    """Every pair of people who may be the same person and that the officer has not yet checked,
    once each, the newest repeat first."""
    if not can_manage_cases(user=user, partnership=partnership):
        return []
    people = list(compared_people(user=user, partnership=partnership))
    found = matches_among(people, not_same=not_same_pairs(user=user, partnership=partnership))
    by_pk = {person.pk: person for person in people}
    return [
        Pair(person=by_pk[pk], other=match.other, kind=match.kind, why=match.why)
        for pk in sorted(found, reverse=True)
        for match in found[pk]
    ]


def joined_people(*, user, partnership, person: Person) -> list[Person]:
    """The records of the same person joined together: the earliest first, then those joined to
    it, ``person`` among them."""
    root = root_id(person)
    return list(
        people_visible_to(user=user, partnership=partnership)
        .filter(Q(pk=root) | Q(same_as_id=root))
        .select_related("same_as")
        .order_by("created_at", "pk")
    )


def referrals_about(*, user, partnership, people: list[Person]) -> list[Referral]:
    """The referrals about any of ``people`` (the records of one person), the earliest first."""
    return list(
        referrals_visible_to(user=user, partnership=partnership)
        .filter(person__in=[person.pk for person in people])
        .order_by("date_referred", "pk")
    )


def person_page(*, user, partnership, person: Person) -> dict:
    """What the person's page shows: the records joined with theirs, every referral about them,
    their possible matches with why, and what the officer may do."""
    joined = joined_people(user=user, partnership=partnership, person=person)
    return {
        "person": person,
        "person_root": next((record for record in joined if record.pk == root_id(person)), person),
        "person_joined": [record for record in joined if record.pk != person.pk],
        "person_referrals": referrals_about(user=user, partnership=partnership, people=joined or [person]),
        "person_matches": person_matches(user=user, partnership=partnership, person=person),
        "person_may_edit": may_edit_person(user=user, partnership=partnership, person=person),
    }


def pair_page(*, user, partnership, person: Person, other: Person) -> dict:
    """What the page deciding whether two records are the same person shows: both, side by side,
    with their referrals, why they may match, and whether it is decided already."""
    not_same = not_same_pairs(user=user, partnership=partnership)
    return {
        "person": person,
        "other": other,
        "person_referrals": referrals_about(
            user=user, partnership=partnership, people=joined_people(user=user, partnership=partnership, person=person)
        ),
        "other_referrals": referrals_about(
            user=user, partnership=partnership, people=joined_people(user=user, partnership=partnership, person=other)
        ),
        "match": compare(person, other),
        "joined": root_id(person) == root_id(other),
        "checked_not_same": frozenset((person.pk, other.pk)) in not_same,
    }


def person_for_referral_page(*, user, partnership, referral) -> dict:
    """The person a referral is about, for the referral's page: their record, the people who may
    be the same (a possible repeat referral), the other referrals about them and whether the
    officer may change them. Nothing for anyone but a designated officer with the grant."""
    if not can_manage_cases(user=user, partnership=partnership):
        return {}
    person = referral.person
    others: list[Referral] = []
    if person is not None:
        joined = joined_people(user=user, partnership=partnership, person=person)
        others = [
            other
            for other in referrals_about(user=user, partnership=partnership, people=joined or [person])
            if other.pk != referral.pk
        ]
    return {
        "person": person,
        "person_shown": True,
        "person_matches": person_matches(user=user, partnership=partnership, person=person),
        "person_other_referrals": others,
        "person_may_edit": person is not None and may_edit_person(user=user, partnership=partnership, person=person),
        "person_may_set": may_edit_referral(user=user, partnership=partnership, referral=referral),
    }
