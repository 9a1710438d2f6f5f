"""Records numbered in their partnership (actions A-0001, challenges C-0001, risks R-01): the next
number, handed out one at a time."""

from django.db.models import Model, QuerySet
from django.db.models.functions import Length


def next_reference(*, partnership: Model, records: QuerySet, prefix: str, digits: int) -> str:
    """The next reference after the highest of ``records`` (the partnership's records of one
    kind) of the form ``<prefix><number>``, zero-padded to ``digits``. Call it inside the
    transaction that saves the record."""
    # Locking the partnership row serialises numbering between concurrent transactions (on
    # PostgreSQL; SQLite serialises writers anyway). The unique constraint is the last guard.
    type(partnership).objects.select_for_update().only("pk").get(pk=partnership.pk)
    last = (
        records.filter(reference__regex=rf"^{prefix}[0-9]+$")
        .annotate(length=Length("reference"))
        # Zero-padded numbers sort as text within one length; a longer one is always larger.
        .order_by("-length", "-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:0{digits}d}"
