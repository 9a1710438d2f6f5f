"""Creating a partnership and inviting its first business unit officer: the operator's work, done
from the installation's pages or the ``partnership_create`` and ``business_unit_invite``
commands. Neither opens the partnership's records to the operator."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from assure.accounts.models import Membership, User
from assure.accounts.permissions import forget_permissions
from assure.accounts.services import BUSINESS_UNIT, invitation_send
from assure.audit.services import event_record

from ..hooks import local_authorities
from ..models import Partnership
from ..permissions import ensure_can_create_partnership

SLUG_LENGTH = Partnership._meta.get_field("slug").max_length


def _ensure_may_create(actor) -> None:
    """Partnerships are created by the installation's operator, or from the server's shell (no
    actor: the ``partnership_create`` command run without ``--operator``), as operators are named."""
    if actor is not None:
        ensure_can_create_partnership(user=actor)


def _partnership_errors(*, name: str, short_name: str, slug: str) -> dict[str, str]:
    errors = {}
    if not name:
        errors["name"] = "Enter the partnership's name."
    elif Partnership.objects.filter(name__iexact=name).exists():
        errors["name"] = f"A partnership called {name} already exists: enter another name."
    if not short_name:
        errors["short_name"] = "Enter the partnership's short name, like SSCP."
    if not slug:
        errors["slug"] = "Enter the partnership's address name: letters, numbers and hyphens."
    elif Partnership.objects.filter(slug=slug).exists():
        errors["slug"] = f"Another partnership's address already uses {slug}: enter another."
    return errors


@transaction.atomic
def partnership_create(*, actor, name: str, short_name: str, area_code: str, slug: str = "") -> Partnership:
    """Create a partnership for one local authority, chosen by its ONS code from those Assure
    holds (the loaded areas): its old DfE code, name and region come from there, so the
    statistics find it. Names and addresses (slugs) are unique; the slug is made from the name
    when not given. The actor must be the installation's operator (or None, from the shell)."""
    _ensure_may_create(actor)
    name, short_name = (name or "").strip(), (short_name or "").strip()
    slug = slugify(slug or name)[:SLUG_LENGTH].strip("-")
    errors = _partnership_errors(name=name, short_name=short_name, slug=slug)
    authority = next((la for la in local_authorities() if la.ons_code == (area_code or "").strip().upper()), None)
    if authority is None:
        errors["area_code"] = "Choose the local authority the partnership covers."
    if errors:
        raise ValidationError(errors)
    partnership = Partnership(
        name=name,
        short_name=short_name,
        slug=slug,
        la_name=authority.name,
        old_la_code=authority.old_la_code,
        ons_code=authority.ons_code,
        region=authority.region,
    )
    partnership.full_clean()
    partnership.save()
    event_record(
        actor=actor,
        verb="partnership.created",
        target=partnership,
        partnership=partnership,
        summary=f"{partnership.name} created for {authority.name}",
        data={"ons_code": authority.ons_code},
    )
    return partnership


@transaction.atomic
def business_unit_invite(*, actor, partnership: Partnership, email: str, full_name: str) -> Membership:
    """Give a person the business unit role in a partnership, with a new account that has no
    usable password, and e-mail them a link to choose one (sent while handling a request, or
    inside the command's own request context). The business unit must set up two-step
    verification when they first sign in. Refuses someone who already has an account: the
    partnership's business unit adds existing people from its own people page."""
    _ensure_may_create(actor)
    email, full_name = (email or "").strip().lower(), (full_name or "").strip()
    errors = {}
    if not email:
        errors["email"] = "Enter the person's e-mail address."
    elif User.objects.filter(email__iexact=email).exists():
        errors["email"] = "This person already has an account: the partnership's business unit can add them."
    if not full_name:
        errors["full_name"] = "Enter the person's full name."
    if errors:
        raise ValidationError(errors)
    user = User(email=email, full_name=full_name)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    membership = Membership.objects.create(user=user, partnership=partnership, role=BUSINESS_UNIT)
    forget_permissions(user=user)
    event_record(
        actor=actor,
        verb="member.invited",
        target=membership,
        partnership=partnership,
        summary=f"Invited {user} as the business unit of {partnership.name}",
        data={"role": BUSINESS_UNIT, "new_account": True},
    )
    invitation_send(user=user, partnership=partnership, from_operator=True)
    return membership
