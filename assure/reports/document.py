"""A report as a document: what every output (the preview page, the web page, the PDF and the
Word document) lays out, read once from the database.

``document_for(report)`` numbers the sections (1, 1.1, 1.1.1), turns each narrative into safe
HTML through ``richtext.to_html`` (the only way narrative becomes HTML) and gathers each block's
content as BlockData. A published report is read only from what publishing froze: its blocks are
never computed again and its date is the date it was published, so generating it again years
later gives the same content. A draft shows its blocks as last refreshed, and computes (without
saving) any block never computed yet."""

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import escape
from pydantic import ValidationError

from .blocks import BlockData, compute_block
from .models import Block, Report, Section
from .richtext import to_html

logger = logging.getLogger(__name__)

LANGUAGE = "en-GB"
_YEAR = re.compile(r"(\d{4})-\d{2}")  # a financial year, e.g. 2014-15
NOT_COMPUTED = "The figures for this part of the report could not be worked out."
OMITTED = "This section is left out of this report."


@dataclass(frozen=True)
class DocumentSection:
    """One numbered section: ``level`` 1 for a top section, 2 for one inside it, and so on."""

    number: str
    level: int
    title: str
    narrative_html: str
    blocks: list[BlockData] = field(default_factory=list)
    omitted: bool = False

    @property
    def anchor(self) -> str:
        return "section-" + self.number.replace(".", "-")

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}"


@dataclass(frozen=True)
class Document:
    title: str
    partnership: str
    subtitle: str
    """The year an annual report covers, or the meeting a board pack is for, in words."""
    language: str
    as_at: dt.datetime
    is_published: bool
    sections: list[DocumentSection]
    edition: int = 1

    @property
    def as_at_text(self) -> str:
        return f"{self.as_at:%-d %B %Y}"

    @property
    def as_at_iso(self) -> str:
        """The as-at date for a file's metadata (W3C form: with its offset, or the day alone)."""
        if timezone.is_aware(self.as_at):
            return self.as_at.isoformat(timespec="seconds")
        return self.as_at.date().isoformat()

    @property
    def status_text(self) -> str:
        status = f"published {self.as_at_text}" if self.is_published else f"draft as at {self.as_at_text}"
        # A corrected edition says which it is; the first says nothing, as it always has.
        return f"Edition {self.edition}, {status}" if self.edition > 1 else status[0].upper() + status[1:]

    @property
    def chart_count(self) -> int:
        return sum(len(block.charts) for section in self.sections for block in section.blocks)


def document_for(report: Report, *, now: dt.datetime | None = None) -> Document:
    """The report as a document. ``now`` is the as-at date of a draft (default: now)."""
    as_at = report.published_at if report.is_published and report.published_at else (now or timezone.now())
    as_at = timezone.localtime(as_at) if timezone.is_aware(as_at) else as_at
    sections = list(report.sections.select_related("parent").order_by("position", "pk"))
    blocks_by_section: dict[int, list[Block]] = {}
    for block in Block.objects.filter(section__report=report).order_by("section_id", "position", "pk"):
        blocks_by_section.setdefault(block.section_id, []).append(block)
    numbers = section_numbers(sections)
    today = as_at.date()
    return Document(
        title=report.title,
        partnership=report.partnership.name,
        subtitle=_subtitle(report),
        language=LANGUAGE,
        as_at=as_at,
        is_published=report.is_published,
        edition=report.edition,
        sections=[
            DocumentSection(
                number=numbers[section.pk],
                level=numbers[section.pk].count(".") + 1,
                title=section.title,
                narrative_html=to_html(section.body),
                blocks=[
                    _block_data(block, report=report, section=section, today=today)
                    for block in blocks_by_section.get(section.pk, [])
                ],
            )
            if not section.is_omitted
            else _omitted(section, numbers[section.pk])
            for section in sections
        ],
    )


def _omitted(section: Section, number: str) -> DocumentSection:
    """A section deliberately left out keeps its heading (readers find every number of the
    contents) and says, in place of its text and figures, that it is left out and why."""
    reason = escape(section.omitted_reason)
    return DocumentSection(
        number=number,
        level=number.count(".") + 1,
        title=section.title,
        narrative_html=f"<p><em>{OMITTED}</em> {reason}</p>",
        omitted=True,
    )


def section_numbers(sections: list[Section]) -> dict[int, str]:
    """Each section's number ("2", "2.1", "2.1.3") from its parent and its position among its
    siblings; ``sections`` are in report order (by position)."""
    numbers: dict[int, str] = {}
    counts: dict[int | None, int] = {}
    for section in sections:
        parent = section.parent_id if section.parent_id in numbers else None
        counts[parent] = counts.get(parent, 0) + 1
        prefix = f"{numbers[parent]}." if parent is not None else ""
        numbers[section.pk] = f"{prefix}{counts[parent]}"
    return numbers


def _subtitle(report: Report) -> str:
    if report.kind == Report.Kind.BOARD_PACK and report.meeting_id:
        meeting = report.meeting
        name = meeting.title or f"{meeting.body_name} meeting"
        return f"{name}, {meeting.held_on:%-d %B %Y}"
    if not report.year:
        return ""
    match = _YEAR.fullmatch(report.year.strip())
    if match is None:
        return f"Annual report {report.year}"
    start = int(match.group(1))
    return f"Annual report for April {start} to March {start + 1}"


def _block_data(block: Block, *, report: Report, section: Section, today: dt.date) -> BlockData:
    title = block.title
    if block.data is not None:
        try:
            data = BlockData.model_validate(block.data)
        except ValidationError:
            logger.exception("Block %s holds data of the wrong shape", block.pk)
            return _not_computed(title, today)
        return data.model_copy(update={"title": title}) if title else data
    if report.is_published:
        # Published content is only what was frozen: nothing is worked out again.
        return _not_computed(title, today)
    data, problem = compute_block(kind=block.kind, report=report, section=section, params=block.params, today=today)
    if problem:
        # A draft is still worth showing when one block fails; the log says which.
        return _not_computed(title, today)
    return data.model_copy(update={"title": title}) if title else data


def _not_computed(title: str, today: dt.date) -> BlockData:
    return BlockData(title=title, source="", as_at=today.isoformat(), empty=NOT_COMPUTED)
