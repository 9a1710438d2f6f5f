"""The indicators the library says Assure counts from its own records (their ``computed`` block),
each with the computation that counts it (registered by the app holding the records, see
assure/core/computations.py), and the words that say where a computed figure came from."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from assure.core.computations import Computation, computation_named

from .models import Indicator
from .selectors.catalogue import SHIPPED_PROVIDER


@dataclass(frozen=True)
class ComputedIndicator:
    indicator: Indicator
    computation: Computation
    parameters: Mapping[str, object]


def computed_indicators(*, owner: str | None = None, partnership=None) -> list[ComputedIndicator]:
    """Every indicator whose newest definition is computed, with its computation: only ``owner``'s
    computations when given, and only those the partnership may use when given (shipped with
    Assure, or of its own documents, as its catalogue). One query. An indicator naming a
    computation no app registers any longer is left out: its figures stay as they were last
    counted."""
    indicators = Indicator.objects.select_related("definition__document").order_by("code")
    if partnership is not None:
        indicators = indicators.filter(definition__document__provider__in=(SHIPPED_PROVIDER, partnership.slug))
    found = []
    for indicator in indicators:
        spec = indicator.data.get("computed")
        if not spec:
            continue
        computation = computation_named(spec.get("computation", ""))
        if computation is None or (owner is not None and computation.owner != owner):
            continue
        found.append(ComputedIndicator(indicator, computation, spec.get("parameters") or {}))
    return found


def provenance_text(counted_from: str, day: dt.date) -> str:
    """'computed from 23 Section 11 returns on 6 December 2026'."""
    return f"computed from {counted_from} on {day.day} {day:%B %Y}"
