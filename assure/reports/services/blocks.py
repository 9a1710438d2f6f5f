"""Computing a report's data blocks and keeping the result in the report.

A block's content is computed by its kind (assure/reports/blocks) and stored whole, already
formatted, in Block.data: every output reads it from there, so what a draft shows is what was
last refreshed, and what a published report shows is what was frozen when it was published."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.partnerships.models import Partnership
from assure.performance.selectors.catalogue import catalogue_indicators

from ..blocks import BlockData, block_kind, compute_block
from ..blocks.kinds._common import report_reader
from ..models import Block, Report, Section
from .common import require_managed_draft

UNKNOWN_KIND = "This block cannot be shown: Assure has no block of the kind “{kind}”."
FAILED = "The figures of this block could not be computed. Refresh the figures again, or ask for help."


@dataclass
class Refresh:
    """What a refresh did: how many blocks, and which could not be computed."""

    computed: int = 0
    failed: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def _message_only(block: Block, today, message: str) -> dict:
    return BlockData(title=block.title or block.kind, source="", as_at=today.isoformat(), empty=message).model_dump()


def block_compute(block: Block, report: Report, *, today=None) -> tuple[dict, str]:
    """The block's content as stored, and "" or "unknown" or "failed"; publishing is refused
    while a block fails."""
    today = today or timezone.localdate()
    data, problem = compute_block(
        kind=block.kind, report=report, section=block.section, params=block.params, today=today
    )
    if problem == "unknown":
        return _message_only(block, today, UNKNOWN_KIND.format(kind=block.kind)), problem
    if problem == "failed":
        return _message_only(block, today, FAILED), problem
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


# --- adding, removing and moving a section's blocks --------------------------------------------

TITLE_MAX = 200
YEARS_MAX = 20


def _whole(params: dict, name: str, low: int, high: int, message: str) -> None:
    """An optional whole-number param within bounds, stored as a number."""
    if params.get(name) in (None, ""):
        params.pop(name, None)
        return
    try:
        value = int(params[name])
    except (TypeError, ValueError):
        value = None
    if value is None or str(value) != str(params[name]).strip() or not low <= value <= high:
        raise ValidationError({name: message})
    params[name] = value


def _indicator_codes(partnership: Partnership, codes: list[str]) -> set[str]:
    """Those of the codes that name an indicator a block of the partnership can show."""
    reader = report_reader(partnership)
    indicators = catalogue_indicators(user=reader, partnership=partnership).filter(code__in=codes)
    return set(indicators.values_list("code", flat=True))


def _clean_indicator_chart(params: dict, partnership: Partnership) -> None:
    code = str(params.get("indicator") or "").strip()
    if not code:
        raise ValidationError({"indicator": "Choose the indicator to chart."})
    if not _indicator_codes(partnership, [code]):
        raise ValidationError({"indicator": "Choose an indicator of the library's indicators."})
    params["indicator"] = code
    _whole(params, "years", 2, YEARS_MAX, f"Enter the number of years as a whole number from 2 to {YEARS_MAX}.")


def _clean_indicator_table(params: dict, partnership: Partnership) -> None:
    rows = params.get("rows")
    if not isinstance(rows, list) or not rows:
        raise ValidationError({"indicators": "Choose one or more indicators for the table."})
    if not all(isinstance(row, dict) and str(row.get("indicator") or "").strip() for row in rows):
        raise ValidationError({"indicators": "Each row of the table must name an indicator."})
    codes = [str(row["indicator"]).strip() for row in rows]
    unknown = sorted(set(codes) - _indicator_codes(partnership, codes))
    if unknown:
        raise ValidationError({"indicators": "Choose indicators of the library's indicators."})
    if len(set(codes)) != len(codes):
        raise ValidationError({"indicators": "Choose each indicator once."})
    _whole(params, "years", 1, YEARS_MAX, f"Enter the number of years as a whole number from 1 to {YEARS_MAX}.")
    if params.get("chart", "none") not in ("bars", "lines", "none"):
        raise ValidationError({"chart": "Choose bars, lines or no chart."})


def _clean_conclusion_question(params: dict, partnership: Partnership) -> None:
    _whole(params, "question", 1, 5, "Choose a question from 1 to 5.")
    if "question" not in params:
        raise ValidationError({"question": "Choose the question of the conclusion the block answers."})


def _clean_actions_summary(params: dict, partnership: Partnership) -> None:
    _whole(params, "days", 1, 366, "Enter the number of days as a whole number from 1 to 366.")


# The kinds whose params are checked here; another kind's params are kept as given, since an
# unknown or empty param shows a message in the block rather than failing (library/README.md).
PARAM_CHECKS = {
    "indicator-chart": _clean_indicator_chart,
    "indicator-table": _clean_indicator_table,
    "conclusion-question": _clean_conclusion_question,
    "actions-summary": _clean_actions_summary,
}


@transaction.atomic
def block_add(*, section: Section, kind: str, title: str, params: dict, actor) -> Block:
    """Add a data block of a registered kind at the end of a draft report's section, with its
    params checked, and compute it at once so its figures show. ``title`` (optional) replaces
    the title the block gives itself."""
    report = section.report
    require_managed_draft(actor, report)
    found = block_kind(kind)
    if found is None:
        raise ValidationError({"kind": "Choose a kind of table or chart from the list."})
    if not isinstance(params, dict):
        raise ValidationError("The block's settings are not in a form Assure can read.")
    params = {name: value for name, value in params.items() if name != "title"}
    check = PARAM_CHECKS.get(kind)
    if check is not None:
        check(params, report.partnership)
    title = (title or "").strip()
    if len(title) > TITLE_MAX:
        raise ValidationError({"title": f"The title must be at most {TITLE_MAX} characters."})
    if title:
        # Every kind titles itself from the params' title when there is one (see kinds/_common.py).
        params["title"] = title
    last = section.blocks.order_by("-position").values_list("position", flat=True).first()
    block = Block.objects.create(
        section=section,
        position=0 if last is None else last + 1,
        kind=kind,
        title=title or found.title,
        params=params,
    )
    block.data, problem = block_compute(block, report)
    block.computed_at = timezone.now()
    block.save(update_fields=["data", "computed_at"])
    event_record(
        actor=actor,
        verb="reports.block_added",
        target=block,
        partnership=report.partnership,
        summary=f"Block added: {block} to {section.title}",
        data={"kind": kind, "params": params, "failed": problem == "failed"},
    )
    return block


@transaction.atomic
def block_remove(*, block: Block, actor) -> None:
    """Take a data block out of a draft report's section."""
    section = block.section
    require_managed_draft(actor, section.report)
    event_record(
        actor=actor,
        verb="reports.block_removed",
        target=section,
        partnership=section.report.partnership,
        summary=f"Block removed: {block} from {section.title}",
        data={"kind": block.kind, "params": block.params},
    )
    block.delete()


@transaction.atomic
def block_move(*, block: Block, direction: str, actor) -> Block:
    """Move a block one place up or down among its section's blocks (at either end it stays)."""
    section = block.section
    require_managed_draft(actor, section.report)
    if direction not in ("up", "down"):
        raise ValidationError("Choose to move the block up or down.")
    # Blocks made from a template may share a position: number them in their shown order first.
    blocks = list(section.blocks.select_for_update().order_by("position", "pk"))
    index = next(i for i, each in enumerate(blocks) if each.pk == block.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(blocks):
        blocks[index], blocks[other] = blocks[other], blocks[index]
        for position, each in enumerate(blocks):
            Block.objects.filter(pk=each.pk).exclude(position=position).update(position=position)
        event_record(
            actor=actor,
            verb="reports.block_moved",
            target=block,
            partnership=section.report.partnership,
            summary=f"Block moved {direction}: {block} in {section.title}",
        )
    block.refresh_from_db(fields=["position"])
    return block
