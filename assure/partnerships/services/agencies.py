"""Changes to agencies and their places in partnerships. An agency may be shared by several
partnerships: its name, type and sector are shared, while each partnership keeps its own link
(board seat, when it joined and left). Nobody changes the links of a partnership they do not
manage, and removing an agency from a partnership keeps its history."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import Membership
from assure.audit.services import event_record
from assure.core.services import model_update
from assure.library.models import LibraryItem
from assure.library.selectors import current_item

from ..hooks import partnership_changed
from ..models import Agency, Partnership, PartnershipAgency
from ..permissions import ensure_can_manage
from ..registers import ACTIONS, AGENCIES, registers_changed
from ..selectors import managed_partnerships

# The registers that show an agency: the partnership's agencies, and its actions (each action
# names its owning agency, and the tracker filters by them).
SHOWN_IN = (AGENCIES, ACTIONS)

# How the "agency.updated" event names each changed field of the agency.
CHANGE_WORDS = {"name": "name", "agency_type": "type", "sector": "sector"}


def _type_and_sector_errors(agency_type: LibraryItem | None, sector: LibraryItem | None) -> dict[str, str]:
    errors = {}
    if agency_type is None or agency_type.kind != "agency-type":
        errors["agency_type"] = "Choose the type of agency."
    if sector is None or sector.kind != "sector":
        errors["sector"] = "Choose the agency's sector."
    if errors:
        return errors
    expected = agency_type.data.get("sector")
    if expected and sector.code != expected:
        expected_item = current_item(kind="sector", code=expected)
        expected_title = expected_item.title if expected_item else expected
        errors["sector"] = (
            f"The sector of a {agency_type.title.lower()} is {expected_title}: "
            f"choose {expected_title}, or a different type of agency."
        )
    return errors


def _name_errors(name: str, partnership: Partnership, agency: Agency | None = None) -> dict[str, str]:
    if not name:
        return {"name": "Enter the agency's name."}
    same_name = Agency.objects.filter(name__iexact=name)
    if agency is not None:
        same_name = same_name.exclude(pk=agency.pk)
    existing = same_name.first()
    if existing is None:
        return {}
    link = PartnershipAgency.objects.filter(partnership=partnership, agency=existing).first()
    if link is not None and link.left_on is None:
        return {"name": f"{existing.name} is already an agency of this partnership."}
    if link is not None:
        return {
            "name": f"{existing.name} was an agency of this partnership until {link.left_on:%d %B %Y}. "
            "Edit it from the agencies register to add it back."
        }
    return {"name": f"An agency called {existing.name} already exists. Agency names must be unique: enter another."}


def _partnership_errors(actor, partnership: Partnership, partnerships: Iterable[Partnership]) -> dict[str, str]:
    managed = {p.pk for p in managed_partnerships(user=actor)}
    if any(p.pk not in managed for p in partnerships):
        return {"partnerships": "You can only link an agency to partnerships you manage."}
    return {}


def _link(actor, agency: Agency, partnership: Partnership, on_board: bool) -> PartnershipAgency:
    """Link the agency to the partnership, or bring back a link that had ended."""
    link, created = PartnershipAgency.objects.get_or_create(
        partnership=partnership,
        agency=agency,
        defaults={"on_board": on_board, "joined_on": timezone.localdate()},
    )
    if not created:
        link.left_on = None
        link.on_board = on_board
        link.save(update_fields=["left_on", "on_board"])
    registers_changed(partnership_ids=[partnership.pk], registers=SHOWN_IN)
    partnership_changed(partnership.pk)  # its scorecard and Section 11 pages list its agencies
    event_record(
        actor=actor,
        verb="agency.added",
        target=agency,
        partnership=partnership,
        summary=f"{agency.name} added to the partnership's agencies",
    )
    return link


def _unlink(actor, link: PartnershipAgency) -> None:
    """End an agency's place in a partnership. The link stays, with the date it ended, so the
    agency's attendance, contributions and history remain; it is taken off the partnership's
    subgroups, which only expect current agencies."""
    link.left_on = timezone.localdate()
    link.save(update_fields=["left_on"])
    for subgroup in link.partnership.subgroups.filter(agencies=link.agency):
        subgroup.agencies.remove(link.agency)
    registers_changed(partnership_ids=[link.partnership_id], registers=SHOWN_IN)
    partnership_changed(link.partnership_id)
    event_record(
        actor=actor,
        verb="agency.removed",
        target=link.agency,
        partnership=link.partnership,
        summary=f"{link.agency.name} removed from the partnership's agencies",
    )


@transaction.atomic
def agency_create(
    *,
    actor,
    partnership: Partnership,
    name: str,
    agency_type: LibraryItem,
    sector: LibraryItem,
    on_board: bool = True,
    partnerships: Iterable[Partnership] = (),
) -> Agency:
    """Add a new agency to the partnership (and to any other partnerships the actor manages).

    The sector must be the one the library gives the agency's type, and agency names are unique
    across the installation (a police force serving several partnerships is one agency).
    """
    ensure_can_manage(user=actor, partnership=partnership)
    name = (name or "").strip()
    others = [p for p in partnerships if p.pk != partnership.pk]
    errors = {
        **_name_errors(name, partnership),
        **_type_and_sector_errors(agency_type, sector),
        **_partnership_errors(actor, partnership, others),
    }
    if errors:
        raise ValidationError(errors)
    agency = Agency(name=name, agency_type=agency_type, sector=sector)
    agency.full_clean()
    agency.save()
    for each in [partnership, *others]:
        _link(actor, agency, each, on_board)
    return agency


@transaction.atomic
def agency_update(
    *,
    actor,
    partnership: Partnership,
    agency: Agency,
    name: str,
    agency_type: LibraryItem,
    sector: LibraryItem,
    on_board: bool,
    partnerships: Iterable[Partnership] | None = None,
) -> Agency:
    """Change an agency as the business unit of one of its partnerships.

    Its name, type and sector are shared by all its partnerships; its board seat is this
    partnership's. ``partnerships`` lists the partnerships the actor manages that the agency
    should belong to (None leaves them as they are): links to partnerships the actor does not
    manage are never changed, and this partnership is always kept (an agency that had left it
    is added back).
    """
    ensure_can_manage(user=actor, partnership=partnership)
    link = PartnershipAgency.objects.filter(partnership=partnership, agency=agency).first()
    if link is None:
        raise ValidationError("This agency is not an agency of this partnership.")
    name = (name or "").strip()
    wanted = None if partnerships is None else {p.pk: p for p in partnerships if p.pk != partnership.pk}
    errors = {
        **_name_errors(name, partnership, agency),
        **_type_and_sector_errors(agency_type, sector),
        **(_partnership_errors(actor, partnership, wanted.values()) if wanted is not None else {}),
    }
    if errors:
        raise ValidationError(errors)

    board_seat_changed = link.on_board != on_board
    changed = [
        CHANGE_WORDS[field]
        for field in model_update(
            instance=agency,
            fields=["name", "agency_type", "sector"],
            data={"name": name, "agency_type": agency_type, "sector": sector},
        )
    ]
    if board_seat_changed:
        changed.append("board seat")
    if link.left_on is not None:
        _link(actor, agency, partnership, on_board)
    else:
        model_update(instance=link, fields=["on_board"], data={"on_board": on_board})

    if wanted is not None:
        for other in managed_partnerships(user=actor):
            if other.pk == partnership.pk:
                continue
            other_link = PartnershipAgency.objects.filter(partnership=other, agency=agency).first()
            is_member = other_link is not None and other_link.left_on is None
            if other.pk in wanted and not is_member:
                _link(actor, agency, other, on_board)
            elif other.pk not in wanted and is_member:
                _unlink(actor, other_link)

    if changed:
        event_record(
            actor=actor,
            verb="agency.updated",
            target=agency,
            partnership=partnership,
            summary=f"{agency.name} updated: {', '.join(changed)}",
        )
        # Scorecards and registers show the agency's name, type and sector: every partnership
        # it belongs to or has left recomputes them.
        linked = list(agency.partnership_links.values_list("partnership_id", flat=True))
        registers_changed(partnership_ids=linked, registers=SHOWN_IN)
        for partnership_id in linked:
            partnership_changed(partnership_id)
    return agency


@transaction.atomic
def agency_remove(*, actor, partnership: Partnership, agency: Agency) -> PartnershipAgency:
    """Take an agency out of the partnership, keeping its history: the agency itself, its
    attendance and its contributions stay, and its link records the day it left. Refused while
    people still act for the agency in this partnership."""
    ensure_can_manage(user=actor, partnership=partnership)
    link = PartnershipAgency.objects.filter(partnership=partnership, agency=agency, left_on__isnull=True).first()
    if link is None:
        raise ValidationError(f"{agency.name} is not a current agency of this partnership.")
    if Membership.objects.filter(partnership=partnership, agency=agency, is_active=True).exists():
        raise ValidationError(
            f"People still act for {agency.name} in this partnership. End their memberships first, "
            "then remove the agency."
        )
    _unlink(actor, link)
    return link
