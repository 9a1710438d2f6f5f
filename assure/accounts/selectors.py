"""Reads of people, memberships and restricted grants. Every function takes the requesting user
and answers only within a partnership where that user may see its members."""

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.db.models import Q, QuerySet

from assure.library.selectors import current_items, role_definitions
from assure.partnerships.models import Agency, Partnership

from .models import ApiToken, Membership, RestrictedGrant, User
from .permissions import can_view_members


def members_of(
    *,
    user,
    partnership: Partnership,
    role: str | None = None,
    agency: Agency | None = None,
    search: str | None = None,
    include_ended: bool = False,
) -> QuerySet[Membership]:
    """The partnership's memberships (active ones unless ``include_ended``), optionally of one
    role or agency, or of people whose name or e-mail address contains ``search``. Empty for a
    user who may not see the partnership's members."""
    if not can_view_members(user=user, partnership=partnership):
        return Membership.objects.none()
    qs = Membership.objects.filter(partnership=partnership).select_related("user", "agency", "partnership")
    if not include_ended:
        qs = qs.filter(is_active=True)
    if role:
        qs = qs.filter(role=role)
    if agency is not None:
        qs = qs.filter(agency=agency)
    if search:
        qs = qs.filter(Q(user__full_name__icontains=search) | Q(user__email__icontains=search))
    return qs.order_by("user__full_name", "role")


def membership_for(*, user, partnership: Partnership, pk: int, active_only: bool = False) -> Membership | None:
    """One membership of the partnership by its id, or None if it is not there or not visible."""
    qs = members_of(user=user, partnership=partnership, include_ended=not active_only)
    return qs.filter(pk=pk).first()


def memberships_of_person(*, user, partnership: Partnership, person: User) -> QuerySet[Membership]:
    """Every membership, current and ended, the person has held in the partnership."""
    return (
        members_of(user=user, partnership=partnership, include_ended=True)
        .filter(user=person)
        .order_by("-is_active", "-created_at")
    )


def grants_of_person(*, user, partnership: Partnership, person: User) -> QuerySet[RestrictedGrant]:
    """The restricted-area grants, live and past, the person holds in the partnership."""
    if not can_view_members(user=user, partnership=partnership):
        return RestrictedGrant.objects.none()
    return RestrictedGrant.objects.filter(partnership=partnership, user=person).select_related(
        "granted_by", "revoked_by"
    )


def grant_for(*, user, partnership: Partnership, pk: int) -> RestrictedGrant | None:
    """One grant of the partnership by its id, or None if it is not there or not visible."""
    if not can_view_members(user=user, partnership=partnership):
        return None
    return RestrictedGrant.objects.filter(partnership=partnership, pk=pk).select_related("user").first()


@dataclass(frozen=True)
class MfaStatus:
    """Whether a person has set up multi-factor authentication; never any secret."""

    authenticator_app: bool
    recovery_codes_left: int | None


def mfa_status_of(*, user, partnership: Partnership, person: User) -> MfaStatus | None:
    """The person's MFA set-up, for those who may see the partnership's members; None for others
    and for people who are not members there."""
    if not can_view_members(user=user, partnership=partnership):
        return None
    if not Membership.objects.filter(user=person, partnership=partnership).exists():
        return None
    types = {a.type: a for a in Authenticator.objects.filter(user=person)}
    codes = types.get(Authenticator.Type.RECOVERY_CODES)
    return MfaStatus(
        authenticator_app=Authenticator.Type.TOTP in types,
        recovery_codes_left=len(codes.wrap().get_unused_codes()) if codes else None,
    )


def agencies_of_partnership(*, user, partnership: Partnership) -> QuerySet[Agency]:
    """The active agencies of the partnership, for choosing the agency a member acts for."""
    if not can_view_members(user=user, partnership=partnership):
        return Agency.objects.none()
    return Agency.objects.filter(
        is_active=True, partnership_links__partnership=partnership, partnership_links__left_on__isnull=True
    ).order_by("name")


def role_choices() -> list[tuple[str, str]]:
    """(code, title) of every role a partnership's member may hold, in the library's order (the
    operator's role is held over the installation, never through a membership)."""
    return [(code, d.title) for code, d in role_definitions().items() if d.scope == "partnership"]


def role_title(code: str) -> str:
    """The title of a role code, or the code itself for a role no longer in the library."""
    definition = role_definitions().get(code)
    return definition.title if definition else code


def restricted_area_titles() -> dict[str, str]:
    """Restricted-area code → title, from the library."""
    return {item.code: item.title for item in current_items(kind="restricted-area")}


def grantable_areas(*, membership: Membership) -> list[tuple[str, str]]:
    """(code, title) of the restricted areas this person's active roles in the membership's
    partnership may be granted, in the library's order."""
    definitions = role_definitions()
    roles = set(
        Membership.objects.filter(
            user_id=membership.user_id, partnership_id=membership.partnership_id, is_active=True
        ).values_list("role", flat=True)
    )
    allowed: set[str] = set()
    for code in roles:
        if code in definitions:
            allowed |= definitions[code].restricted_areas
    return [(code, title) for code, title in restricted_area_titles().items() if code in allowed]


def api_token_of(*, user) -> ApiToken | None:
    """The user's own latest API token, whether it still works, has expired or was revoked (so
    their page can say which), or None if they never had one. Nobody reads another person's."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk").first()
