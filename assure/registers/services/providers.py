"""Private providers: signing up on the public form (an inactive account, switched on by a link
e-mailed to the work address), the business unit's check (verified, or refused with a reason),
and a verified provider's placement notifications with their CSE risk assessment.

A sign-up never tells whether an address already has an account: the same "check your e-mail"
page follows, and the address is written to instead, saying it may sign in (and, when it is not
yet a provider of this partnership, with a link that makes it one).

A notification is an entry of the ``placement-notification`` register, held by the partnership's
children's social care agency, recorded as a draft until its risk assessment is submitted; the
e-mails it sends name the entry's number only, never anything about the child."""

import datetime as dt
import re

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assure.accounts.models import Membership, User
from assure.accounts.permissions import forget_permissions
from assure.accounts.recipients import agency_people_with, roles_granting
from assure.accounts.services import email_address_confirm
from assure.audit.services import event_record
from assure.core.navigation import partnership_url
from assure.core.secrets import new_token, token_digest
from assure.notifications.services import notify, notify_address
from assure.partnerships.models import Agency, Partnership
from assure.questionnaires.models import Response

from ..kinds import RegisterKind, kind_for
from ..models import Entry, Provider
from ..permissions import ensure_can_manage, ensure_can_notify, may_change_entry
from .entries import entry_record, entry_submit

ROLE = "provider"
VERIFICATION_HOURS = 24
NOTIFICATION_KIND = "placement-notification"
CHILDRENS_SOCIAL_CARE = "childrens-social-care"
# Ofsted's unique reference numbers: "SC" and six digits for a children's home, or a number.
OFSTED_URN = re.compile(r"^(?:SC)?\d{6,8}$", re.IGNORECASE)


class LinkNotValid(Exception):
    """A verification link that is unknown, used or expired."""


class CannotNotify(Exception):
    """Why a provider cannot start a notification now, in words to show them."""


def verify_path(partnership: Partnership, token: str) -> str:
    return reverse("providers:verify", kwargs={"partnership": partnership.slug, "token": token})


def _mine_path(partnership: Partnership) -> str:
    return partnership_url("registers:notifications_mine", partnership)


# --- signing up -------------------------------------------------------------------------------


def _profile_values(*, organisation: str, homes: str, ofsted_urn: str, job_role: str) -> tuple[dict, dict]:
    """The profile's fields as typed, tidied, and the problems with them by field."""
    problems: dict[str, list[str]] = {}
    organisation = (organisation or "").strip()
    job_role = (job_role or "").strip()
    homes = "\n".join(line.strip() for line in (homes or "").splitlines() if line.strip())
    ofsted_urn = re.sub(r"\s+", "", ofsted_urn or "").upper()
    if not organisation:
        problems["organisation"] = ["Enter the name of the company or charity that runs your homes."]
    if not job_role:
        problems["job_role"] = ["Enter your role."]
    if ofsted_urn and not OFSTED_URN.match(ofsted_urn):
        problems["ofsted_urn"] = [
            "Enter the Ofsted unique reference number as it is on the home's report, like SC123456."
        ]
    values = {
        "organisation": organisation[:200],
        "homes": homes,
        "ofsted_urn": ofsted_urn[:20],
        "job_role": job_role[:150],
    }
    return values, problems


def _send_link(*, provider: Provider, partnership: Partnership, now: dt.datetime, existing: bool) -> None:
    token, digest = new_token()
    provider.verification_digest = digest
    provider.verification_expires = now + dt.timedelta(hours=VERIFICATION_HOURS)
    provider.save(update_fields=["verification_digest", "verification_expires"])
    if existing:
        opening = (
            f"Someone asked to notify {partnership.name} of placements in private children's homes with this e-mail "
            "address. This address already has an account, so you can sign in with your own password. To add "
            "placement notifications to your account, follow the link below"
        )
    else:
        opening = (
            f"Thank you for signing up to notify {partnership.name} of placements in your homes. To confirm that "
            "this is your work e-mail address and switch your account on, follow the link below"
        )
    notify_address(
        address=provider.user.email,
        partnership=partnership,
        kind="registers.provider_verify",
        subject=f"{partnership.name}: confirm your e-mail address for placement notifications",
        body=(
            f"{opening} within {VERIFICATION_HOURS} hours. The link works once.\n\n"
            "The business unit then checks your organisation before your first notification.\n\n"
            "If you did not ask for this, ignore this e-mail: nothing changes."
        ),
        path=verify_path(partnership, token),
        target=provider,
    )


def _tell_has_account(*, user: User, partnership: Partnership) -> None:
    notify_address(
        address=user.email,
        partnership=partnership,
        kind="registers.provider_verify",
        subject=f"{partnership.name}: you already have an account",
        body=(
            f"Someone asked to sign up to notify {partnership.name} of placements with this e-mail address. You "
            "already have an account: sign in with your own password. If you have forgotten it, choose a new one "
            "from the sign-in page.\n\n"
            "If you did not ask for this, ignore this e-mail: nothing changes."
        ),
        path=_mine_path(partnership),
    )


@transaction.atomic
def provider_sign_up(
    *,
    partnership: Partnership,
    full_name: str,
    email: str,
    password: str,
    organisation: str,
    job_role: str,
    homes: str = "",
    ofsted_urn: str = "",
    now: dt.datetime | None = None,
) -> None:
    """Sign a private provider up to notify the partnership of placements, from the public form.
    A new address gets an inactive account, a provider's profile waiting for the business unit,
    and a link (valid for 24 hours, once) that switches it on. An address that already has an
    account is told so instead, and given a link that makes it a provider here when it is not one
    yet. Raises ValidationError keyed by field; returns nothing, so the caller cannot tell the two
    apart."""
    now = now or timezone.now()
    email = (email or "").strip().lower()
    full_name = (full_name or "").strip()
    values, problems = _profile_values(organisation=organisation, homes=homes, ofsted_urn=ofsted_urn, job_role=job_role)
    if not full_name:
        problems["full_name"] = ["Enter your full name."]
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        try:
            validate_password(password, User(email=email, full_name=full_name))
        except ValidationError as error:
            problems["password"] = error.messages
    if problems:
        raise ValidationError(problems)

    if existing is None:
        user = User(email=email, full_name=full_name[:150], job_title=values["job_role"], is_active=False)
        user.set_password(password)
        user.full_clean()
        user.save()
        provider = Provider.objects.create(user=user, partnership=partnership, **values)
        event_record(
            actor=None,
            verb="registers.provider_signed_up",
            target=provider,
            partnership=partnership,
            summary="A private provider signed up, awaiting e-mail verification",
        )
        _send_link(provider=provider, partnership=partnership, now=now, existing=False)
        return

    profile = Provider.objects.filter(user=existing, partnership=partnership).first()
    if profile is not None and profile.verified_at is not None:
        _tell_has_account(user=existing, partnership=partnership)
        return
    if profile is None:
        if not existing.is_active:
            # An account switched off, not one waiting for verification: say only that it exists.
            _tell_has_account(user=existing, partnership=partnership)
            return
        profile = Provider.objects.create(user=existing, partnership=partnership, **values)
    # A profile whose e-mail is not yet confirmed: a fresh link. The password given now is not
    # used for an account that already has one.
    _send_link(provider=profile, partnership=partnership, now=now, existing=existing.is_active)


def awaiting_verification(*, partnership: Partnership, token: str, now: dt.datetime | None = None) -> Provider:
    """The profile a verification link is for, while it may still be used (raises LinkNotValid
    for an unknown, used or expired link). Reads no user: the link is the proof."""
    now = now or timezone.now()
    if not token:
        raise LinkNotValid
    found = (
        Provider.objects.filter(
            partnership=partnership,
            verified_at__isnull=True,
            verification_digest=token_digest(token),
            verification_expires__gt=now,
        )
        .select_related("user")
        .first()
    )
    if found is None:
        raise LinkNotValid
    return found


@transaction.atomic
def provider_email_confirm(*, partnership: Partnership, token: str, now: dt.datetime | None = None) -> Provider:
    """Use a verification link (once, within 24 hours): the work e-mail is confirmed, a new
    account is switched on, and the person becomes a provider of the partnership, waiting for the
    business unit's check before they may notify. Raises LinkNotValid for an unknown, used or
    expired link."""
    now = now or timezone.now()
    candidate = awaiting_verification(partnership=partnership, token=token, now=now)
    provider = Provider.objects.select_for_update(of=("self",)).select_related("user").get(pk=candidate.pk)
    if provider.verified_at is not None or provider.verification_digest != token_digest(token):
        raise LinkNotValid
    user = provider.user
    newly_active = not user.is_active
    if newly_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    email_address_confirm(user=user)
    provider.verified_at = now
    provider.verification_digest = ""
    provider.verification_expires = None
    provider.save(update_fields=["verified_at", "verification_digest", "verification_expires"])
    if not Membership.objects.filter(user=user, partnership=partnership, role=ROLE, is_active=True).exists():
        Membership.objects.create(user=user, partnership=partnership, role=ROLE)
        forget_permissions(user=user)
    event_record(
        actor=user,
        verb="registers.provider_email_confirmed",
        target=provider,
        partnership=partnership,
        summary="A private provider confirmed their work e-mail address",
        data={"new_account": newly_active},
    )
    return provider


# --- the business unit's check ----------------------------------------------------------------


def _ensure_to_review(provider: Provider, partnership: Partnership) -> None:
    if provider.partnership_id != partnership.pk:
        raise PermissionDenied
    if provider.verified_at is None:
        raise ValidationError("This provider has not confirmed their e-mail address yet.")
    if provider.status != Provider.Status.TO_REVIEW:
        raise ValidationError("This provider is no longer waiting to be checked.")


def _tell_provider(*, provider: Provider, partnership: Partnership, kind: str, body: str) -> None:
    notify(
        recipients=[provider.user],
        partnership=partnership,
        kind=kind,
        subject=f"{partnership.name}: your placement notifications",
        body=body,
        path=_mine_path(partnership),
        target=provider,
        immediate=True,
    )


@transaction.atomic
def provider_verify(*, actor, partnership: Partnership, provider: Provider) -> Provider:
    """The business unit has checked the provider (the organisation runs homes in the area, the
    person works for it): they may notify placements from now on, and are told so."""
    ensure_can_manage(user=actor, partnership=partnership)
    _ensure_to_review(provider, partnership)
    provider.status = Provider.Status.VERIFIED
    provider.reviewed_by, provider.reviewed_at = actor, timezone.now()
    provider.refused_reason = ""
    provider.save(update_fields=["status", "reviewed_by", "reviewed_at", "refused_reason"])
    event_record(
        actor=actor,
        verb="registers.provider_verified",
        target=provider,
        partnership=partnership,
        summary=f"A private provider verified: {provider.organisation}",
    )
    _tell_provider(
        provider=provider,
        partnership=partnership,
        kind="registers.provider_verified",
        body=(
            f"The business unit of {partnership.name} has checked {provider.organisation}. You can now notify the "
            "local authority when a child moves into one of your homes, with the child's CSE risk assessment."
        ),
    )
    return provider


@transaction.atomic
def provider_refuse(*, actor, partnership: Partnership, provider: Provider, reason: str) -> Provider:
    """The business unit refuses a provider (not a provider of homes in the area, say): they
    cannot notify, and are told why."""
    ensure_can_manage(user=actor, partnership=partnership)
    _ensure_to_review(provider, partnership)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the provider is refused: they are told."})
    provider.status = Provider.Status.REFUSED
    provider.refused_reason = reason[:300]
    provider.reviewed_by, provider.reviewed_at = actor, timezone.now()
    provider.save(update_fields=["status", "refused_reason", "reviewed_by", "reviewed_at"])
    event_record(
        actor=actor,
        verb="registers.provider_refused",
        target=provider,
        partnership=partnership,
        summary=f"A private provider refused: {provider.organisation}",
        data={"reason": provider.refused_reason},
    )
    _tell_provider(
        provider=provider,
        partnership=partnership,
        kind="registers.provider_refused",
        body=(
            f"The business unit of {partnership.name} could not accept {provider.organisation} for placement "
            f"notifications, so you cannot notify through Assure.\n\nTheir reason: {provider.refused_reason}\n\n"
            "Notify the local authority's children's social care by its usual route meanwhile."
        ),
    )
    return provider


# --- notifications ----------------------------------------------------------------------------


def notification_kind(partnership: Partnership) -> RegisterKind | None:
    """The partnership's placement notification register (None when it keeps none)."""
    return kind_for(partnership, NOTIFICATION_KIND)


def childrens_social_care(partnership: Partnership) -> Agency | None:
    """The agency that receives placement notifications: the partnership's first active agency
    of the children's social care type."""
    return (
        Agency.objects.filter(partnerships=partnership, is_active=True, agency_type__code=CHILDRENS_SOCIAL_CARE)
        .order_by("name", "pk")
        .first()
    )


def notify_refusal(*, provider: Provider | None, partnership: Partnership) -> str:
    """Why this provider cannot start a notification now, in words to show them; "" when they can."""
    if provider is None:
        return "You are not a private provider of this partnership."
    if provider.status == Provider.Status.REFUSED:
        return (
            f"The business unit could not accept {provider.organisation} for placement notifications. "
            f"Their reason: {provider.refused_reason}"
        )
    if not provider.may_notify:
        return (
            "The business unit is checking your organisation. You can notify placements once it has: "
            "we will e-mail you."
        )
    if notification_kind(partnership) is None:
        return "This partnership does not take placement notifications through Assure."
    if childrens_social_care(partnership) is None:
        return (
            "This partnership has no children's social care agency in Assure to receive notifications yet. "
            "Notify the local authority by its usual route, and tell the business unit."
        )
    return ""


def _own_provider(*, actor, partnership: Partnership) -> Provider | None:
    return Provider.objects.filter(user=actor, partnership=partnership).first()


@transaction.atomic
def notification_start(*, actor, partnership: Partnership, parsed) -> Entry:
    """A verified provider notifies a placement: a draft entry of the placement notification
    register, held by the partnership's children's social care, with its CSE risk assessment
    started. It counts only once the risk assessment is submitted (``notification_submit``).
    ``parsed`` is the form's entry as ``fields.parse_entry`` read it."""
    ensure_can_notify(user=actor, partnership=partnership)
    provider = _own_provider(actor=actor, partnership=partnership)
    refusal = notify_refusal(provider=provider, partnership=partnership)
    if refusal:
        raise ValidationError(refusal)
    entry = entry_record(
        actor=actor,
        partnership=partnership,
        kind=notification_kind(partnership),
        agency=childrens_social_care(partnership),
        parsed=parsed,
        source=Entry.Source.PROVIDER,
        provider=provider,
        status=Entry.Status.DRAFT,
    )
    event_record(
        actor=actor,
        verb="registers.notification_started",
        target=entry,
        partnership=partnership,
        summary=f"A private provider started placement notification {entry.number}",
    )
    return entry


def _business_unit(partnership: Partnership) -> list[User]:
    return list(
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles_granting("registers.manage", agency_scoped=False),
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "pk")
    )


def notification_recipients(*, entry: Entry) -> list[User]:
    """Who is told of a notification: the receiving agency's leads (those recording its register)
    and the business unit, each once."""
    leads = agency_people_with(permission="registers.record", partnership_ids=[entry.partnership_id]).get(
        (entry.partnership_id, entry.agency_id), []
    )
    people: list[User] = []
    for person in [*leads, *_business_unit(entry.partnership)]:
        if person not in people:
            people.append(person)
    return people


@transaction.atomic
def notification_submit(*, actor, partnership: Partnership, entry: Entry, response: Response) -> Entry:
    """The provider submits the CSE risk assessment, which submits the notification: it counts in
    the register from now on, can no longer be changed by the provider, and the receiving agency's
    leads and the business unit are e-mailed a link to it (its number only: nothing about the
    child). Raises ValidationError keyed by question for what the assessment still needs."""
    ensure_can_notify(user=actor, partnership=partnership)
    if entry.partnership_id != partnership.pk or not may_change_entry(user=actor, partnership=partnership, entry=entry):
        raise PermissionDenied
    provider = entry.provider
    if provider is None or not provider.may_notify:
        raise ValidationError(notify_refusal(provider=provider, partnership=partnership))
    entry = entry_submit(actor=actor, entry=entry, response=response)
    notify(
        recipients=notification_recipients(entry=entry),
        partnership=partnership,
        kind="registers.notification_submitted",
        subject=f"{partnership.name}: placement notification {entry.number}",
        body=(
            f"{provider.organisation} has notified a placement in one of its homes, with the CSE risk assessment "
            f"({entry.number}). Open it in Assure to read it."
        ),
        path=partnership_url("registers:entry_detail", partnership, pk=entry.pk),
        target=entry,
    )
    return entry
