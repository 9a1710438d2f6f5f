"""The review scheme in force for a partnership (library kind ``review-scheme``): its own when it
has published one, otherwise Assure's. The library holds nothing personal, so these need no user."""

from assure.library.models import LibraryItem
from assure.library.schemas import SHIPPED_PROVIDER
from assure.library.schemas_reviews import ReviewSchemeItem
from assure.library.selectors import current_items

KIND = "review-scheme"


def scheme_item(partnership) -> LibraryItem:
    """The library item of the scheme in force for ``partnership`` (its own first)."""
    items = list(current_items(kind=KIND).filter(document__provider__in=[partnership.slug, SHIPPED_PROVIDER]))
    own = [item for item in items if item.document.provider == partnership.slug]
    return (own or items)[0]


def scheme_for(partnership) -> ReviewSchemeItem:
    """The scheme in force for ``partnership``, validated."""
    return ReviewSchemeItem.model_validate(scheme_item(partnership).data)
