"""Practitioners: signing up from the public calendar (an inactive account, verified by a link
e-mailed to the work address), the practitioner's own details, and the business unit placing an
organisation that is not one of the partnership's agencies, or refusing it.

A sign-up never tells whether an address already has an account: the same "check your e-mail" page
follows, and the address is written to instead, saying it may sign in (and, when it is not yet a
practitioner of this partnership, with a link that makes it one)."""

import datetime as dt

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from assure.accounts.models import Membership, User
from assure.accounts.permissions import forget_permissions
from assure.accounts.services import email_address_confirm
from assure.audit.services import event_record
from assure.core.secrets import new_token, token_digest
from assure.core.services import model_update
from assure.notifications.services import notify_address
from assure.partnerships.models import Agency, Partnership, PartnershipAgency

from ..models import Practitioner
from ..permissions import ensure_can_book, ensure_can_manage, is_own

ROLE = "practitioner"
VERIFICATION_HOURS = 24


class LinkNotValid(Exception):
    """A verification link that is unknown, used or expired."""


def verify_path(partnership: Partnership, token: str) -> str:
    return reverse("courses:verify", kwargs={"partnership": partnership.slug, "token": token})


def _organisation(*, partnership: Partnership, agency: Agency | None, other_organisation: str) -> dict:
    """The profile's agency fields: one of the partnership's agencies (placed), or another
    organisation's name for the business unit to place."""
    other_organisation = (other_organisation or "").strip()
    if agency is not None:
        if not PartnershipAgency.objects.filter(partnership=partnership, agency=agency).exists():
            raise ValidationError({"agency": "Choose one of the partnership's agencies."})
        return {"agency": agency, "other_organisation": "", "agency_status": Practitioner.AgencyStatus.PLACED}
    if not other_organisation:
        raise ValidationError({"other_organisation": "Enter the name of the organisation you work for."})
    return {
        "agency": None,
        "other_organisation": other_organisation[:200],
        "agency_status": Practitioner.AgencyStatus.TO_REVIEW,
    }


def _send_link(*, practitioner: Practitioner, partnership: Partnership, now: dt.datetime, existing: bool) -> None:
    token, digest = new_token()
    practitioner.verification_digest = digest
    practitioner.verification_expires = now + dt.timedelta(hours=VERIFICATION_HOURS)
    practitioner.save(update_fields=["verification_digest", "verification_expires"])
    if existing:
        opening = (
            f"Someone asked to book {partnership.name}'s multi-agency training with this e-mail address. "
            "This address already has an account, so you can sign in with your own password. To add the "
            "partnership's training to your account, follow the link below"
        )
    else:
        opening = (
            f"Thank you for signing up to book {partnership.name}'s multi-agency training. To confirm that this "
            "is your work e-mail address and switch your account on, follow the link below"
        )
    notify_address(
        address=practitioner.user.email,
        partnership=partnership,
        kind="training.verify",
        subject=f"{partnership.name}: confirm your e-mail address for training",
        body=(
            f"{opening} within {VERIFICATION_HOURS} hours. The link works once.\n\n"
            "If you did not ask for this, ignore this e-mail: nothing changes."
        ),
        path=verify_path(partnership, token),
        target=practitioner,
    )


def _tell_has_account(*, user: User, partnership: Partnership) -> None:
    notify_address(
        address=user.email,
        partnership=partnership,
        kind="training.verify",
        subject=f"{partnership.name}: you already have an account",
        body=(
            f"Someone asked to sign up for {partnership.name}'s multi-agency training with this e-mail address. "
            "You already have an account and can book training: sign in with your own password. If you have "
            "forgotten it, choose a new one from the sign-in page.\n\n"
            "If you did not ask for this, ignore this e-mail: nothing changes."
        ),
        path=reverse("training:mine", kwargs={"partnership": partnership.slug}),
    )


@transaction.atomic
def practitioner_sign_up(
    *,
    partnership: Partnership,
    full_name: str,
    email: str,
    password: str,
    job_role: str,
    agency: Agency | None = None,
    other_organisation: str = "",
    manager_email: str = "",
    now: dt.datetime | None = None,
) -> None:
    """Sign someone up to book the partnership's training, from the public form. A new address
    gets an inactive account, a practitioner's profile and a link (valid for 24 hours, once) that
    switches it on. An address that already has an account is told so instead, and given a link
    that makes it a practitioner here when it is not one yet. Raises ValidationError keyed by
    field; returns nothing, so the caller cannot tell the two apart."""
    now = now or timezone.now()
    email = (email or "").strip().lower()
    full_name = (full_name or "").strip()
    job_role = (job_role or "").strip()
    problems: dict[str, list[str]] = {}
    if not full_name:
        problems["full_name"] = ["Enter your full name."]
    if not job_role:
        problems["job_role"] = ["Enter your role."]
    try:
        organisation = _organisation(partnership=partnership, agency=agency, other_organisation=other_organisation)
    except ValidationError as error:
        problems.update(error.message_dict)
        organisation = {}
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        try:
            validate_password(password, User(email=email, full_name=full_name))
        except ValidationError as error:
            problems["password"] = error.messages
    if problems:
        raise ValidationError(problems)
    profile_values = {**organisation, "job_role": job_role[:150], "manager_email": (manager_email or "").strip()}

    if existing is None:
        user = User(email=email, full_name=full_name[:150], job_title=job_role[:150], is_active=False)
        user.set_password(password)
        user.full_clean()
        user.save()
        practitioner = Practitioner.objects.create(user=user, partnership=partnership, **profile_values)
        event_record(
            actor=None,
            verb="training.practitioner_signed_up",
            target=practitioner,
            partnership=partnership,
            summary="A practitioner signed up for training, awaiting e-mail verification",
        )
        _send_link(practitioner=practitioner, partnership=partnership, now=now, existing=False)
        return

    profile = Practitioner.objects.filter(user=existing, partnership=partnership).first()
    if profile is not None and profile.is_verified:
        _tell_has_account(user=existing, partnership=partnership)
        return
    if profile is None:
        if not existing.is_active:
            # An account switched off, not one waiting for verification: say only that it exists.
            _tell_has_account(user=existing, partnership=partnership)
            return
        profile = Practitioner.objects.create(user=existing, partnership=partnership, **profile_values)
    # A profile not yet verified (a sign-up before, or an existing account's): a fresh link. The
    # password given now is not used for an account that already has one.
    _send_link(practitioner=profile, partnership=partnership, now=now, existing=existing.is_active)


def awaiting_verification(*, partnership: Partnership, token: str, now: dt.datetime | None = None) -> Practitioner:
    """The profile a verification link is for, while it may still be used (raises LinkNotValid
    for an unknown, used or expired link). Reads no user: the link is the proof."""
    now = now or timezone.now()
    if not token:
        raise LinkNotValid
    found = (
        Practitioner.objects.filter(
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
def practitioner_verify(*, partnership: Partnership, token: str, now: dt.datetime | None = None) -> Practitioner:
    """Use a verification link (once, within 24 hours): the profile is verified, a new account is
    switched on with its e-mail address confirmed, and the person becomes a practitioner of the
    partnership. Raises LinkNotValid for an unknown, used or expired link."""
    now = now or timezone.now()
    candidate = awaiting_verification(partnership=partnership, token=token, now=now)
    practitioner = Practitioner.objects.select_for_update(of=("self",)).select_related("user").get(pk=candidate.pk)
    if practitioner.verified_at is not None or practitioner.verification_digest != token_digest(token):
        raise LinkNotValid
    user = practitioner.user
    newly_active = not user.is_active
    if newly_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    email_address_confirm(user=user)
    practitioner.verified_at = now
    practitioner.verification_digest = ""
    practitioner.verification_expires = None
    practitioner.save(update_fields=["verified_at", "verification_digest", "verification_expires"])
    if not Membership.objects.filter(user=user, partnership=partnership, role=ROLE, is_active=True).exists():
        Membership.objects.create(user=user, partnership=partnership, role=ROLE)
        forget_permissions(user=user)
    event_record(
        actor=user,
        verb="training.practitioner_verified",
        target=practitioner,
        partnership=partnership,
        summary="A practitioner verified their work e-mail address",
        data={"new_account": newly_active},
    )
    return practitioner


@transaction.atomic
def practitioner_details_update(
    *,
    actor,
    partnership: Partnership,
    practitioner: Practitioner,
    job_role: str,
    manager_email: str,
    agency: Agency | None = None,
    other_organisation: str = "",
) -> list[str]:
    """A practitioner changes their own role, manager's e-mail and organisation. Moving to an
    organisation that is not one of the partnership's agencies sends it back to the business unit
    to place. Returns the fields that changed."""
    ensure_can_book(user=actor, partnership=partnership)
    if not is_own(user=actor, practitioner=practitioner) or practitioner.partnership_id != partnership.pk:
        raise PermissionDenied
    job_role = (job_role or "").strip()
    if not job_role:
        raise ValidationError({"job_role": "Enter your role."})
    organisation = _organisation(partnership=partnership, agency=agency, other_organisation=other_organisation)
    unchanged_other = (
        agency is None
        and practitioner.agency_id is None
        and practitioner.other_organisation == organisation["other_organisation"]
    )
    if unchanged_other:
        # The same other organisation: its review (or refusal) stands.
        organisation.pop("agency_status")
    data = {**organisation, "job_role": job_role[:150], "manager_email": (manager_email or "").strip()}
    changed = model_update(instance=practitioner, fields=list(data), data=data)
    if changed:
        if "agency_status" in changed or "agency" in changed or "other_organisation" in changed:
            practitioner.refused_reason = ""
            practitioner.agency_reviewed_by = None
            practitioner.agency_reviewed_at = None
            practitioner.save(update_fields=["refused_reason", "agency_reviewed_by", "agency_reviewed_at"])
        event_record(
            actor=actor,
            verb="training.practitioner_updated",
            target=practitioner,
            partnership=partnership,
            summary="A practitioner changed their details",
            data={"changed": changed},
        )
    return changed


def _ensure_to_review(practitioner: Practitioner, partnership: Partnership) -> None:
    if practitioner.partnership_id != partnership.pk:
        raise PermissionDenied
    if practitioner.agency_status != Practitioner.AgencyStatus.TO_REVIEW:
        raise ValidationError("This practitioner's organisation is no longer waiting to be placed.")


@transaction.atomic
def practitioner_place(*, actor, partnership: Partnership, practitioner: Practitioner, agency: Agency) -> Practitioner:
    """The business unit places a practitioner's other organisation in one of the partnership's
    agencies: their bookings count for that agency from now on."""
    ensure_can_manage(user=actor, partnership=partnership)
    _ensure_to_review(practitioner, partnership)
    if agency is None or not PartnershipAgency.objects.filter(partnership=partnership, agency=agency).exists():
        raise ValidationError({"agency": "Choose one of the partnership's agencies."})
    organisation = practitioner.other_organisation
    practitioner.agency = agency
    practitioner.agency_status = Practitioner.AgencyStatus.PLACED
    practitioner.agency_reviewed_by, practitioner.agency_reviewed_at = actor, timezone.now()
    practitioner.refused_reason = ""
    practitioner.save(
        update_fields=["agency", "agency_status", "agency_reviewed_by", "agency_reviewed_at", "refused_reason"]
    )
    event_record(
        actor=actor,
        verb="training.practitioner_placed",
        target=practitioner,
        partnership=partnership,
        summary=f"A practitioner's organisation ({organisation}) placed in {agency}",
        data={"agency": agency.pk},
    )
    notify_address(
        address=practitioner.user.email,
        partnership=partnership,
        kind="training.placed",
        subject=f"{partnership.name}: your organisation for training",
        body=(
            f"The business unit of {partnership.name} has placed {organisation} in {agency} for its multi-agency "
            "training. Your bookings count for that agency."
        ),
        path=reverse("training:mine", kwargs={"partnership": partnership.slug}),
        target=practitioner,
    )
    return practitioner


@transaction.atomic
def practitioner_refuse(*, actor, partnership: Partnership, practitioner: Practitioner, reason: str) -> Practitioner:
    """The business unit refuses a practitioner's other organisation (it does not work with the
    area's children, say): they cannot book, and are told why."""
    ensure_can_manage(user=actor, partnership=partnership)
    _ensure_to_review(practitioner, partnership)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the organisation is refused: the practitioner is told."})
    practitioner.agency_status = Practitioner.AgencyStatus.REFUSED
    practitioner.refused_reason = reason[:300]
    practitioner.agency_reviewed_by, practitioner.agency_reviewed_at = actor, timezone.now()
    practitioner.save(update_fields=["agency_status", "refused_reason", "agency_reviewed_by", "agency_reviewed_at"])
    event_record(
        actor=actor,
        verb="training.practitioner_refused",
        target=practitioner,
        partnership=partnership,
        summary="A practitioner's organisation refused for training",
        data={"reason": practitioner.refused_reason},
    )
    notify_address(
        address=practitioner.user.email,
        partnership=partnership,
        kind="training.refused",
        subject=f"{partnership.name}: your organisation for training",
        body=(
            f"The business unit of {partnership.name} cannot accept {practitioner.other_organisation} for its "
            f"multi-agency training, so you cannot book its courses.\n\nTheir reason: {practitioner.refused_reason}\n\n"
            "If your organisation has changed, update your details and the business unit will look again."
        ),
        path=reverse("training:mine", kwargs={"partnership": partnership.slug}),
        target=practitioner,
    )
    return practitioner
