"""Keeps a stable Indicator for every indicator of the library, pointing at its newest version."""

from django.db import transaction

from assure.library.selectors import current_items

from .models import Indicator


@transaction.atomic
def indicators_sync() -> int:
    """Create or update the Indicator of every current indicator item; return how many changed.
    Runs after every library load (see apps.py), so observations can always find their
    indicator."""
    changed = 0
    existing = {i.urn: i for i in Indicator.objects.all()}
    for item in current_items(kind="indicator"):
        indicator = existing.get(item.urn)
        if indicator is None:
            Indicator.objects.create(urn=item.urn, code=item.code, definition=item)
            changed += 1
        elif indicator.definition_id != item.pk or indicator.code != item.code:
            indicator.definition, indicator.code = item, item.code
            indicator.save(update_fields=["definition", "code"])
            changed += 1
    return changed
