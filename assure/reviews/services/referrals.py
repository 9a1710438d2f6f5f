"""Every change to a case consideration (a referral): submitted by a member, or through the public
form by a practitioner who confirms it from their work e-mail; acknowledged by the business unit;
considered by the subgroup at a meeting, with its recommendation; decided by the chair, with the
decision letter made from the library's template (and, when the decision commissions a review,
the review); or withdrawn.

A practitioner without an account is identified by the work e-mail address they confirmed. Two
one-time secrets reach them by e-mail and only their SHA-256 digests are kept: the confirmation
link (one use, 48 hours) and the status link, which shows that one referral's progress and nothing
else. The status link is sent once, in the e-mail that follows the confirmation; later e-mails ask
them to follow the link they were sent."""

import datetime as dt
import re
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from assure.accounts.models import User
from assure.accounts.recipients import roles_granting
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.navigation import partnership_url
from assure.core.references import next_reference
from assure.core.secrets import new_token, token_digest
from assure.library.models import LibraryItem
from assure.library.schemas import SHIPPED_PROVIDER
from assure.library.schemas_letters import LetterTemplateItem
from assure.library.selectors import current_items
from assure.notifications.services import notify, notify_address
from assure.partnerships.models import Agency, Meeting, Partnership
from assure.partnerships.years import financial_year_of
from assure.questionnaires.identifying import looks_like_a_date_of_birth

from ..models import Referral
from ..permissions import (
    ensure_can_refer,
    ensure_may_acknowledge_referral,
    ensure_may_consider_referral,
    ensure_may_decide_referral,
    ensure_may_withdraw_referral,
)
from ..scheme import scheme_for

REFERENCE_PREFIX = "CC-"
OWNER = "reviews"
LETTER_KIND = "letter-template"
LETTER_CODE = "case-consideration-decision"
CONFIRMATION_HOURS = 48
OLDEST_AGE = 17

# Two or more capitalised words in a row: how a name looks in a case reference field.
_NAME = re.compile(r"\b[A-Z][a-z][a-z'’-]*(?:\s+[A-Z][a-z][a-z'’-]*)+\b")
# A date in a case reference: 03/04/2009, 3-4-09, 2009-04-03, 03042009 is not caught (too like a number).
_ISO_DATE = re.compile(r"\b(?:19|20)\d{2}[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:0?[1-9]|[12]\d|3[01])\b")


class LinkNotValid(Exception):
    """A confirmation or status link that is unknown, used or expired."""


# --- who is told ----------------------------------------------------------------------------------
# Requests go to people for the partnership's sake, whoever caused them: these read no user.


def _people_with(permission: str, partnership: Partnership) -> list[User]:
    return list(
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles_granting(permission),
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "pk")
    )


def referral_managers(*, partnership: Partnership) -> list[User]:
    """The business unit (``reviews.manage``), told of every referral received."""
    return _people_with("reviews.manage", partnership)


def referral_deciders(*, partnership: Partnership) -> list[User]:
    """The chair or chairs (``reviews.decide``), told when the subgroup has considered a referral."""
    return _people_with("reviews.decide", partnership)


# --- the case's details ---------------------------------------------------------------------------


def partnership_agencies(partnership: Partnership):
    """The partnership's agencies (library and public form alike). Reads no user: the names of a
    partnership's agencies are public."""
    return Agency.objects.filter(partnership_links__partnership=partnership).order_by("name")


def case_reference_problem(reference: str) -> str | None:
    """Why a case reference cannot be kept (it looks like a name or a date of birth), or None."""
    if not reference:
        return "Enter the lead agency's case reference for the child."
    if _NAME.search(reference):
        return "This looks like a name. Enter the lead agency's case reference, never the child's name."
    if looks_like_a_date_of_birth(reference) or _ISO_DATE.search(reference):
        return "This looks like a date of birth. Enter the lead agency's case reference only."
    return None


def _clean(values: dict) -> dict:
    return {name: value.strip() if isinstance(value, str) else value for name, value in values.items()}


def _case_problems(*, partnership: Partnership, values: dict, agencies_involved) -> dict[str, str]:
    """What is wrong with the case's details, keyed by field, in the referrer's words."""
    problems: dict[str, str] = {}
    scheme = scheme_for(partnership)
    if scheme.term("routes", values.get("route") or "") is None:
        problems["route"] = "Choose why the case should be considered."
    allowed = set(partnership_agencies(partnership).values_list("pk", flat=True))
    lead: Agency | None = values.get("lead_agency")
    if lead is None:
        problems["lead_agency"] = "Choose the agency whose case reference identifies the child."
    elif lead.pk not in allowed:
        problems["lead_agency"] = "Choose one of the partnership's agencies."
    if problem := case_reference_problem(values.get("case_reference") or ""):
        problems["case_reference"] = problem
    age = values.get("child_age_years")
    if age is None:
        problems["child_age_years"] = "Enter the child's age in years."
    elif not 0 <= age <= OLDEST_AGE:
        problems["child_age_years"] = f"Enter an age from 0 to {OLDEST_AGE}: the form is about children."
    if any(agency.pk not in allowed for agency in agencies_involved):
        problems["agencies_involved"] = "Choose agencies of the partnership."
    if not values.get("reasons"):
        problems["reasons"] = "Say why the case meets the route you chose."
    if not values.get("chronology"):
        problems["chronology"] = "Give a short chronology of the agencies' involvement."
    return problems


def _referrer_problems(*, partnership: Partnership, values: dict) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not values.get("referrer_name"):
        problems["referrer_name"] = "Enter your name."
    email = values.get("referrer_email") or ""
    if not email:
        problems["referrer_email"] = "Enter your work e-mail address."
    else:
        try:
            validate_email(email)
        except ValidationError:
            problems["referrer_email"] = "Enter an e-mail address like name@agency.org.uk."
    if not values.get("referrer_role"):
        problems["referrer_role"] = "Enter your role, like 'Health visitor'."
    agency: Agency | None = values.get("referrer_agency")
    if agency is not None:
        if not partnership_agencies(partnership).filter(pk=agency.pk).exists():
            problems["referrer_agency"] = "Choose one of the partnership's agencies, or name your organisation."
    elif not values.get("referrer_agency_other"):
        problems["referrer_agency"] = "Choose your agency, or name your organisation if it is not listed."
    return problems


def _next_reference(partnership: Partnership) -> str:
    return next_reference(
        partnership=partnership,
        records=Referral.objects.filter(partnership=partnership),
        prefix=REFERENCE_PREFIX,
        digits=3,
    )


def _changed(referral: Referral, *days: dt.date | None) -> None:
    """Tell the figures that the referrals changed, in the years of the referral's dates."""
    received = timezone.localtime(referral.submitted_at).date() if referral.submitted_at else None
    dates = [received, referral.decided_on, *days]
    years = {financial_year_of(day) for day in dates if day}
    records_changed(OWNER, partnership_ids=[referral.partnership_id], years=sorted(years) or None)


def _route_title(referral: Referral) -> str:
    return scheme_for(referral.partnership).title_of("routes", referral.route)


def _tell_business_unit(referral: Referral) -> None:
    partnership = referral.partnership
    notify(
        recipients=referral_managers(partnership=partnership),
        partnership=partnership,
        kind="reviews.referral_received",
        subject=f"Case consideration {referral.reference} received",
        body=(
            f"A case has been referred for consideration ({referral.reference}) by {referral.referrer_name}, "
            f"{referral.referrer_role}, {referral.referrer_organisation}: {_route_title(referral).lower()}.\n\n"
            "Please acknowledge it and take it to the learning and improvement subgroup."
        ),
        path=partnership_url("reviews:referral_detail", partnership, pk=referral.pk),
        target=referral,
    )


CASE_FIELDS = (
    "route",
    "lead_agency",
    "case_reference",
    "child_age_years",
    "reasons",
    "chronology",
)
REFERRER_FIELDS = ("referrer_name", "referrer_email", "referrer_role", "referrer_agency", "referrer_agency_other")


def _build(partnership: Partnership, values: dict, agencies_involved: list, **more) -> Referral:
    referral = Referral(partnership=partnership, **values, **more)
    referral.full_clean(exclude=["reference"] if not referral.reference else None)
    referral.save()
    referral.agencies_involved.set(agencies_involved)
    return referral


# --- a member's referral ----------------------------------------------------------------------


@transaction.atomic
def referral_submit(
    *,
    actor: User,
    partnership: Partnership,
    route: str,
    lead_agency: Agency | None,
    case_reference: str,
    child_age_years: int | None,
    reasons: str,
    chronology: str,
    agencies_involved=(),
    referrer_role: str,
    referrer_agency: Agency | None = None,
    referrer_agency_other: str = "",
    referrer_name: str | None = None,
    referrer_email: str | None = None,
) -> Referral:
    """Refer a case for consideration as a member (``reviews.refer``): received at once, numbered
    CC-001 in the partnership, and the business unit told. The referrer's name and address default
    to the member's own. Raises ValidationError keyed by field."""
    ensure_can_refer(user=actor, partnership=partnership)
    agencies_involved = list(agencies_involved)
    values = _clean(
        {
            "route": route,
            "lead_agency": lead_agency,
            "case_reference": case_reference,
            "child_age_years": child_age_years,
            "reasons": reasons,
            "chronology": chronology,
            "referrer_name": referrer_name if referrer_name is not None else actor.full_name,
            "referrer_email": referrer_email if referrer_email is not None else actor.email,
            "referrer_role": referrer_role,
            "referrer_agency": referrer_agency,
            "referrer_agency_other": "" if referrer_agency is not None else referrer_agency_other,
        }
    )
    problems = {
        **_referrer_problems(partnership=partnership, values=values),
        **_case_problems(partnership=partnership, values=values, agencies_involved=agencies_involved),
    }
    if problems:
        raise ValidationError(problems)
    referral = _build(
        partnership,
        values,
        agencies_involved,
        reference=_next_reference(partnership),
        status=Referral.Status.SUBMITTED,
        referred_by=actor,
        submitted_at=timezone.now(),
    )
    event_record(
        actor=actor,
        verb="reviews.referral_submitted",
        target=referral,
        partnership=partnership,
        summary=f"Case consideration {referral.reference} referred",
        data={"route": referral.route, "public": False},
    )
    _tell_business_unit(referral)
    _changed(referral)
    return referral


# --- a practitioner's referral through the public form ------------------------------------------


def _confirm_path(partnership: Partnership, token: str) -> str:
    return reverse("refer:confirm", kwargs={"partnership": partnership.slug, "token": token})


def status_path(partnership: Partnership, token: str) -> str:
    return reverse("refer:status", kwargs={"partnership": partnership.slug, "token": token})


@transaction.atomic
def referral_submit_public(
    *,
    partnership: Partnership,
    referrer_name: str,
    referrer_email: str,
    referrer_role: str,
    route: str,
    lead_agency: Agency | None,
    case_reference: str,
    child_age_years: int | None,
    reasons: str,
    chronology: str,
    agencies_involved=(),
    referrer_agency: Agency | None = None,
    referrer_agency_other: str = "",
    now: dt.datetime | None = None,
) -> Referral:
    """A practitioner's referral through the public form (no account): kept awaiting their
    confirmation and a one-time link to confirm it, valid for 48 hours, e-mailed to the work
    address they gave. Only the link's digest is kept. It has no number until it is confirmed.
    Raises ValidationError keyed by field."""
    now = now or timezone.now()
    agencies_involved = list(agencies_involved)
    values = _clean(
        {
            "route": route,
            "lead_agency": lead_agency,
            "case_reference": case_reference,
            "child_age_years": child_age_years,
            "reasons": reasons,
            "chronology": chronology,
            "referrer_name": referrer_name,
            "referrer_email": (referrer_email or "").strip().lower(),
            "referrer_role": referrer_role,
            "referrer_agency": referrer_agency,
            "referrer_agency_other": "" if referrer_agency is not None else referrer_agency_other,
        }
    )
    problems = {
        **_referrer_problems(partnership=partnership, values=values),
        **_case_problems(partnership=partnership, values=values, agencies_involved=agencies_involved),
    }
    if problems:
        raise ValidationError(problems)
    token, digest = new_token()
    referral = _build(
        partnership,
        values,
        agencies_involved,
        # A provisional reference outside the CC- numbering, replaced when confirmed.
        reference=f"P-{secrets.token_hex(6)}",
        status=Referral.Status.AWAITING_CONFIRMATION,
        referred_by=None,
        confirmation_digest=digest,
        confirmation_expires_at=now + dt.timedelta(hours=CONFIRMATION_HOURS),
    )
    event_record(
        actor=None,
        verb="reviews.referral_submitted",
        target=referral,
        partnership=partnership,
        summary="A case consideration was sent through the public form, awaiting the referrer's confirmation",
        data={"route": referral.route, "public": True},
    )
    notify_address(
        address=referral.referrer_email,
        partnership=partnership,
        kind="reviews.referral_confirm",
        subject=f"{partnership.name}: confirm the case you referred for consideration",
        body=(
            f"Dear {referral.referrer_name},\n\n"
            f"You have referred a case to {partnership.name} for consideration, using this work e-mail "
            "address. Before the partnership's business unit receives it, please confirm that you sent it "
            f"by following the link below within {CONFIRMATION_HOURS} hours. The link works once.\n\n"
            "If you did not send it, ignore this e-mail and nothing will be kept beyond the 48 hours."
        ),
        path=_confirm_path(partnership, token),
        target=referral,
    )
    return referral


def awaiting_confirmation(*, partnership: Partnership, token: str, now: dt.datetime | None = None) -> Referral:
    """The referral a confirmation link is for, while it may still be confirmed (raises
    LinkNotValid for an unknown, used or expired link). Reads no user: the link is the proof."""
    now = now or timezone.now()
    found = Referral.objects.filter(
        partnership=partnership,
        status=Referral.Status.AWAITING_CONFIRMATION,
        confirmation_digest=token_digest(token or ""),
        confirmation_expires_at__gt=now,
    ).first()
    if found is None or not token:
        raise LinkNotValid
    return found


@transaction.atomic
def referral_confirm(*, partnership: Partnership, token: str, now: dt.datetime | None = None) -> tuple[Referral, str]:
    """Confirm a practitioner's referral from the link e-mailed to them (once, within 48 hours):
    it is received, numbered, the business unit told, and a status link e-mailed to the same
    address. Returns the referral and the status link's secret (never kept; only its digest).
    Raises LinkNotValid for an unknown, used or expired link."""
    now = now or timezone.now()
    candidate = awaiting_confirmation(partnership=partnership, token=token, now=now)
    # Lock it, and check again: a link confirmed twice at once is used once.
    referral = Referral.objects.select_for_update(of=("self",)).get(pk=candidate.pk)
    if referral.status != Referral.Status.AWAITING_CONFIRMATION or referral.confirmation_digest != token_digest(token):
        raise LinkNotValid
    status_token, status_digest = new_token()
    referral.reference = _next_reference(partnership)
    referral.status = Referral.Status.SUBMITTED
    referral.submitted_at = now
    referral.confirmation_digest = ""
    referral.confirmation_expires_at = None
    referral.status_digest = status_digest
    referral.save(
        update_fields=[
            "reference",
            "status",
            "submitted_at",
            "confirmation_digest",
            "confirmation_expires_at",
            "status_digest",
        ]
    )
    event_record(
        actor=None,
        verb="reviews.referral_confirmed",
        target=referral,
        partnership=partnership,
        summary=f"Case consideration {referral.reference} confirmed by its referrer",
    )
    notify_address(
        address=referral.referrer_email,
        partnership=partnership,
        kind="reviews.referral_received",
        subject=f"{partnership.name}: case consideration {referral.reference} received",
        body=(
            f"Dear {referral.referrer_name},\n\n"
            f"Thank you: the case you referred has been received as case consideration {referral.reference}. "
            "The partnership's business unit will acknowledge it, the learning and improvement subgroup will "
            "consider it, and the independent chair will decide what happens next. You will be told of each "
            "step by e-mail.\n\n"
            "Keep this e-mail: the link below is the only way to follow your referral's progress and to read "
            "the decision letter. It shows this referral's status and nothing else. Do not share it."
        ),
        path=status_path(partnership, status_token),
        target=referral,
    )
    _tell_business_unit(referral)
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


# --- telling the referrer -----------------------------------------------------------------------


def _tell_referrer(referral: Referral, *, kind: str, subject: str, body: str, member_path: str) -> None:
    """A member is told through notify (linking to ``member_path``); a practitioner without an
    account by e-mail to the address they confirmed, without a link: they follow the status link
    they were sent."""
    if referral.referred_by_id is not None:
        notify(
            recipients=[referral.referred_by],
            partnership=referral.partnership,
            kind=kind,
            subject=subject,
            body=body,
            path=member_path,
            target=referral,
        )
        return
    notify_address(
        address=referral.referrer_email,
        partnership=referral.partnership,
        kind=kind,
        subject=subject,
        body=f"{body}\n\nTo see its progress, follow the status link you were sent when you confirmed the referral.",
        path="",
        target=referral,
    )


# --- the business unit's and the subgroup's steps ---------------------------------------------------


@transaction.atomic
def referral_acknowledge(*, actor: User, referral: Referral) -> Referral:
    """Acknowledge a referral received (the business unit) and tell the referrer."""
    ensure_may_acknowledge_referral(user=actor, referral=referral)
    referral.status = Referral.Status.ACKNOWLEDGED
    referral.acknowledged_at, referral.acknowledged_by = timezone.now(), actor
    referral.save(update_fields=["status", "acknowledged_at", "acknowledged_by"])
    partnership = referral.partnership
    event_record(
        actor=actor,
        verb="reviews.referral_acknowledged",
        target=referral,
        partnership=partnership,
        summary=f"Case consideration {referral.reference} acknowledged",
    )
    _tell_referrer(
        referral,
        kind="reviews.referral_acknowledged",
        subject=f"{partnership.name}: case consideration {referral.reference} acknowledged",
        body=(
            f"Dear {referral.referrer_name},\n\n"
            f"The business unit of {partnership.name} has acknowledged case consideration {referral.reference}. "
            "The learning and improvement subgroup will consider it at one of its meetings and recommend to the "
            "independent chair what should happen; you will be told of the decision."
        ),
        member_path=partnership_url("reviews:referrals_mine", partnership),
    )
    _changed(referral)
    return referral


def meeting_choices(*, partnership: Partnership):
    """The partnership's meetings (the board's and its subgroups'), newest first. Reads no user:
    it offers the business unit the meetings a consideration may be recorded at."""
    return Meeting.objects.filter(partnership=partnership).select_related("subgroup").order_by("-held_on", "pk")


@transaction.atomic
def referral_consider(
    *, actor: User, referral: Referral, meeting: Meeting | None, recommendation: str, notes: str = ""
) -> Referral:
    """Record the subgroup's consideration (the business unit): the meeting of the partnership
    (a subgroup's or the board's) and the decision it recommends to the chair, with its notes;
    the chair or chairs are told. May be recorded again until the chair decides."""
    ensure_may_consider_referral(user=actor, referral=referral)
    partnership = referral.partnership
    notes = (notes or "").strip()
    problems: dict[str, str] = {}
    if meeting is None:
        problems["meeting"] = "Choose the meeting that considered the case."
    elif meeting.partnership_id != partnership.pk:
        problems["meeting"] = "Choose a meeting of this partnership."
    elif referral.submitted_at and meeting.held_on < timezone.localtime(referral.submitted_at).date():
        problems["meeting"] = "The meeting cannot come before the case was referred."
    if scheme_for(partnership).term("decisions", recommendation or "") is None:
        problems["recommendation"] = "Choose the decision the meeting recommends."
    if problems:
        raise ValidationError(problems)
    again = referral.status == Referral.Status.CONSIDERED
    referral.considered_at = meeting
    referral.recommendation = recommendation
    referral.recommendation_notes = notes
    referral.status = Referral.Status.CONSIDERED
    referral.save(update_fields=["considered_at", "recommendation", "recommendation_notes", "status"])
    title = scheme_for(partnership).title_of("decisions", recommendation)
    event_record(
        actor=actor,
        verb="reviews.referral_considered",
        target=referral,
        partnership=partnership,
        summary=f"Case consideration {referral.reference} considered at the meeting of "
        f"{meeting.body_name} on {date_format(meeting.held_on, 'j F Y')}: {title.lower()} recommended",
        data={"meeting": meeting.pk, "recommendation": recommendation, "again": again},
    )
    if not again:
        notify(
            recipients=referral_deciders(partnership=partnership),
            partnership=partnership,
            kind="reviews.referral_to_decide",
            subject=f"Case consideration {referral.reference}: your decision",
            body=(
                f"The {meeting.body_name} considered case consideration {referral.reference} on "
                f"{date_format(meeting.held_on, 'j F Y')} and recommends: {title}.\n\n"
                "Please decide what happens next and give your reasons; the referrer will be sent a letter."
            ),
            path=partnership_url("reviews:referral_decide", partnership, pk=referral.pk),
            target=referral,
        )
    _changed(referral)
    return referral


# --- the chair's decision and its letter --------------------------------------------------------


def letter_template(partnership: Partnership) -> LibraryItem:
    """The decision letter's template in force for ``partnership`` (its own first). Reads no
    user: the library is shared."""
    items = list(
        current_items(kind=LETTER_KIND)
        .filter(code=LETTER_CODE, document__provider__in=[partnership.slug, SHIPPED_PROVIDER])
        .select_related("document")
    )
    own = [item for item in items if item.document.provider == partnership.slug]
    found = own or items
    if not found:
        raise ValidationError({"decision": "The library holds no decision letter: load the library first."})
    return found[0]


def _business_unit_email(referral: Referral) -> str:
    if referral.acknowledged_by_id and referral.acknowledged_by.email:
        return referral.acknowledged_by.email
    managers = referral_managers(partnership=referral.partnership)
    return managers[0].email if managers else ""


def letter_values(referral: Referral) -> dict[str, str]:
    """The plain text each placeholder of the decision letter is filled with."""
    scheme = scheme_for(referral.partnership)
    decision = scheme.term("decisions", referral.decision)
    return {
        "referrer_name": referral.referrer_name,
        "reference": referral.reference,
        "partnership": referral.partnership.name,
        "decision": decision.title if decision else referral.decision,
        "reasons": referral.decision_reasons,
        "next_steps": decision.description if decision and decision.description else "",
        "decided_on": date_format(referral.decided_on, "j F Y") if referral.decided_on else "",
        "business_unit_email": _business_unit_email(referral),
    }


def letter_render(item: LibraryItem, referral: Referral) -> tuple[str, str]:
    """The decision letter's subject and text, from the template ``item`` (plain text)."""
    return LetterTemplateItem.model_validate(item.data).render(letter_values(referral))


def review_title(*, partnership: Partnership, decision: str, reference: str) -> str:
    """A review's title that names nobody: the decision's review type and the referral's number."""
    scheme = scheme_for(partnership)
    term = scheme.term("decisions", decision)
    kind = scheme.title_of("review_types", term.commissions) if term and term.commissions else decision
    return f"{kind} following case consideration {reference}"


@transaction.atomic
def referral_decide(
    *,
    actor: User,
    referral: Referral,
    decision: str,
    reasons: str,
    decided_on: dt.date | None,
    title: str = "",
):
    """The chair's decision on a considered referral, with the reasons: the decision letter is made
    from the library's template (the version kept with it) and sent to the referrer; a decision
    that commissions a review commissions it (titled ``title``, or from the review type and the
    referral's number). Returns the referral. Raises ValidationError keyed by field."""
    ensure_may_decide_referral(user=actor, referral=referral)
    partnership = referral.partnership
    scheme = scheme_for(partnership)
    reasons = (reasons or "").strip()
    title = (title or "").strip()
    term = scheme.term("decisions", decision or "")
    problems: dict[str, str] = {}
    if term is None:
        problems["decision"] = "Choose the decision."
    if not reasons:
        problems["reasons"] = "Give the reasons for the decision: the referrer is sent them."
    if decided_on is None:
        problems["decided_on"] = "Enter the date of the decision."
    elif decided_on > timezone.localdate():
        problems["decided_on"] = "The decision cannot be in the future."
    elif referral.considered_at_id and decided_on < referral.considered_at.held_on:
        problems["decided_on"] = "The decision cannot come before the subgroup considered the case."
    if problems:
        raise ValidationError(problems)
    item = letter_template(partnership)
    referral.decision = decision
    referral.decision_reasons = reasons
    referral.decided_on = decided_on
    referral.decided_by = actor
    referral.status = Referral.Status.DECIDED
    referral.letter_template = item
    subject, letter = letter_render(item, referral)
    referral.letter = letter
    referral.save(
        update_fields=[
            "decision",
            "decision_reasons",
            "decided_on",
            "decided_by",
            "status",
            "letter_template",
            "letter",
        ]
    )
    review = None
    if term.commissions:
        from .reviews import review_commission

        review = review_commission(
            actor=actor,
            partnership=partnership,
            kind=term.commissions,
            title=title or review_title(partnership=partnership, decision=decision, reference=referral.reference),
            decided_on=decided_on,
            referral=referral,
            agencies=list(referral.agencies_involved.all()),
            authorised=True,
        )
    event_record(
        actor=actor,
        verb="reviews.referral_decided",
        target=referral,
        partnership=partnership,
        summary=f"Case consideration {referral.reference} decided: {term.title.lower()}"
        + (f"; review {review.reference} commissioned" if review else ""),
        data={
            "decision": decision,
            "decided_on": decided_on.isoformat(),
            "letter_template": item.pk,
            "review": review.pk if review else None,
        },
    )
    _tell_referrer(
        referral,
        kind="reviews.referral_decided",
        subject=subject,
        body=letter,
        member_path=partnership_url("reviews:referral_letter", partnership, pk=referral.pk),
    )
    _changed(referral, decided_on)
    return referral


@transaction.atomic
def referral_withdraw(*, actor: User, referral: Referral, reason: str) -> Referral:
    """Withdraw a referral before it is decided (the business unit), with the reason, kept on the
    referral (as its decision's reasons: a withdrawn referral has no decision) and in the event's
    data; the referrer is told."""
    ensure_may_withdraw_referral(user=actor, referral=referral)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the referral is withdrawn: the referrer is told."})
    previous = referral.status
    referral.status = Referral.Status.WITHDRAWN
    referral.decision_reasons = reason
    referral.save(update_fields=["status", "decision_reasons"])
    partnership = referral.partnership
    event_record(
        actor=actor,
        verb="reviews.referral_withdrawn",
        target=referral,
        partnership=partnership,
        summary=f"Case consideration {referral.reference} withdrawn",
        data={"reason": reason, "was": previous},
    )
    _tell_referrer(
        referral,
        kind="reviews.referral_withdrawn",
        subject=f"{partnership.name}: case consideration {referral.reference} withdrawn",
        body=(
            f"Dear {referral.referrer_name},\n\n"
            f"Case consideration {referral.reference} has been withdrawn by the business unit of "
            f"{partnership.name}, for this reason:\n\n{reason}"
        ),
        member_path=partnership_url("reviews:referrals_mine", partnership),
    )
    _changed(referral)
    return referral
