"""Who Section 11 asks something of: the agency leads who answer a return, and the moderators
who review answers. These are reads for sending requests and reminders, not pages: they take no
requesting user, and return people only (never shown to anyone but the person asked).

Which roles answer and moderate is the roles library's: a role granting ``section11.complete``
for an agency answers its return; one granting ``section11.moderate`` moderates."""

from collections import defaultdict
from collections.abc import Iterable

from assure.accounts.models import Membership, User
from assure.accounts.recipients import roles_granting
from assure.partnerships.models import Partnership

from ..models import Return


def _members(*, permission: str, partnership_ids: Iterable[int], agency_ids: Iterable[int] | None = None):
    memberships = Membership.objects.filter(
        role__in=roles_granting(permission),
        is_active=True,
        partnership_id__in=set(partnership_ids),
        user__is_active=True,
    ).select_related("user")
    if agency_ids is not None:
        memberships = memberships.filter(agency_id__in=set(agency_ids))
    return memberships.order_by("user__full_name", "user_id", "partnership_id")


def return_leads(returns: list[Return], *, partnerships: Iterable[Partnership] | None = None) -> dict[int, dict]:
    """Return id → {partnership: [agency leads]}: the people who answer each return, grouped by
    the partnership of the cycle they are members of (the address of a return is a partnership's
    own), each person once per return, in their first partnership. ``partnerships`` narrows to
    those (default: every partnership of each return's cycle, which comes prefetched or is read
    here). Two queries, however many returns."""
    if not returns:
        return {}
    if partnerships is not None:
        chosen = list(partnerships)
        taking_part = {r.pk: chosen for r in returns}
    else:
        taking_part = {r.pk: list(r.cycle.partnerships.all()) for r in returns}
    by_id = {p.pk: p for ps in taking_part.values() for p in ps}
    memberships = _members(
        permission="section11.complete", partnership_ids=by_id, agency_ids={r.agency_id for r in returns}
    )
    by_agency: dict[int, list[Membership]] = defaultdict(list)
    for membership in memberships:
        by_agency[membership.agency_id].append(membership)
    found: dict[int, dict] = {}
    for return_record in returns:
        order = {p.pk: index for index, p in enumerate(taking_part[return_record.pk])}
        groups: dict[int, list[User]] = defaultdict(list)
        seen: set[int] = set()
        for membership in sorted(by_agency[return_record.agency_id], key=lambda m: order.get(m.partnership_id, -1)):
            if membership.partnership_id not in order or membership.user_id in seen:
                continue
            seen.add(membership.user_id)
            groups[membership.partnership_id].append(membership.user)
        found[return_record.pk] = {by_id[pk]: people for pk, people in groups.items()}
    return found


def people_with(*, permission: str, partnership: Partnership) -> list[User]:
    """The active people whose roles in the partnership grant ``permission``, each once."""
    people: dict[int, User] = {}
    for membership in _members(permission=permission, partnership_ids=[partnership.pk]):
        people.setdefault(membership.user_id, membership.user)
    return list(people.values())


def answer_readers(*, partnership: Partnership, askers: Iterable[int]) -> list[User]:
    """Who is told that a challenge was answered: the moderators of the partnership who asked
    on the criterion (``askers``: their ids), and its business unit, which runs the moderation."""
    asked = set(askers)
    moderating = people_with(permission="section11.moderate", partnership=partnership)
    managing = {u.pk for u in people_with(permission="section11.manage", partnership=partnership)}
    return [person for person in moderating if person.pk in asked or person.pk in managing]
