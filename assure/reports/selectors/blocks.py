"""Reads for adding a data block to a section: the block kinds Assure has, and the indicators a
block may show."""

import re

from django.db.models import QuerySet

from assure.partnerships.models import Partnership
from assure.performance.models import Indicator
from assure.performance.selectors.catalogue import catalogue_indicators, indicator_themes

from ..blocks import REGISTRY, BlockKind, block_kind
from ..blocks.kinds._common import report_reader
from ..permissions import can_manage

# A kind's description ends with its params for template writers, e.g. "(params: indicator,
# years)"; the page that adds a block asks for them in words instead.
_PARAMS_NOTE = re.compile(r"\s*\(params?\b[^)]*\)")


def block_kinds() -> list[BlockKind]:
    """Every registered block kind, by title."""
    block_kind("")  # loads the kinds
    return sorted(REGISTRY.values(), key=lambda kind: kind.title.lower())


def kind_hint(kind: BlockKind) -> str:
    """What a kind shows, in the words of the page that adds one."""
    return _PARAMS_NOTE.sub("", kind.description)


def block_indicators(*, user, partnership: Partnership) -> QuerySet[Indicator]:
    """The indicators a block of the partnership's reports can show: the library's current
    indicators as the report reads them (see blocks/kinds/_common.py), so a block never names one
    it cannot compute. None for someone who does not manage the partnership's reports."""
    if not can_manage(user=user, partnership=partnership):
        return Indicator.objects.none()
    return catalogue_indicators(user=report_reader(partnership), partnership=partnership)


def indicator_groups(indicators) -> list[tuple[str, list[Indicator]]]:
    """The indicators under their theme (themes in the library's order), each by title."""
    themes = indicator_themes()
    groups: dict[str, list[Indicator]] = {code: [] for code in themes}
    for indicator in sorted(indicators, key=lambda i: i.definition.title.lower()):
        groups.setdefault(indicator.data.get("theme", ""), []).append(indicator)
    return [(themes.get(code, code or "Other"), items) for code, items in groups.items() if items]
