"""Who may do what with the multi-agency registers. Predicates follow docs/architecture.md
section 2 (``can_`` for the role, ``may_`` for the role and the record's state now, ``ensure_`` to
refuse); each part keeps its predicates in a block here.

The business unit (``registers.manage``) sees every register's entries, records and uploads for
any agency, verifies private providers and reads the retention log; the board and the chair
(``registers.view``) read the figures (breakdowns with small numbers hidden); an agency's lead
(``registers.record``) records and uploads the entries of the kinds their agency's type records,
and sees only their agency's entries; a verified private provider (``registers.notify``)
notifies placements and sees only their own notifications."""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import agencies_of, has_permission
from assure.partnerships.models import Agency

from .kinds import RegisterKind, kinds_for


def can_view_figures(*, user, partnership) -> bool:
    return has_permission(user=user, permission="registers.view", partnership=partnership)


def ensure_can_view_figures(*, user, partnership) -> None:
    if not can_view_figures(user=user, partnership=partnership):
        raise PermissionDenied


def can_manage(*, user, partnership) -> bool:
    return has_permission(user=user, permission="registers.manage", partnership=partnership)


def ensure_can_manage(*, user, partnership) -> None:
    if not can_manage(user=user, partnership=partnership):
        raise PermissionDenied


def sees_small_numbers(*, user, partnership) -> bool:
    """True when the user may see a breakdown's small numbers: those who keep the registers."""
    return can_manage(user=user, partnership=partnership)


# --- entries -----------------------------------------------------------------------------------


def can_record(*, user, partnership) -> bool:
    """True when the user records entries: the business unit, or an agency's lead."""
    return can_manage(user=user, partnership=partnership) or has_permission(
        user=user, permission="registers.record", partnership=partnership
    )


def ensure_can_record(*, user, partnership) -> None:
    if not can_record(user=user, partnership=partnership):
        raise PermissionDenied


def recording_agencies(*, user, partnership, kind: RegisterKind) -> list[Agency]:
    """The agencies the user may record entries of the kind for: any of the partnership's
    agencies whose type records it, for the business unit; their own such agencies for a lead."""
    agencies = Agency.objects.filter(partnerships=partnership, agency_type__code__in=kind.spec.recorded_by)
    if can_manage(user=user, partnership=partnership):
        return list(agencies.order_by("name"))
    if not has_permission(user=user, permission="registers.record", partnership=partnership):
        return []
    return list(agencies.filter(pk__in=agencies_of(user=user, partnership=partnership)).order_by("name"))


def recordable_kinds(*, user, partnership) -> list[RegisterKind]:
    """The kinds the user may record entries of (or, for the business unit, every kind)."""
    return [
        kind for kind in kinds_for(partnership) if recording_agencies(user=user, partnership=partnership, kind=kind)
    ]


def may_see_entry(*, user, partnership, entry) -> bool:
    """The business unit sees every entry; an agency's lead their agency's; a provider their own
    notifications."""
    if entry.partnership_id != partnership.pk:
        return False
    if can_manage(user=user, partnership=partnership):
        return True
    if has_permission(user=user, permission="registers.record", partnership=partnership):
        return entry.agency_id in agencies_of(user=user, partnership=partnership)
    if can_notify(user=user, partnership=partnership):
        return entry.provider_id is not None and entry.provider.user_id == user.pk
    return False


def may_change_entry(*, user, partnership, entry) -> bool:
    """Who sees an entry may correct it, except a provider once it is submitted."""
    if not may_see_entry(user=user, partnership=partnership, entry=entry):
        return False
    if entry.source == entry.Source.PROVIDER and not can_record(user=user, partnership=partnership):
        return not entry.is_submitted
    return True


# --- uploads ----------------------------------------------------------------------------------


def may_see_upload(*, user, partnership, upload) -> bool:
    """The business unit sees (and deletes) every upload of the partnership; an agency's lead
    their own agency's."""
    if upload.partnership_id != partnership.pk:
        return False
    if can_manage(user=user, partnership=partnership):
        return True
    return has_permission(
        user=user, permission="registers.record", partnership=partnership
    ) and upload.agency_id in agencies_of(user=user, partnership=partnership)


# --- providers ---------------------------------------------------------------------------------


def can_notify(*, user, partnership) -> bool:
    """True when the user is a private provider of the partnership (verified or not yet)."""
    return has_permission(user=user, permission="registers.notify", partnership=partnership)


def ensure_can_notify(*, user, partnership) -> None:
    if not can_notify(user=user, partnership=partnership):
        raise PermissionDenied
