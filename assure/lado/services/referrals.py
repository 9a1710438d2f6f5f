"""Every change to a referral's record and status before its handling: the designated officer's
own record of a referral (open at once), an agency lead's referral through the employer's form (a
draft for the officer), a referral through the public form (kept until its referrer confirms it
from the e-mail sent to them, then a draft), the officer's acceptance or refusal of a draft, and
the officer's corrections.

The person the allegation is about is created with the referral (name and date of birth are
restricted; finding repeat referrals is ``assure/lado/matching.py``'s). The children are held by
age and an agency's reference only. Summaries, events and e-mails name the referral by its
reference, never the person or a child. Statuses move only through ``assure/lado/pipeline.py``.
Every message names its field: a child's fields as ``child_<n>_age`` and ``child_<n>_reference``,
``n`` counting the children given from 1.

A referrer without an account is identified by the e-mail address they confirmed. Two one-time
secrets reach them by e-mail, only their digests kept: the confirmation link (one use, 48 hours)
and the status link, which shows that one referral's reference, status and dates."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assure.accounts.models import Membership
from assure.accounts.permissions import agencies_of
from assure.accounts.recipients import roles_granting
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.navigation import partnership_url
from assure.core.references import next_reference
from assure.core.secrets import new_token, token_digest
from assure.core.services import model_update
from assure.library.selectors import current_item, current_items
from assure.notifications.services import notify, notify_address
from assure.partnerships.models import Agency, Partnership
from assure.partnerships.years import financial_year_of
from assure.questionnaires.identifying import looks_like_a_date_of_birth, looks_like_a_name

from ..models import Child, Person, Referral
from ..permissions import can_manage_cases, ensure_can_manage_cases, ensure_can_refer
from ..pipeline import move
from ..selectors.referrals import partnership_agencies

OWNER = "lado"
REFERENCE_PREFIX = "LA-"
DIGITS = 4
CONFIRMATION_HOURS = 48
OLDEST_CHILD = 17
# The ages a person who works with children may plausibly have at the referral.
YOUNGEST_PERSON, OLDEST_PERSON = 16, 100
LOW_LEVEL_CONCERN = "low-level-concern"

# The referral's own fields that the forms set (the person's are apart: PERSON_FIELDS).
REFERRAL_FIELDS = (
    "date_known",
    "date_referred",
    "referrer_name",
    "referrer_role",
    "referrer_organisation",
    "referrer_email",
    "referrer_phone",
    "employer_name",
    "employer_agency",
    "sector",
    "person_role",
    "employment_basis",
    "category",
    "harm_tests",
    "context",
    "description",
)
PERSON_FIELDS = ("given_names", "family_name", "date_of_birth")
TEXT_FIELDS = {
    "referrer_name",
    "referrer_role",
    "referrer_organisation",
    "referrer_email",
    "referrer_phone",
    "employer_name",
    "sector",
    "person_role",
    "employment_basis",
    "category",
    "context",
    "description",
    "given_names",
    "family_name",
}

# Two or more capitalised words in a row: how a name looks in a reference field (where, unlike free
# text, the first word's capital is no sentence's).
_NAME = re.compile(r"\b[A-Z][a-z][a-z'’-]*(?:\s+[A-Z][a-z][a-z'’-]*)+\b")
# A date written year first in a reference: 2009-04-03, 2009/4/3.
_ISO_DATE = re.compile(r"\b(?:19|20)\d{2}[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:0?[1-9]|[12]\d|3[01])\b")


class LinkNotValid(Exception):
    """A confirmation or status link that is unknown, used or expired."""


def _d(day: dt.date) -> str:
    return f"{day:%-d %B %Y}"


def _codes(kind: str) -> set[str]:
    return set(current_items(kind=kind).values_list("code", flat=True))


def _title(kind: str, code: str) -> str:
    item = current_item(kind=kind, code=code) if code else None
    return item.title if item else code


def _is_allegation(category: str) -> bool:
    item = current_item(kind="lado-category", code=category) if category else None
    return bool(item.data.get("is_allegation", True)) if item else True


# --- who is told ----------------------------------------------------------------------------------
# Requests go to people for the partnership's sake, whoever caused them: these read no user.


def referral_officers(*, partnership: Partnership) -> list:
    """The partnership's designated officers who hold the ``lado`` grant, each once."""
    people = {}
    memberships = Membership.objects.filter(
        partnership=partnership, is_active=True, role__in=roles_granting("lado.manage"), user__is_active=True
    ).select_related("user")
    for membership in memberships.order_by("user__full_name", "pk"):
        user = membership.user
        if user.pk not in people and can_manage_cases(user=user, partnership=partnership):
            people[user.pk] = user
    return list(people.values())


def _tell_officers(referral: Referral, *, came_from: str) -> None:
    """Tell the officers of a draft to accept: its reference, sector and category, never the
    person or a child."""
    partnership = referral.partnership
    notify(
        recipients=referral_officers(partnership=partnership),
        partnership=partnership,
        kind="lado.referral_draft",
        subject=f"Allegation referral {referral.reference} to accept",
        body=(
            f"{came_from} has referred an allegation to the designated officer: {referral.reference} "
            f"({_title('lado-sector', referral.sector)}; {_title('lado-category', referral.category).lower()}).\n\n"
            "Open it in Assure, check it for a repeat referral about the same person, and accept or decline it."
        ),
        path=partnership_url("lado:referral_detail", partnership, pk=referral.pk),
        target=referral,
    )


# --- checking what was given -----------------------------------------------------------------------


def agency_reference_problem(reference: str) -> str | None:
    """Why a child's agency reference cannot be kept (it looks like a name or a date of birth),
    or None. A blank reference is allowed."""
    if not reference:
        return None
    if _NAME.search(reference) or looks_like_a_name(reference):
        return "This looks like a name. Enter the agency's reference for the child, never the child's name."
    if looks_like_a_date_of_birth(reference) or _ISO_DATE.search(reference):
        return "This looks like a date of birth. Enter the agency's reference for the child only."
    return None


def _clean(values: dict) -> dict:
    clean = dict(values)
    for name in TEXT_FIELDS & set(clean):
        clean[name] = (clean[name] or "").strip()
    if "referrer_email" in clean:
        clean["referrer_email"] = clean["referrer_email"].lower()
    if "harm_tests" in clean:
        clean["harm_tests"] = sorted({(code or "").strip() for code in (clean["harm_tests"] or []) if code})
    return clean


def _clean_children(children) -> list[dict]:
    return [
        {"age_years": child.get("age_years"), "agency_reference": (child.get("agency_reference") or "").strip()}
        for child in children or []
    ]


def _referral_problems(*, partnership: Partnership, values: dict, today: dt.date) -> dict[str, str]:
    """What is wrong with the referral's own fields, keyed by field."""
    problems: dict[str, str] = {}
    known, referred = values.get("date_known"), values.get("date_referred")
    if known is None:
        problems["date_known"] = "Enter the date the employer knew of the allegation."
    elif known > today:
        problems["date_known"] = "The date the employer knew must be today or in the past."
    if referred is None:
        problems["date_referred"] = "Enter the date the allegation was referred to the designated officer."
    elif referred > today:
        problems["date_referred"] = "The date referred must be today or in the past."
    elif known is not None and referred < known:
        problems["date_referred"] = f"The date referred must be on or after the date the employer knew ({_d(known)})."
    if not values.get("referrer_name"):
        problems["referrer_name"] = "Enter the name of the person who referred the allegation."
    if email := values.get("referrer_email"):
        try:
            validate_email(email)
        except ValidationError:
            problems["referrer_email"] = "Enter an e-mail address like name@school.org.uk."
    if not values.get("employer_name"):
        problems["employer_name"] = "Enter the name of the employer the person works or volunteers for."
    agency: Agency | None = values.get("employer_agency")
    if agency is not None and not partnership_agencies(partnership).filter(pk=agency.pk).exists():
        problems["employer_agency"] = "Choose one of the partnership's agencies, or none."
    if values.get("sector") not in _codes("lado-sector"):
        problems["sector"] = "Choose the employer's sector."
    if not values.get("person_role"):
        problems["person_role"] = "Enter the person's role, like 'Teaching assistant'."
    if values.get("employment_basis") not in _codes("lado-employment-basis"):
        problems["employment_basis"] = "Choose how the person works with children."
    category = values.get("category") or ""
    if category not in _codes("lado-category"):
        problems["category"] = "Choose the category of the allegation."
    harm_tests = values.get("harm_tests") or []
    if any(code not in _codes("lado-harm-test") for code in harm_tests):
        problems["harm_tests"] = "Choose the harm tests from the list."
    elif not harm_tests and category and category != LOW_LEVEL_CONCERN and _is_allegation(category):
        problems["harm_tests"] = "Choose at least one harm test the allegation meets."
    if values.get("context") and values["context"] not in _codes("lado-context"):
        problems["context"] = "Choose the context from the list, or leave it as not known."
    if not values.get("description"):
        problems["description"] = "Say what was alleged."
    return problems


def _person_problems(*, values: dict, today: dt.date) -> dict[str, str]:
    """What is wrong with the person's name and date of birth, keyed by field."""
    problems: dict[str, str] = {}
    if not values.get("given_names"):
        problems["given_names"] = "Enter the given names of the person the allegation is about."
    if not values.get("family_name"):
        problems["family_name"] = "Enter the family name of the person the allegation is about."
    born = values.get("date_of_birth")
    if born is not None:
        on = values.get("date_referred") or today
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        if born > today:
            problems["date_of_birth"] = "The date of birth must be in the past."
        elif not YOUNGEST_PERSON <= age <= OLDEST_PERSON:
            problems["date_of_birth"] = (
                f"Check the date of birth: the person would be {age} years old. Leave it blank if it is not known."
            )
    return problems


def _children_problems(*, children: list[dict], category: str) -> dict[str, str]:
    """What is wrong with the children given, keyed ``child_<n>_age`` / ``child_<n>_reference``
    (``n`` from 1), and ``children`` when none is given for an allegation."""
    problems: dict[str, str] = {}
    for number, child in enumerate(children, start=1):
        age = child.get("age_years")
        if age is None:
            problems[f"child_{number}_age"] = f"Enter child {number}'s age in years."
        elif not 0 <= age <= OLDEST_CHILD:
            problems[f"child_{number}_age"] = (
                f"Enter an age from 0 to {OLDEST_CHILD} for child {number}: the designated officer's work is "
                "about children."
            )
        if problem := agency_reference_problem(child.get("agency_reference") or ""):
            problems[f"child_{number}_reference"] = problem
    if not children and category != LOW_LEVEL_CONCERN:
        problems["children"] = "Give the age of at least one child the allegation concerns."
    return problems


def _checked(*, partnership: Partnership, values: dict, children: list[dict], person: bool, today: dt.date) -> None:
    problems = {
        **_referral_problems(partnership=partnership, values=values, today=today),
        **(_person_problems(values=values, today=today) if person else {}),
        **_children_problems(children=children, category=values.get("category") or ""),
    }
    if problems:
        raise ValidationError(problems)


def _only_known(values: dict, allowed: tuple[str, ...], service: str) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValueError(f"{service} does not set {', '.join(sorted(unknown))}")


# --- making the records ----------------------------------------------------------------------------


def _next_reference(partnership: Partnership) -> str:
    return next_reference(
        partnership=partnership,
        records=Referral.objects.filter(partnership=partnership),
        prefix=REFERENCE_PREFIX,
        digits=DIGITS,
    )


def _create(*, partnership: Partnership, values: dict, children: list[dict], actor, **more) -> Referral:
    """The person, the referral and its children, as checked."""
    person = Person.objects.create(
        partnership=partnership,
        given_names=values["given_names"],
        family_name=values["family_name"],
        date_of_birth=values.get("date_of_birth"),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    fields = {name: values[name] for name in REFERRAL_FIELDS if name in values}
    referral = Referral(partnership=partnership, person=person, **fields, **more)
    referral.full_clean()
    referral.save()
    _set_children(referral, children)
    return referral


def _set_children(referral: Referral, children: list[dict]) -> None:
    referral.children.all().delete()
    Child.objects.bulk_create(
        Child(referral=referral, age_years=child["age_years"], agency_reference=child["agency_reference"])
        for child in children
    )


def _changed(referral: Referral, *days: dt.date | None) -> None:
    """Tell the figures that the referrals changed, in the years of the referral's dates."""
    dates = [referral.date_referred, referral.closed_on, *days]
    years = {financial_year_of(day) for day in dates if day}
    records_changed(OWNER, partnership_ids=[referral.partnership_id], years=sorted(years) or None)


def _locked(referral: Referral) -> Referral:
    return Referral.objects.select_for_update(of=("self",)).select_related("partnership").get(pk=referral.pk)


# --- the officer's own record ----------------------------------------------------------------------


@transaction.atomic
def referral_record(*, actor, partnership: Partnership, values: dict, children) -> Referral:
    """The designated officer records a referral made to them (by telephone, e-mail or letter):
    open at once, numbered LA-NNNN in the partnership, with the person it is about. Raises
    ValidationError keyed by field."""
    ensure_can_manage_cases(user=actor, partnership=partnership)
    _only_known(values, REFERRAL_FIELDS + PERSON_FIELDS, "referral_record")
    today = timezone.localdate()
    values, children = _clean(values), _clean_children(children)
    _checked(partnership=partnership, values=values, children=children, person=True, today=today)
    referral = _create(
        partnership=partnership,
        values=values,
        children=children,
        actor=actor,
        reference=_next_reference(partnership),
        status=Referral.Status.OPEN,
        route=Referral.Route.OFFICER,
        accepted_on=today,
        accepted_by=actor,
        created_by=actor,
    )
    event_record(
        actor=actor,
        verb="lado.referral_recorded",
        target=referral,
        partnership=partnership,
        summary=f"Allegation referral {referral.reference} recorded",
        data={"sector": referral.sector, "category": referral.category},
    )
    _changed(referral)
    return referral


# --- an agency lead's referral through the employer's form ----------------------------------------


@transaction.atomic
def referral_submit(*, actor, partnership: Partnership, values: dict, children) -> Referral:
    """An agency lead refers an allegation about someone their agency employs (``lado.refer``):
    a draft for the designated officer, numbered at once, referred today; the officers are told.
    The lead cannot read it back: the page they see afterwards gives its reference only. The
    referrer's name and address default to the lead's own, the employer to their agency. Raises
    ValidationError keyed by field."""
    ensure_can_refer(user=actor, partnership=partnership)
    _only_known(values, REFERRAL_FIELDS + PERSON_FIELDS, "referral_submit")
    today = timezone.localdate()
    agency = Agency.objects.filter(pk__in=agencies_of(user=actor, partnership=partnership)).order_by("pk").first()
    values = _clean(
        {
            **values,
            "date_referred": today,
            "employer_agency": agency,
            "referrer_name": values.get("referrer_name") or actor.full_name,
            "referrer_email": values.get("referrer_email") or actor.email,
            "referrer_organisation": values.get("referrer_organisation") or (agency.name if agency else ""),
            "employer_name": values.get("employer_name") or (agency.name if agency else ""),
        }
    )
    children = _clean_children(children)
    _checked(partnership=partnership, values=values, children=children, person=True, today=today)
    referral = _create(
        partnership=partnership,
        values=values,
        children=children,
        actor=actor,
        reference=_next_reference(partnership),
        status=Referral.Status.DRAFT,
        route=Referral.Route.MEMBER,
        created_by=actor,
    )
    event_record(
        actor=actor,
        verb="lado.referral_submitted",
        target=referral,
        partnership=partnership,
        summary=f"Allegation referral {referral.reference} sent by {agency}"
        if agency
        else f"Allegation referral {referral.reference} sent through the employer's form",
        data={"public": False, "agency": agency.pk if agency else None},
    )
    _tell_officers(referral, came_from=agency.name if agency else "An agency")
    _changed(referral)
    return referral


# --- a referral through the public form ------------------------------------------------------------


def _confirm_path(partnership: Partnership, token: str) -> str:
    return reverse("allegations:confirm", kwargs={"partnership": partnership.slug, "token": token})


def status_path(partnership: Partnership, token: str) -> str:
    return reverse("allegations:status", kwargs={"partnership": partnership.slug, "token": token})


@transaction.atomic
def referral_submit_public(
    *, partnership: Partnership, values: dict, children, now: dt.datetime | None = None
) -> Referral:
    """A referral through the public form, from an employer who is not a member: kept awaiting
    its referrer's confirmation, with a one-time link to confirm it, valid for 48 hours, e-mailed
    to the address they gave (only the link's digest is kept). It is referred on the day it is
    sent and has no number until it is confirmed. Raises ValidationError keyed by field."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    _only_known(values, REFERRAL_FIELDS + PERSON_FIELDS, "referral_submit_public")
    values = _clean({**values, "date_referred": today, "employer_agency": None})
    children = _clean_children(children)
    problems = {}
    if not values.get("referrer_email"):
        problems["referrer_email"] = "Enter your work e-mail address: we send the link to confirm the referral there."
    if not values.get("referrer_organisation"):
        problems["referrer_organisation"] = "Enter your organisation."
    try:
        _checked(partnership=partnership, values=values, children=children, person=True, today=today)
    except ValidationError as error:
        problems = {**error.message_dict, **problems}
    if problems:
        raise ValidationError(problems)
    token, digest = new_token()
    referral = _create(
        partnership=partnership,
        values=values,
        children=children,
        actor=None,
        # A provisional reference outside the LA- numbering, replaced when confirmed.
        reference=f"P-{secrets.token_hex(6)}",
        status=Referral.Status.AWAITING_CONFIRMATION,
        route=Referral.Route.PUBLIC,
        confirmation_digest=digest,
        confirmation_expires=now + dt.timedelta(hours=CONFIRMATION_HOURS),
    )
    event_record(
        actor=None,
        verb="lado.referral_submitted",
        target=referral,
        partnership=partnership,
        summary="An allegation was referred through the public form, awaiting the referrer's confirmation",
        data={"public": True},
    )
    notify_address(
        address=referral.referrer_email,
        partnership=partnership,
        kind="lado.referral_confirm",
        subject=f"{partnership.name}: confirm the allegation you referred",
        body=(
            f"Dear {referral.referrer_name},\n\n"
            f"You have referred an allegation about someone who works with children to the designated officer of "
            f"{partnership.name}, using this e-mail address. Before the designated officer receives it, please "
            f"confirm that you sent it by following the link below within {CONFIRMATION_HOURS} hours. The link "
            "works once.\n\n"
            f"If you did not send it, ignore this e-mail: nothing will be kept beyond the {CONFIRMATION_HOURS} hours."
        ),
        path=_confirm_path(partnership, token),
        target=referral,
    )
    _changed(referral)
    return referral


def awaiting_confirmation(*, partnership: Partnership, token: str, now: dt.datetime | None = None) -> Referral:
    """The referral a confirmation link is for, while it may still be confirmed (raises
    LinkNotValid for an unknown, used or expired link). Reads no user: the link is the proof."""
    now = now or timezone.now()
    if not token:
        raise LinkNotValid
    found = Referral.objects.filter(
        partnership=partnership,
        status=Referral.Status.AWAITING_CONFIRMATION,
        confirmation_digest=token_digest(token),
        confirmation_expires__gt=now,
    ).first()
    if found is None:
        raise LinkNotValid
    return found


@transaction.atomic
def referral_confirm(*, partnership: Partnership, token: str, now: dt.datetime | None = None) -> tuple[Referral, str]:
    """Confirm a referral from the link e-mailed to its referrer (once, within 48 hours): it
    becomes a draft for the officer, numbered, the officers are told, and a status link is
    e-mailed to the same address. Returns the referral and the status link's secret (never kept;
    only its digest). Raises LinkNotValid for an unknown, used or expired link."""
    now = now or timezone.now()
    candidate = awaiting_confirmation(partnership=partnership, token=token, now=now)
    # Lock it, and check again: a link confirmed twice at once is used once.
    referral = _locked(candidate)
    if referral.status != Referral.Status.AWAITING_CONFIRMATION or referral.confirmation_digest != token_digest(token):
        raise LinkNotValid
    step = move(referral, Referral.Status.DRAFT)
    status_token, status_digest = new_token()
    referral.reference = _next_reference(partnership)
    referral.status = Referral.Status.DRAFT
    referral.confirmation_digest = ""
    referral.confirmation_expires = None
    referral.status_digest = status_digest
    referral.save(update_fields=["reference", "status", "confirmation_digest", "confirmation_expires", "status_digest"])
    event_record(
        actor=None,
        verb=step.verb,
        target=referral,
        partnership=partnership,
        summary=f"Allegation referral {referral.reference} {step.done.lower()}",
    )
    notify_address(
        address=referral.referrer_email,
        partnership=partnership,
        kind="lado.referral_received",
        subject=f"{partnership.name}: allegation referral {referral.reference} received",
        body=(
            f"Dear {referral.referrer_name},\n\n"
            f"Thank you: the allegation you referred has been received by the designated officer of "
            f"{partnership.name} as {referral.reference}. The designated officer will contact you.\n\n"
            "Keep this e-mail: the link below is the only way to follow your referral's status. It shows this "
            "referral's reference, status and dates, and nothing else. Do not share it."
        ),
        path=status_path(partnership, status_token),
        target=referral,
    )
    _tell_officers(referral, came_from=referral.referrer_organisation or "An employer")
    _changed(referral)
    return referral, status_token


def referral_by_status_token(*, partnership: Partnership, token: str) -> Referral:
    """The referral a status link is for (raises LinkNotValid for an unknown one). Reads no user:
    the link, sent only to the address that confirmed the referral, is the proof."""
    if not token:
        raise LinkNotValid
    found = (
        Referral.objects.filter(partnership=partnership, status_digest=token_digest(token))
        .exclude(status=Referral.Status.AWAITING_CONFIRMATION)
        .first()
    )
    if found is None:
        raise LinkNotValid
    return found


def _tell_public_referrer(referral: Referral, *, kind: str, subject: str, body: str) -> None:
    """A referrer through the public form is told by e-mail, without a link: they follow the
    status link they were sent."""
    if referral.route != Referral.Route.PUBLIC or not referral.referrer_email:
        return
    notify_address(
        address=referral.referrer_email,
        partnership=referral.partnership,
        kind=kind,
        subject=subject,
        body=f"{body}\n\nTo see its status, follow the link you were sent when you confirmed the referral.",
        path="",
        target=referral,
    )


# --- the officer's decision on a draft -------------------------------------------------------------


@transaction.atomic
def referral_accept(*, actor, referral: Referral) -> Referral:
    """The officer accepts a draft from an employer: it is open, its clocks run from the date
    referred."""
    ensure_can_manage_cases(user=actor, partnership=referral.partnership)
    referral = _locked(referral)
    partnership = referral.partnership
    step = move(referral, Referral.Status.OPEN)
    referral.status = Referral.Status.OPEN
    referral.accepted_on, referral.accepted_by = timezone.localdate(), actor
    referral.save(update_fields=["status", "accepted_on", "accepted_by"])
    event_record(
        actor=actor,
        verb=step.verb,
        target=referral,
        partnership=partnership,
        summary=f"Allegation referral {referral.reference} {step.done.lower()}",
    )
    _tell_public_referrer(
        referral,
        kind="lado.referral_accepted",
        subject=f"{partnership.name}: allegation referral {referral.reference} accepted",
        body=(
            f"Dear {referral.referrer_name},\n\n"
            f"The designated officer of {partnership.name} has accepted referral {referral.reference} and will "
            "work with you on it."
        ),
    )
    _changed(referral)
    return referral


@transaction.atomic
def referral_decline(*, actor, referral: Referral, reason: str) -> Referral:
    """The officer declines a draft (not a matter for the designated officer, or referred
    already), with the reason, kept on the referral and in the event."""
    ensure_can_manage_cases(user=actor, partnership=referral.partnership)
    referral = _locked(referral)
    partnership = referral.partnership
    reason = (reason or "").strip()
    step = move(referral, Referral.Status.DECLINED, reason=reason)
    limit = Referral._meta.get_field("declined_reason").max_length
    if len(reason) > limit:
        raise ValidationError({"reason": f"Give the reason in {limit} characters or fewer."})
    referral.status, referral.declined_reason = Referral.Status.DECLINED, reason
    referral.save(update_fields=["status", "declined_reason"])
    event_record(
        actor=actor,
        verb=step.verb,
        target=referral,
        partnership=partnership,
        summary=f"Allegation referral {referral.reference} {step.done.lower()}",
        data={"reason": reason},
    )
    _tell_public_referrer(
        referral,
        kind="lado.referral_declined",
        subject=f"{partnership.name}: allegation referral {referral.reference} declined",
        body=(
            f"Dear {referral.referrer_name},\n\n"
            f"The designated officer of {partnership.name} has declined referral {referral.reference}, for this "
            f"reason:\n\n{reason}"
        ),
    )
    _changed(referral)
    return referral


# --- the officer's corrections ---------------------------------------------------------------------


def _children_of(referral: Referral) -> list[dict]:
    return [
        {"age_years": child.age_years, "agency_reference": child.agency_reference}
        for child in referral.children.order_by("pk")
    ]


@transaction.atomic
def referral_update(*, actor, referral: Referral, values: dict, children=None) -> Referral:
    """Correct a draft's or an open referral's details (the person's name and date of birth are
    changed on the person's own page); ``children``, when given, replace the children recorded.
    Raises ValidationError keyed by field."""
    ensure_can_manage_cases(user=actor, partnership=referral.partnership)
    referral = _locked(referral)
    partnership = referral.partnership
    if not referral.is_editable:
        raise ValidationError(
            {"status": f"{referral.reference} is {referral.get_status_display().lower()}: its details cannot change."}
        )
    _only_known(values, REFERRAL_FIELDS, "referral_update")
    current = {name: getattr(referral, name) for name in REFERRAL_FIELDS}
    clean = _clean({**current, **values})
    before_children = _children_of(referral)
    new_children = before_children if children is None else _clean_children(children)
    today = timezone.localdate()
    problems = {
        **_referral_problems(partnership=partnership, values=clean, today=today),
        **_children_problems(children=new_children, category=clean.get("category") or ""),
    }
    if problems:
        raise ValidationError(problems)
    before = referral.date_referred
    changed = model_update(instance=referral, fields=REFERRAL_FIELDS, data=clean)
    if new_children != before_children:
        _set_children(referral, new_children)
        changed.append("children")
    if changed:
        event_record(
            actor=actor,
            verb="lado.referral_updated",
            target=referral,
            partnership=partnership,
            summary=f"Allegation referral {referral.reference} changed",
            data={"fields": changed},
        )
        _changed(referral, before)
    return referral
