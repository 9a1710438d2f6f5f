"""Predicates over memberships: who holds which role, and so which permissions, where.

Roles and the permissions they grant are library data (library/roles.yaml). The role lookups
here (``roles_of``, ``permissions_of``, ``has_permission``, ``agencies_of``,
``is_agency_scoped``, ``has_restricted_grant``) are what every app's own ``permissions.py``
builds on; views declare theirs through ``assure.core.access.requires``.

Every app's predicates read alike, and take keyword arguments only:

- ``can_<verb>[_<thing>](*, user, partnership)``: the role allows it (``can_<verb>_for`` adds
  ``agency_id``: the role allows it for that agency, as an agency lead's acts for their own only);
- ``may_<verb>[_<thing>](*, user, <record>)``: the role allows it for this record, and the
  record's current state (its status, the agency it belongs to) allows it now;
- ``ensure_<...>(...)``: raises PermissionDenied when the matching predicate is false.
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from assure.library.selectors import RoleDefinition, role_definitions

from .models import InstallationRole, Membership, RestrictedGrant

_CACHE = PERMISSION_CACHE = "_assure_permission_cache"  # on the user object: gone with the request


def _memberships(user, partnership) -> list[Membership]:
    if not getattr(user, "is_authenticated", False) or not user.is_active or partnership is None:
        return []
    cache = user.__dict__.setdefault(_CACHE, {})
    key = ("memberships", partnership.pk)
    if key not in cache:
        cache[key] = list(
            Membership.objects.filter(user=user, partnership=partnership, is_active=True).select_related("agency")
        )
    return cache[key]


def forget_permissions(*, user) -> None:
    """Drop what was cached on this user object (after a membership changes)."""
    user.__dict__.pop(_CACHE, None)


def roles_of(*, user, partnership) -> set[str]:
    """Codes of the user's active roles in the partnership."""
    return {m.role for m in _memberships(user, partnership)}


def role_definitions_of(*, user, partnership) -> list[RoleDefinition]:
    """The definitions of the user's roles in the partnership; a role the library holds for the
    installation only grants nothing there, even if a membership names it."""
    memberships = _memberships(user, partnership)
    if not memberships:
        return []
    # Asked for many times a page (the access check, the menu, each predicate): worked out once.
    cache = user.__dict__.setdefault(_CACHE, {})
    key = ("role definitions", partnership.pk)
    found = cache.get(key)  # not ``in``: a stand-in member's cache answers every question asked that way
    if found is None:
        definitions = role_definitions()
        found = cache[key] = [
            definitions[code]
            for code in sorted({m.role for m in memberships})
            if code in definitions and definitions[code].scope == "partnership"
        ]
    return list(found)


def permissions_of(*, user, partnership) -> frozenset[str]:
    """Everything the user's roles in the partnership allow; empty if they are not a member."""
    definitions = role_definitions_of(user=user, partnership=partnership)
    if not definitions:
        return frozenset()
    cache = user.__dict__[_CACHE]
    key = ("permissions", partnership.pk)
    found = cache.get(key)
    if found is None:
        found = cache[key] = frozenset().union(*(definition.permissions for definition in definitions))
    return found


def has_permission(*, user, permission: str, partnership) -> bool:
    return permission in permissions_of(user=user, partnership=partnership)


def agencies_of(*, user, partnership) -> set[int]:
    """Ids of the agencies the user acts for in the partnership (agency-scoped roles only)."""
    return {m.agency_id for m in _memberships(user, partnership) if m.agency_id}


def is_agency_scoped(*, user, partnership) -> bool:
    """True when every role the user holds there acts for an agency, so their view of agency
    records is limited to their own agency's."""
    definitions = role_definitions_of(user=user, partnership=partnership)
    return bool(definitions) and all(d.agency_scoped for d in definitions)


def requires_mfa(*, user) -> bool:
    """True when any of the user's active roles, in any partnership or over the installation,
    requires MFA."""
    if not getattr(user, "is_authenticated", False):
        return False
    definitions = role_definitions()
    roles = set(Membership.objects.filter(user=user, is_active=True).values_list("role", flat=True))
    roles |= installation_roles_of(user=user)
    return any(definitions[r].mfa_required for r in roles if r in definitions)


# --- roles held over the whole installation ----------------------------------------------------


def installation_roles_of(*, user) -> set[str]:
    """Codes of the user's live installation roles (the operator's) that the roles library still
    holds with ``scope: installation``."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    cache = user.__dict__.setdefault(_CACHE, {})
    if "installation" not in cache:
        definitions = role_definitions()
        held = InstallationRole.objects.filter(user=user, revoked_at__isnull=True).values_list("role", flat=True)
        cache["installation"] = {
            code for code in held if code in definitions and definitions[code].scope == "installation"
        }
    return cache["installation"]


def installation_permissions_of(*, user) -> frozenset[str]:
    """Everything the user's installation roles allow; none of it opens a partnership."""
    definitions = role_definitions()
    granted: set[str] = set()
    for code in installation_roles_of(user=user):
        granted |= definitions[code].permissions
    return frozenset(granted)


def has_installation_permission(*, user, permission: str) -> bool:
    return permission in installation_permissions_of(user=user)


def can_import_published(*, user) -> bool:
    """True when the user may import published statistics (DfE, ONS): figures every partnership
    shares, so only the installation's operator may write them."""
    return has_installation_permission(user=user, permission="statistics.import")


def ensure_can_import_published(*, user) -> None:
    if not can_import_published(user=user):
        raise PermissionDenied


def has_restricted_grant(*, user, partnership, area: str) -> bool:
    """True when the user holds a live explicit grant for the area, and a role that may be
    granted it."""
    if not any(area in d.restricted_areas for d in role_definitions_of(user=user, partnership=partnership)):
        return False
    cache = user.__dict__.setdefault(_CACHE, {})
    key = ("grant", partnership.pk, area)
    if key not in cache:
        today = timezone.localdate()
        grants = RestrictedGrant.objects.filter(user=user, partnership=partnership, area=area, revoked_at__isnull=True)
        cache[key] = any(g.expires_on is None or g.expires_on >= today for g in grants)
    return cache[key]


class _OneMembership(dict):
    """The permission cache of a stand-in member: its one membership, and for every other
    question (another partnership, a restricted grant) no answer at all, without asking the
    database."""

    def __contains__(self, key) -> bool:
        return True

    def __missing__(self, key):
        return []


def stand_in_member(*, partnership, role: str):
    """An unsaved user holding ``role`` in ``partnership`` and nothing anywhere else, with no
    restricted grant, who cannot sign in: for work done on the partnership's behalf rather than a
    person's, such as the figures of a report, which must not depend on who asks for them."""
    from .models import User

    member = User(email=f"stand-in@{partnership.slug}.invalid", full_name=f"{partnership.name}", is_active=True)
    member.set_unusable_password()
    membership = Membership(partnership=partnership, role=role, is_active=True)
    member.__dict__[_CACHE] = _OneMembership({("memberships", partnership.pk): [membership] if role else []})
    return member


# --- people and their memberships --------------------------------------------------------------


def can_view_members(*, user, partnership) -> bool:
    return has_permission(user=user, permission="members.view", partnership=partnership)


def can_manage_members(*, user, partnership) -> bool:
    """True when the user may add people, change their roles, end memberships and give grants."""
    return has_permission(user=user, permission="members.manage", partnership=partnership)


def ensure_can_manage_members(*, user, partnership) -> None:
    if not can_manage_members(user=user, partnership=partnership):
        raise PermissionDenied
