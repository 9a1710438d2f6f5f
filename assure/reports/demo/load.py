"""Writes the reports of the demo, through the same services people use: Shropshire's annual
report for 2014-15 made from the library's annual report template, each agency's section written
with its figures in data blocks (one section by the agency lead it was asked of), its evidence
linked, accepted and published (dated in 2015, as it was); the pack for the board's meeting of
March 2015, left as a draft; and the current year's work, relative to the day the demo is
loaded: the draft annual report with sections asked of agency leads (one overdue), and the pack
of papers for the board's next meeting."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from assure.accounts.models import User
from assure.demo import meetings, people, region
from assure.library.selectors import current_item
from assure.partnerships.models import Agency, Meeting, Partnership

from ..models import Block, Report, Section
from ..services.blocks import block_add
from ..services.reports import board_pack_create, report_create, report_publish
from ..services.sections import section_accept, section_request, section_write
from . import agencies, content

ANNUAL_TEMPLATE = "annual-report"
BOARD_PACK_TEMPLATE = "board-pack"


class ReportsDemoFailed(Exception):
    """The demo's reports cannot be written: the message says why."""


@dataclass
class ReportsDemo:
    annual: Report
    board_pack: Report
    current_annual: Report
    next_board_pack: Report


def _template(code: str):
    template = current_item(kind="report-template", code=code)
    if template is None:
        raise ReportsDemoFailed(f"The library lacks the report template {code!r}: load it first.")
    return template


class _Writer:
    def __init__(self, *, partnership: Partnership, agencies: dict[str, Agency], users, today: dt.date):
        self.partnership = partnership
        self.agencies = agencies
        self.business_unit: User = users[(partnership.slug, "business-unit")]
        self.agency_lead: User = users[(partnership.slug, "agency-lead")]
        # Agency key → the partnership's demo agency lead who writes for it.
        self.leads: dict[str, User] = {
            spec.agency: users[(partnership.slug, spec.local_part or spec.role)]
            for spec in people.PEOPLE
            if spec.partnership == partnership.slug and spec.role == "agency-lead"
        }
        self.today = today

    def annual(self) -> Report:
        report = report_create(
            partnership=self.partnership,
            kind=Report.Kind.ANNUAL,
            template=_template(ANNUAL_TEMPLATE),
            actor=self.business_unit,
            year=content.YEAR,
        )
        sections = list(report.sections.select_related("priority", "agency", "parent__priority"))
        for section in sections:
            # A chair's section of the conclusion comes pre-filled with what the data say: the
            # chair (here the business unit on the chair's behalf) adopts it as written.
            body = self._body(section) or section.body
            if body:
                section_write(section=section, body=body, actor=self.business_unit)
        self._contribution(report)
        self._agency_blocks(report)
        for section in report.sections.filter(status=Section.Status.WRITTEN):
            section_accept(section=section, actor=self.business_unit)
        report = report_publish(report=report, actor=self.business_unit)
        self._dated_in_its_year(report)
        return report

    def _dated_in_its_year(self, report: Report) -> None:
        """The report was accepted and published in 2015: its records say so, not the day the
        demo happens to be loaded."""
        accepted = _moment(content.ACCEPTED_ON)
        published = _moment(content.PUBLISHED_ON)
        report.sections.filter(status=Section.Status.ACCEPTED).update(accepted_at=accepted, updated_at=accepted)
        report.sections.filter(requested_from__isnull=False).update(
            due_on=dt.date.fromisoformat(content.CONTRIBUTION_DUE)
        )
        for block in Block.objects.filter(section__report=report):
            block.data = {**block.data, "as_at": published.date().isoformat()} if block.data else block.data
            block.computed_at = published
            block.save(update_fields=["data", "computed_at"])
        Report.objects.filter(pk=report.pk).update(published_at=published)
        report.refresh_from_db()

    def _body(self, section: Section) -> str:
        if section.key in content.SECTIONS:
            return content.SECTIONS[section.key]
        if section.key == "agency" and section.agency is not None:
            key = self._agency_key(section.agency)
            if key == content.CONTRIBUTING_AGENCY:
                return ""  # asked of the agency's own lead below
            if key not in agencies.AGENCY_SECTIONS:
                raise ReportsDemoFailed(f"The demo has no section for {section.agency}: write one in agencies.py.")
            return agencies.AGENCY_SECTIONS[key].body
        if section.key == "priority" and section.priority is not None:
            # The year's review and its evidence are the business plan's, shown by the blocks.
            return content.PRIORITY_INTROS.get(section.priority.title, "")
        return ""

    def _agency_key(self, agency: Agency) -> str:
        return next(key for key, candidate in self.agencies.items() if candidate.pk == agency.pk)

    def _agency_blocks(self, report: Report) -> None:
        """Each agency's figures, as data blocks under its narrative."""
        for section in report.sections.filter(key="agency").select_related("agency"):
            spec = agencies.AGENCY_SECTIONS.get(self._agency_key(section.agency))
            for block in spec.blocks if spec else ():
                block_add(
                    section=section,
                    kind=spec.kind_of(block),
                    title=block.title,
                    params=block.params(),
                    actor=self.business_unit,
                )

    def _contribution(self, report: Report) -> None:
        agency = self.agencies[content.CONTRIBUTING_AGENCY]
        section = report.sections.get(key="agency", agency=agency)
        section_request(
            section=section,
            agency=agency,
            user=self.agency_lead,
            due_on=self.today,  # dated in 2015 once the report is published (_dated_in_its_year)
            actor=self.business_unit,
            today=self.today,
        )
        section_write(section=section, body=content.CONTRIBUTION, actor=self.agency_lead)

    def board_pack(self, held_on: dt.date, bodies: dict[str, str]) -> Report:
        meeting = Meeting.objects.get(partnership=self.partnership, subgroup=None, held_on=held_on)
        pack = board_pack_create(meeting=meeting, template=_template(BOARD_PACK_TEMPLATE), actor=self.business_unit)
        for section in pack.sections.all():
            body = bodies.get(section.key)
            if body:
                section_write(section=section, body=body, actor=self.business_unit)
        return pack

    def current_annual(self) -> Report:
        """The current year's annual report in draft, its agency sections asked of the agency
        leads the demo has: one due soon, one overdue."""
        report = report_create(
            partnership=self.partnership,
            kind=Report.Kind.ANNUAL,
            template=_template(ANNUAL_TEMPLATE),
            actor=self.business_unit,
            year=region.current_year(self.today),
        )
        for key, days in content.CURRENT_REQUESTS.items():
            agency = self.agencies[key]
            section = report.sections.get(key="agency", agency=agency)
            lead = self.leads[key]
            # Asked when there was still time; the due date is then set to where it stands now.
            section_request(
                section=section,
                agency=agency,
                user=lead,
                due_on=self.today + dt.timedelta(days=max(days, 0)),
                actor=self.business_unit,
                today=self.today,
            )
            if days < 0:
                Section.objects.filter(pk=section.pk).update(due_on=self.today + dt.timedelta(days=days))
        return report


def reports_demo_load(
    *,
    partnerships: dict[str, Partnership],
    agencies: dict[str, Agency],
    users: dict[tuple[str, str], User],
    today: dt.date,
) -> ReportsDemo:
    """Write Shropshire's published annual report for 2014-15, its draft board pack for the March
    2015 meeting, the current year's draft annual report and the pack for the next meeting into
    the region the demo loader has just written."""
    writer = _Writer(partnership=partnerships[region.SHROPSHIRE], agencies=agencies, users=users, today=today)
    return ReportsDemo(
        annual=writer.annual(),
        board_pack=writer.board_pack(dt.date.fromisoformat(content.BOARD_PACK_MEETING), content.BOARD_PACK),
        current_annual=writer.current_annual(),
        next_board_pack=writer.board_pack(
            today + dt.timedelta(days=meetings.NEXT_MEETING_IN_DAYS), content.NEXT_BOARD_PACK
        ),
    )


def _moment(day: str) -> dt.datetime:
    """Ten in the morning of the day, in Assure's time zone."""
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10)))
