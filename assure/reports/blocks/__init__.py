"""Data blocks: the parts of a report computed from what Assure holds.

Every block kind is a function registered here under a code that report templates name. It
takes a BlockContext and returns the block's content as BlockData — plain, already formatted
text, so that the HTML, PDF and DOCX outputs all show exactly the same thing, and so that the
content can be frozen in the database when a report is published and shown again, unchanged,
years later. Figures are formatted when the block is computed, never when it is shown."""

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

logger = logging.getLogger(__name__)


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TableData(_Shape):
    caption: str
    columns: list[str]
    rows: list[list[str]]
    numeric: list[bool] = Field(default_factory=list, description="Per column: right-align as a number.")


class ChartData(_Shape):
    title: str
    description: str = Field(description="What the chart shows, in words: its alternative text.")
    spec: dict = Field(description="A Vega-Lite spec with its data inline.")
    table: int = Field(description="Index in the block's tables of the table holding the chart's data.")


class BlockData(_Shape):
    title: str
    source: str = Field(description="Where the figures come from, shown under the block.")
    as_at: str = Field(description="ISO date the figures were read.")
    paragraphs: list[str] = Field(default_factory=list, description="Sentences computed from the data.")
    tables: list[TableData] = Field(default_factory=list)
    charts: list[ChartData] = Field(default_factory=list)
    empty: str = Field(default="", description="Shown instead when there is nothing to show.")


@dataclass(frozen=True)
class BlockContext:
    """What a block is computed for."""

    report: object  # assure.reports.models.Report
    section: object  # assure.reports.models.Section
    params: dict
    today: dt.date


@dataclass(frozen=True)
class BlockKind:
    code: str
    title: str
    description: str
    compute: Callable[[BlockContext], BlockData]


REGISTRY: dict[str, BlockKind] = {}


def register(code: str, *, title: str, description: str) -> Callable:
    """Decorator: register ``compute(context) -> BlockData`` as the block kind ``code``."""

    def decorate(compute: Callable[[BlockContext], BlockData]) -> Callable[[BlockContext], BlockData]:
        REGISTRY[code] = BlockKind(code=code, title=title, description=description, compute=compute)
        return compute

    return decorate


def block_kind(code: str) -> BlockKind | None:
    _load_kinds()
    return REGISTRY.get(code)


def compute_block(*, kind: str, report, section, params: dict, today: dt.date) -> tuple[BlockData | None, str]:
    """A block's content worked out now: (content, "") or (None, "unknown") for a kind Assure
    does not have, or (None, "failed") when its computing failed. One block's failure must not
    take a whole report down: it is logged, and each caller says so in its own words."""
    found = block_kind(kind)
    if found is None:
        return None, "unknown"
    context = BlockContext(report=report, section=section, params=dict(params or {}), today=today)
    try:
        data = found.compute(context)
        return (data if isinstance(data, BlockData) else BlockData.model_validate(data)), ""
    except Exception:
        logger.exception("report %s: a block of kind %s could not be computed", getattr(report, "pk", None), kind)
        return None, "failed"


def _load_kinds() -> None:
    # Each kind lives in its own module of this package and registers itself on import.
    from . import kinds  # noqa: F401
