"""Reads of the agencies of a partnership. An agency is visible in a partnership only through its
link to it (PartnershipAgency); an agency of another partnership does not exist here."""

from django.core.cache import cache
from django.db.models import Max, QuerySet

from assure.library.models import LibraryDocument
from assure.library.selectors import current_items

from ..models import Agency, Partnership, PartnershipAgency
from ..permissions import can_view

CLASSIFICATIONS = ("agency-type", "sector")
"""The library kinds an agency is classified by."""


def agency_links_of(*, user, partnership: Partnership, include_former: bool = False) -> QuerySet[PartnershipAgency]:
    """The partnership's agency links (an agency with its board seat), current ones only unless
    ``include_former``."""
    if not can_view(user=user, partnership=partnership):
        return PartnershipAgency.objects.none()
    links = PartnershipAgency.objects.filter(partnership=partnership).select_related(
        "agency", "agency__agency_type", "agency__sector"
    )
    if not include_former:
        links = links.filter(left_on__isnull=True)
    return links.order_by("agency__name")


def partnership_agencies(*, user, partnership: Partnership, include_former: bool = False) -> QuerySet[Agency]:
    """The agencies of the partnership: current ones, or also those that have left it."""
    if not can_view(user=user, partnership=partnership):
        return Agency.objects.none()
    links = PartnershipAgency.objects.filter(partnership=partnership)
    if not include_former:
        links = links.filter(left_on__isnull=True)
    return (
        Agency.objects.filter(pk__in=links.values("agency_id")).select_related("agency_type", "sector").order_by("name")
    )


def agency_link(*, user, partnership: Partnership, agency: Agency) -> PartnershipAgency | None:
    """The agency's link to the partnership (current or former), if it has one."""
    return agency_links_of(user=user, partnership=partnership, include_former=True).filter(agency=agency).first()


def classification_choices() -> dict[str, list[tuple[str, str]]]:
    """Library kind → (code, title) of each current item, for the kinds agencies are classified
    by (types and sectors), in the library's order. Library content is shared by every
    partnership and holds nothing personal, so this needs no user. A library document is never
    changed once loaded (a new version is loaded instead), so the choices are read once for each
    newest document and kept in the cache: two small queries rather than three for each kind."""
    newest = LibraryDocument.objects.aggregate(newest=Max("pk"))["newest"] or 0
    key = f"assure:partnerships:classification-choices:{newest}"
    choices = cache.get(key)
    if choices is None:
        choices = {kind: list(current_items(kind=kind).values_list("code", "title")) for kind in CLASSIFICATIONS}
        cache.set(key, choices, 60 * 60 * 24)
    return choices
