"""Who a request goes to: the people whose roles grant a permission, read from the roles of the
library, never named. These read no requesting user: they address e-mails and reminders, and
show nothing on a page."""

from collections.abc import Iterable

from assure.library.selectors import role_definitions

from .models import Membership, User


def roles_granting(permission: str, *, agency_scoped: bool | None = None) -> list[str]:
    """The codes of the partnership roles granting ``permission`` (only those acting for one
    agency, or only those that do not, when ``agency_scoped`` says so)."""
    return sorted(
        code
        for code, role in role_definitions().items()
        if role.scope == "partnership"
        and permission in role.permissions
        and (agency_scoped is None or role.agency_scoped == agency_scoped)
    )


def agency_people_with(*, permission: str, partnership_ids: Iterable[int]) -> dict[tuple[int, int], list[User]]:
    """The active members acting for an agency in a role granting ``permission`` (an agency's
    leads, for the permission their requests need), by (partnership id, agency id), for every
    partnership given, in one query; each person once, by name."""
    leads: dict[tuple[int, int], list[User]] = {}
    memberships = Membership.objects.filter(
        partnership_id__in=list(partnership_ids),
        role__in=roles_granting(permission, agency_scoped=True),
        is_active=True,
        agency__isnull=False,
        user__is_active=True,
    ).select_related("user")
    for membership in memberships.order_by("user__full_name", "pk"):
        people = leads.setdefault((membership.partnership_id, membership.agency_id), [])
        if membership.user not in people:
            people.append(membership.user)
    return leads
