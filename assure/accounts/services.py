"""Changes to people: adding them to a partnership, changing their role, ending a membership, and
giving or revoking a grant to a restricted area. Each change is validated, runs in a transaction
and is recorded as a domain event."""

import datetime as dt
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.library.selectors import role_definitions
from assure.partnerships.models import Agency, Partnership, PartnershipAgency

from .api_auth import key_of, public_id_new, secret_hash, secret_new
from .models import ApiToken, InstallationRole, Membership, RestrictedGrant, User
from .permissions import ensure_can_manage_members, forget_permissions, installation_roles_of
from .selectors import grantable_areas, restricted_area_titles, role_title

BUSINESS_UNIT = "business-unit"
INVITATION_MAIL = "accounts/email/invitation"


def _check_role_and_agency(*, partnership: Partnership, role: str, agency: Agency | None) -> None:
    """A role must come from the library; agency roles need one of the partnership's agencies and
    the others must not name one."""
    definition = role_definitions().get(role)
    if definition is None or definition.scope != "partnership":
        raise ValidationError({"role": "Choose a role from the list."})
    if definition.agency_scoped and agency is None:
        raise ValidationError({"agency": f"Choose the agency this person acts for as {definition.title}."})
    if not definition.agency_scoped and agency is not None:
        raise ValidationError(
            {"agency": f"The {definition.title} role does not act for an agency: leave the agency empty."}
        )
    if agency is not None and not PartnershipAgency.objects.filter(partnership=partnership, agency=agency).exists():
        raise ValidationError({"agency": "Choose one of this partnership's agencies."})


def _check_no_duplicate(
    *, user: User, partnership: Partnership, role: str, agency: Agency | None, exclude_pk: int | None = None
) -> None:
    duplicates = Membership.objects.filter(user=user, partnership=partnership, role=role, agency=agency, is_active=True)
    if exclude_pk is not None:
        duplicates = duplicates.exclude(pk=exclude_pk)
    if duplicates.exists():
        where = f" for {agency}" if agency else ""
        raise ValidationError(f"{user} already has the {role_title(role)} role{where} in this partnership.")


def _is_own_last_business_unit_membership(*, actor, membership: Membership) -> bool:
    """Ending or changing it would leave the person unable to manage their own partnership."""
    if membership.user_id != actor.pk or membership.role != BUSINESS_UNIT or not membership.is_active:
        return False
    return not (
        Membership.objects.filter(
            user_id=actor.pk, partnership_id=membership.partnership_id, role=BUSINESS_UNIT, is_active=True
        )
        .exclude(pk=membership.pk)
        .exists()
    )


def _save_membership(membership: Membership) -> None:
    # The database's unique constraints are the last word on duplicates (two people adding the
    # same person at once).
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        raise ValidationError(f"{membership.user} already has that role in this partnership.")


def _forget(actor, user: User) -> None:
    forget_permissions(user=user)
    if getattr(actor, "pk", None) == user.pk:
        forget_permissions(user=actor)


def invitation_send(*, user: User, partnership: Partnership, from_operator: bool = False) -> None:
    """E-mail a new person a link to choose their password: the normal password-reset link, so
    it expires and works once like any other. ``from_operator`` says the installation's operator
    gave the account (a new partnership's first business unit officer), not the business unit."""
    if allauth_context.request is None:
        raise RuntimeError("An invitation can only be sent while handling a request (its link needs the site address).")
    adapter = get_adapter()
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    adapter.send_mail(
        INVITATION_MAIL,
        user.email,
        {
            "user": user,
            "partnership": partnership,
            "from_operator": from_operator,
            "password_set_url": adapter.get_reset_password_from_key_url(key),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
        },
    )


def email_address_confirm(*, user: User) -> None:
    """Record the person's e-mail address as verified: they opened a link sent to it (their
    invitation, or a password reset). Setting up two-step verification needs a verified
    address, and an invited person has none until they choose their password."""
    from allauth.account.models import EmailAddress

    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    elif not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])


def _confirm_on_password_reset(sender, request, user, **kwargs) -> None:
    email_address_confirm(user=user)


@transaction.atomic
def member_add(
    *,
    actor,
    partnership: Partnership,
    email: str,
    role: str,
    agency: Agency | None = None,
    full_name: str = "",
    job_title: str = "",
    invite: bool = True,
) -> Membership:
    """Give a person a role in the partnership. Someone without an account gets one, with no
    usable password, and (unless ``invite`` is False) an e-mail with a link to choose their
    password, which can only be sent while handling a request. Refuses a role the person already
    holds there."""
    ensure_can_manage_members(user=actor, partnership=partnership)
    email = email.strip().lower()
    _check_role_and_agency(partnership=partnership, role=role, agency=agency)
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        if not full_name.strip():
            raise ValidationError({"full_name": "Enter the person's full name: they do not have an account yet."})
        user = User(email=email, full_name=full_name.strip(), job_title=job_title.strip())
        user.set_unusable_password()
        user.full_clean()
        user.save()
    elif not user.is_active:
        raise ValidationError({"email": "This person's account is switched off. Ask an administrator to restore it."})
    _check_no_duplicate(user=user, partnership=partnership, role=role, agency=agency)
    membership = Membership(user=user, partnership=partnership, role=role, agency=agency)
    _save_membership(membership)
    _forget(actor, user)
    where = f" for {agency}" if agency else ""
    event_record(
        actor=actor,
        verb="member.added",
        target=membership,
        partnership=partnership,
        summary=f"Added {user} as {role_title(role)}{where}",
        data={"role": role, "agency": agency.pk if agency else None, "new_account": created},
    )
    if created and invite:
        invitation_send(user=user, partnership=partnership)
    return membership


@transaction.atomic
def member_change_role(*, actor, membership: Membership, role: str, agency: Agency | None = None) -> Membership:
    """Change the role (and agency) of an active membership. A business unit officer cannot
    change their own last business-unit membership, which would lock them out of managing."""
    partnership = membership.partnership
    ensure_can_manage_members(user=actor, partnership=partnership)
    if not membership.is_active:
        raise ValidationError("This membership has ended; add the person again instead.")
    _check_role_and_agency(partnership=partnership, role=role, agency=agency)
    if role == membership.role and agency == membership.agency:
        raise ValidationError("Choose a different role or agency, or cancel.")
    if role != BUSINESS_UNIT and _is_own_last_business_unit_membership(actor=actor, membership=membership):
        raise ValidationError(
            "You cannot change your own business unit role: ask another business unit officer to do it."
        )
    _check_no_duplicate(
        user=membership.user, partnership=partnership, role=role, agency=agency, exclude_pk=membership.pk
    )
    before = {"role": membership.role, "agency": membership.agency_id}
    before_title = role_title(membership.role)
    membership.role = role
    membership.agency = agency
    _save_membership(membership)
    _forget(actor, membership.user)
    where = f" for {agency}" if agency else ""
    event_record(
        actor=actor,
        verb="role.changed",
        target=membership,
        partnership=partnership,
        summary=f"Changed {membership.user} from {before_title} to {role_title(role)}{where}",
        data={"from": before, "to": {"role": role, "agency": agency.pk if agency else None}},
    )
    return membership


@transaction.atomic
def member_end(*, actor, membership: Membership) -> Membership:
    """End an active membership (it stays on record, marked ended). When it was the person's last
    membership of the partnership, their live grants there are revoked too. A business unit
    officer cannot end their own last business-unit membership."""
    partnership = membership.partnership
    ensure_can_manage_members(user=actor, partnership=partnership)
    if not membership.is_active:
        raise ValidationError("This membership has already ended.")
    if _is_own_last_business_unit_membership(actor=actor, membership=membership):
        raise ValidationError(
            "You cannot end your own business unit membership: ask another business unit officer to do it."
        )
    membership.is_active = False
    membership.ended_at = timezone.now()
    membership.save(update_fields=["is_active", "ended_at"])
    _forget(actor, membership.user)
    event_record(
        actor=actor,
        verb="member.ended",
        target=membership,
        partnership=partnership,
        summary=f"Ended {membership.user}'s membership as {role_title(membership.role)}",
        data={"role": membership.role, "agency": membership.agency_id},
    )
    still_member = Membership.objects.filter(user=membership.user, partnership=partnership, is_active=True).exists()
    if not still_member:
        grants = RestrictedGrant.objects.filter(user=membership.user, partnership=partnership, revoked_at__isnull=True)
        for grant in grants:
            if grant.is_live():
                grant_revoke(actor=actor, grant=grant)
    return membership


@transaction.atomic
def grant_give(
    *, actor, membership: Membership, area: str, reason: str, expires_on: dt.date | None = None
) -> RestrictedGrant:
    """Open a restricted area of the membership's partnership to its person, for a stated reason
    and optionally until a date. Only areas one of their roles may be granted; not twice."""
    partnership = membership.partnership
    ensure_can_manage_members(user=actor, partnership=partnership)
    if not membership.is_active:
        raise ValidationError("This membership has ended; grants can only be given to current members.")
    allowed = dict(grantable_areas(membership=membership))
    if area not in allowed:
        title = restricted_area_titles().get(area)
        if title is None:
            raise ValidationError({"area": "Choose a restricted area from the list."})
        raise ValidationError({"area": f"None of {membership.user}'s roles may be granted {title.lower()}."})
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Enter why this person needs access."})
    today = timezone.localdate()
    if expires_on is not None and expires_on < today:
        raise ValidationError({"expires_on": "The expiry date must be today or in the future."})
    live = RestrictedGrant.objects.filter(
        user=membership.user, partnership=partnership, area=area, revoked_at__isnull=True
    )
    if any(g.is_live(today) for g in live):
        raise ValidationError({"area": f"{membership.user} already has access to {allowed[area].lower()}."})
    grant = RestrictedGrant(
        user=membership.user,
        partnership=partnership,
        area=area,
        reason=reason,
        granted_by=actor,
        expires_on=expires_on,
    )
    grant.full_clean()
    grant.save()
    _forget(actor, membership.user)
    until = f" until {expires_on.day} {expires_on:%B %Y}" if expires_on else ""
    event_record(
        actor=actor,
        verb="grant.given",
        target=grant,
        partnership=partnership,
        summary=f"Gave {membership.user} access to {allowed[area].lower()}{until}",
        data={"area": area, "expires_on": expires_on.isoformat() if expires_on else None},
    )
    return grant


@transaction.atomic
def grant_revoke(*, actor, grant: RestrictedGrant) -> RestrictedGrant:
    """Close a restricted area to the grant's person from now on; the grant stays on record."""
    partnership = grant.partnership
    ensure_can_manage_members(user=actor, partnership=partnership)
    if grant.revoked_at is not None:
        raise ValidationError("This grant has already been revoked.")
    grant.revoked_at = timezone.now()
    grant.revoked_by = actor
    grant.save(update_fields=["revoked_at", "revoked_by"])
    _forget(actor, grant.user)
    title = restricted_area_titles().get(grant.area, grant.area)
    event_record(
        actor=actor,
        verb="grant.revoked",
        target=grant,
        partnership=partnership,
        summary=f"Revoked {grant.user}'s access to {title.lower()}",
        data={"area": grant.area},
    )
    return grant


# --- a person's API token ------------------------------------------------------------------------
# The token is the person's own: it carries their permissions in every partnership they belong to,
# no more. It is made, shown once, works until it expires or is revoked, and stays on record after;
# the partnership is where they asked, for the trail.


@dataclass(frozen=True)
class IssuedApiToken:
    """A token just made, with its key: the one moment the key exists in Assure, to be shown to
    its person once."""

    token: ApiToken
    key: str


@transaction.atomic
def api_token_create(*, actor, partnership: Partnership) -> IssuedApiToken:
    """Make the actor a token that works until the configured lifetime
    (``ASSURE_API_TOKEN_LIFETIME``) has passed, and return it with its key, which is shown to
    them once and never stored. Refused while they have a token that still works (revoke it
    first, so an old copy stops working)."""
    # Lock the person's row so that two requests at once cannot both make a token.
    User.objects.select_for_update().get(pk=actor.pk)
    now = timezone.now()
    if ApiToken.objects.filter(ApiToken.live_q(now), user=actor).exists():
        raise ValidationError("You already have an API token. Revoke it before you create another.")
    public_id = public_id_new()
    while ApiToken.objects.filter(public_id=public_id).exists():
        public_id = public_id_new()
    secret = secret_new()
    token = ApiToken.objects.create(
        user=actor,
        public_id=public_id,
        key_hash=secret_hash(secret),
        created_at=now,
        expires_at=now + settings.ASSURE_API_TOKEN_LIFETIME,
    )
    # The event names the person and the expiry, never the key.
    event_record(
        actor=actor,
        verb="api_token.created",
        target=actor,
        partnership=partnership,
        summary=f"API token created by {actor}",
        data={"expires_at": token.expires_at.isoformat()},
    )
    return IssuedApiToken(token=token, key=key_of(public_id=public_id, secret=secret))


@transaction.atomic
def api_token_revoke(*, actor, partnership: Partnership) -> ApiToken:
    """Revoke the actor's token, so requests with it are refused from now on; it stays on record,
    marked revoked."""
    now = timezone.now()
    token = ApiToken.objects.select_for_update().filter(ApiToken.live_q(now), user=actor).first()
    if token is None:
        raise ValidationError("You have no API token to revoke.")
    token.revoked_at = now
    token.save(update_fields=["revoked_at"])
    event_record(
        actor=actor,
        verb="api_token.revoked",
        target=actor,
        partnership=partnership,
        summary=f"API token revoked by {actor}",
    )
    return token


# --- the installation's operators --------------------------------------------------------------

OPERATOR = "operator"


def _ensure_runs_the_installation(actor) -> None:
    """Operators are named by someone who runs the installation: from the server's shell (no
    actor: the ``grant_operator`` command) or an operator already."""
    if actor is not None and OPERATOR not in installation_roles_of(user=actor):
        raise PermissionDenied


@transaction.atomic
def operator_grant(*, actor: User | None, user: User) -> InstallationRole:
    """Make the person an operator of the installation: they may import the published statistics
    every partnership shares. It opens no partnership's records."""
    _ensure_runs_the_installation(actor)
    if InstallationRole.objects.filter(user=user, role=OPERATOR, revoked_at__isnull=True).exists():
        raise ValidationError(f"{user} is already an operator of this installation.")
    role = InstallationRole.objects.create(user=user, role=OPERATOR, granted_by=actor)
    forget_permissions(user=user)
    event_record(
        actor=actor,
        verb="accounts.operator_granted",
        target=role,
        partnership=None,
        summary=f"{user} made an operator of the installation",
    )
    return role


@transaction.atomic
def operator_revoke(*, actor: User | None, user: User) -> InstallationRole:
    """End the person's operator role."""
    _ensure_runs_the_installation(actor)
    role = (
        InstallationRole.objects.select_for_update().filter(user=user, role=OPERATOR, revoked_at__isnull=True).first()
    )
    if role is None:
        raise ValidationError(f"{user} is not an operator of this installation.")
    role.revoked_at, role.revoked_by = timezone.now(), actor
    role.save(update_fields=["revoked_at", "revoked_by"])
    forget_permissions(user=user)
    event_record(
        actor=actor,
        verb="accounts.operator_revoked",
        target=role,
        partnership=None,
        summary=f"{user} is no longer an operator of the installation",
    )
    return role
