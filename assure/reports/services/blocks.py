"""Computing a report's data blocks and keeping the result in the report.

A block's content is computed by its kind (assure/reports/blocks) and stored whole, already
formatted, in Block.data: every output reads it from there, so what a draft shows is what was
last refreshed, and what a published report shows is what was frozen when it was published."""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record

from ..blocks import BlockContext, BlockData, block_kind
from ..models import Block, Report
from .common import require_managed_draft

logger = logging.getLogger(__name__)

UNKNOWN_KIND = "This block cannot be shown: Assure has no block of the kind “{kind}”."
FAILED = "The figures of this block could not be computed. Refresh the figures again, or ask for help."


@dataclass
class Refresh:
    """What a refresh did: how many blocks, and which could not be computed."""

    computed: int = 0
    failed: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def _placeholder(block: Block, today, message: str) -> dict:
    return BlockData(title=block.title or block.kind, source="", as_at=today.isoformat(), empty=message).model_dump()


def block_compute(block: Block, report: Report, *, today=None) -> tuple[dict, str]:
    """The block's content as stored, and "" or "unknown" or "failed"."""
    today = today or timezone.localdate()
    kind = block_kind(block.kind)
    if kind is None:
        return _placeholder(block, today, UNKNOWN_KIND.format(kind=block.kind)), "unknown"
    context = BlockContext(report=report, section=block.section, params=dict(block.params or {}), today=today)
    try:
        data = kind.compute(context)
        data = data if isinstance(data, BlockData) else BlockData.model_validate(data)
    except Exception:
        # One block's failure must not take the whole report down; it is logged, shown as
        # such, and publishing is refused until it computes.
        logger.exception("report %s: block %s (%s) failed", report.pk, block.pk, block.kind)
        return _placeholder(block, today, FAILED), "failed"
    return data.model_dump(), ""


def compute_all(report: Report) -> Refresh:
    """Compute and store every block of the report (no checks: the services below check)."""
    result = Refresh()
    today, now = timezone.localdate(), timezone.now()
    blocks = Block.objects.filter(section__report=report).select_related("section", "section__report")
    for block in blocks:
        block.section.report = report
        block.data, problem = block_compute(block, report, today=today)
        block.computed_at = now
        block.save(update_fields=["data", "computed_at"])
        result.computed += 1
        if problem == "failed":
            result.failed.append(block.title or block.kind)
        elif problem == "unknown":
            result.unknown.append(block.kind)
    return result


@transaction.atomic
def blocks_refresh(*, report: Report, actor) -> Refresh:
    """Compute every block of a draft report again from the data as it is now. Refused once
    the report is published: its figures are frozen."""
    require_managed_draft(actor, report)
    result = compute_all(report)
    event_record(
        actor=actor,
        verb="reports.blocks_refreshed",
        target=report,
        partnership=report.partnership,
        summary=f"Figures refreshed: {report}",
        data={"computed": result.computed, "failed": len(result.failed)},
    )
    return result
