"""The person an allegation is about: correcting their restricted name and date of birth, putting
a person on a referral (or another person, when the referral turns out to be about someone else),
and the officer's decision on a possible repeat referral: the same person (their records joined)
or not (no longer offered as a match).

Only a designated officer with the ``lado`` grant does any of it. Events and their summaries name
the records ("Person 12"), never the person; the trail masks the name and date of birth."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.services import model_update

from ..matching import name_key
from ..models import Person, Referral
from ..permissions import ensure_can_manage_cases, ensure_may_edit_person

# The fields of a person the officer sets.
FIELDS = ("given_names", "family_name", "date_of_birth")
# Someone working with children is at least this old, and no one is older than the oldest.
YOUNGEST, OLDEST = 16, 100


def _years_between(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def checked_values(values: dict, *, today: dt.date) -> dict:
    """The person's name and date of birth, tidied; a ValidationError keyed by field for what is
    missing or implausible."""
    cleaned = {
        "given_names": " ".join(str(values.get("given_names") or "").split()),
        "family_name": " ".join(str(values.get("family_name") or "").split()),
        "date_of_birth": values.get("date_of_birth") or None,
    }
    errors: dict[str, str] = {}
    if not cleaned["given_names"]:
        errors["given_names"] = "Enter the person's given names."
    if not cleaned["family_name"]:
        errors["family_name"] = "Enter the person's family name."
    if (cleaned["given_names"] or cleaned["family_name"]) and not name_key(
        cleaned["given_names"], cleaned["family_name"]
    ):
        errors.setdefault("family_name", "Enter the name in letters.")
    born = cleaned["date_of_birth"]
    if born is not None:
        if born > today:
            errors["date_of_birth"] = "The date of birth must be in the past."
        elif _years_between(born, today) < YOUNGEST:
            errors["date_of_birth"] = (
                f"The person would be under {YOUNGEST}: check the date of birth, or leave it blank if it is not known."
            )
        elif _years_between(born, today) > OLDEST:
            errors["date_of_birth"] = (
                f"The person would be over {OLDEST}: check the date of birth, or leave it blank if it is not known."
            )
    if errors:
        raise ValidationError(errors)
    return cleaned


def _locked(person: Person) -> Person:
    return Person.objects.select_for_update().get(pk=person.pk)


@transaction.atomic
def person_update(*, actor, person: Person, values: dict) -> Person:
    """Correct the person's name and date of birth (restricted). Returns the person; the event
    names the fields changed, never their values."""
    ensure_may_edit_person(user=actor, partnership=person.partnership, person=person)
    person = _locked(person)
    cleaned = checked_values(values, today=timezone.localdate())
    cleaned["name_key"] = name_key(cleaned["given_names"], cleaned["family_name"])
    changed = model_update(instance=person, fields=(*FIELDS, "name_key"), data=cleaned)
    changed = [name for name in changed if name != "name_key"]
    if changed:
        event_record(
            actor=actor,
            verb="lado.person_updated",
            target=person,
            partnership=person.partnership,
            summary=f"{person} changed",
            data={"fields": changed},
        )
    return person


def _unused(person: Person) -> bool:
    """True when no referral is about the person and no record is joined to theirs."""
    return not person.referrals.exists() and not Person.objects.filter(same_as=person).exists()


@transaction.atomic
def person_set(*, actor, referral: Referral, values: dict) -> Person:
    """Record the person a referral is about, or, when it turns out to be about someone else,
    put a new person in their place. The person replaced is removed when no other referral is
    about them and no record is joined to theirs (their name is kept no longer than needed)."""
    ensure_can_manage_cases(user=actor, partnership=referral.partnership)
    referral = Referral.objects.select_for_update().select_related("partnership").get(pk=referral.pk)
    if not referral.is_editable:
        raise ValidationError(
            f"{referral.reference} is {referral.get_status_display().lower()}: the person it is about cannot change."
        )
    cleaned = checked_values(values, today=timezone.localdate())
    replaced = referral.person
    key = name_key(cleaned["given_names"], cleaned["family_name"])
    person = Person(partnership=referral.partnership, created_by=actor, name_key=key, **cleaned)
    person.full_clean()
    person.save()
    referral.person = person
    referral.save(update_fields=["person"])
    event_record(
        actor=actor,
        verb="lado.person_set",
        target=referral,
        partnership=referral.partnership,
        summary=(
            f"{referral.reference}: the person it is about recorded"
            if replaced is None
            else f"{referral.reference}: about another person than first recorded"
        ),
        data={"person": person.pk, "replaced": replaced.pk if replaced else None},
    )
    if replaced is not None and _unused(replaced):
        replaced.delete()
    return person


def _both(*, actor, person: Person, other: Person) -> tuple[Person, Person]:
    """Both people, locked, once the officer may decide about them."""
    ensure_may_edit_person(user=actor, partnership=person.partnership, person=person)
    if other.partnership_id != person.partnership_id:
        raise ValidationError({"other": "Choose a person of the same partnership."})
    if other.pk == person.pk:
        raise ValidationError({"other": "Choose another person: a record is always the same as itself."})
    locked = {p.pk: p for p in Person.objects.select_for_update().filter(pk__in=[person.pk, other.pk])}
    return locked[person.pk], locked[other.pk]


def _root(person: Person) -> Person:
    return person.same_as if person.same_as_id else person


@transaction.atomic
def match_confirm(*, actor, person: Person, other: Person) -> Person:
    """The officer has checked that the two records are the same person: the newer record (and
    any joined to it) is joined to the earlier one, whose page lists the referrals of both.
    Returns the earlier record."""
    person, other = _both(actor=actor, person=person, other=other)
    first, second = _root(person), _root(other)
    if first.pk == second.pk:
        raise ValidationError({"other": "These records are already joined as the same person."})
    older, newer = sorted((first, second), key=lambda record: (record.created_at, record.pk))
    for record in Person.objects.select_for_update().filter(same_as=newer):
        model_update(instance=record, fields=["same_as"], data={"same_as": older})
    model_update(instance=newer, fields=["same_as"], data={"same_as": older})
    group = Person.objects.filter(Q(pk=older.pk) | Q(same_as=older)).values("pk")
    # Checks that they were different people no longer hold.
    Person.not_same_as.through.objects.filter(from_person__in=group, to_person__in=group).delete()
    event_record(
        actor=actor,
        verb="lado.person_joined",
        target=newer,
        partnership=newer.partnership,
        summary=f"{newer} joined to {older}: the same person",
        data={"joined_to": older.pk, "checked": [person.pk, other.pk]},
    )
    return older


@transaction.atomic
def match_reject(*, actor, person: Person, other: Person) -> Person:
    """The officer has checked that the two records are different people: they are no longer
    offered as a match."""
    person, other = _both(actor=actor, person=person, other=other)
    if _root(person).pk == _root(other).pk:
        raise ValidationError({"other": "These records are joined as the same person."})
    person.not_same_as.add(other)
    event_record(
        actor=actor,
        verb="lado.person_not_same",
        target=person,
        partnership=person.partnership,
        summary=f"{person} and {other} checked: not the same person",
        data={"other": other.pk},
    )
    return person
