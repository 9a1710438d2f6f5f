"""Making a report's sections from its template: the template's tree, in order, with the
repeated sections copied once per priority of the business plan or per board agency of the
partnership."""

from django.db.models import Q

from assure.library.schemas import ReportSectionSpec
from assure.partnerships.models import Agency, PartnershipAgency
from assure.partnerships.years import financial_year_bounds
from assure.plans.selectors import priorities_for_year

from ..blocks.kinds._common import report_reader
from ..models import Block, Report, Section
from ..selectors.templates import template_of


def board_agencies(report: Report) -> list[Agency]:
    """The agencies on the board in the report's year (or today, for a report with no year)."""
    links = PartnershipAgency.objects.filter(partnership=report.partnership, on_board=True)
    if report.year:
        start, end = financial_year_bounds(report.year)
        links = links.filter(Q(joined_on__isnull=True) | Q(joined_on__lte=end)).filter(
            Q(left_on__isnull=True) | Q(left_on__gte=start)
        )
    else:
        links = links.filter(left_on__isnull=True)
    return [link.agency for link in links.select_related("agency").order_by("agency__name")]


class _Builder:
    def __init__(self, report: Report):
        self.report = report
        self.position = 0
        # The priorities of the business plan covering the report's year.
        partnership = report.partnership
        self.priorities = priorities_for_year(
            user=report_reader(partnership), partnership=partnership, year=report.year or ""
        )
        self.agencies = board_agencies(report)

    def build(self, specs: list[ReportSectionSpec], parent: Section | None = None, *, priority=None, agency=None):
        for spec in specs:
            if spec.repeat == "per_priority":
                for number, each in enumerate(self.priorities, start=1):
                    self._make(spec, parent, title=f"Priority {number} – {each.title}", priority=each, agency=agency)
            elif spec.repeat == "per_agency":
                for each in self.agencies:
                    self._make(spec, parent, title=each.name, priority=priority, agency=each)
            else:
                self._make(spec, parent, title=spec.title, priority=priority, agency=agency)

    def _make(self, spec: ReportSectionSpec, parent, *, title: str, priority, agency) -> None:
        self.position += 1
        section = Section.objects.create(
            report=self.report,
            parent=parent,
            position=self.position,
            key=spec.key,
            title=title[:200],
            guidance=spec.guidance,
            priority=priority,
            agency=agency,
        )
        Block.objects.bulk_create(
            Block(section=section, position=index, kind=block.kind, title=block.title, params=block.params)
            for index, block in enumerate(spec.blocks)
        )
        # The sections under a repeated one are about the same priority or agency.
        self.build(spec.sections, section, priority=priority, agency=agency)


def sections_build(report: Report) -> int:
    """Create the report's sections and blocks from its template; the number of sections."""
    builder = _Builder(report)
    builder.build(template_of(report.template).sections)
    return builder.position
