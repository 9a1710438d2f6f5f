"""Writes the reports of the demo, through the same services people use: Shropshire's annual
report for 2014-15 made from the library's annual report template, its sections written (one by
the agency lead it was asked of), its evidence linked, accepted and published; and the pack for
the board's meeting of March 2015, left as a draft."""

import datetime as dt
from dataclasses import dataclass

from assure.accounts.models import User
from assure.actions.models import Action
from assure.demo import region
from assure.library.selectors import current_item
from assure.partnerships.models import Agency, Meeting, Partnership
from assure.performance.models import Indicator
from assure.section11.models import Cycle

from ..models import Report, Section
from ..services.evidence import evidence_add
from ..services.reports import board_pack_create, report_create, report_publish
from ..services.sections import section_accept, section_request, section_write
from . import content

ANNUAL_TEMPLATE = "annual-report"
BOARD_PACK_TEMPLATE = "board-pack"


class ReportsDemoFailed(Exception):
    """The demo's reports cannot be written: the message says why."""


@dataclass
class ReportsDemo:
    annual: Report
    board_pack: Report


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
        self._evidence(report)
        for section in report.sections.filter(status=Section.Status.WRITTEN):
            section_accept(section=section, actor=self.business_unit)
        return report_publish(report=report, actor=self.business_unit)

    def _body(self, section: Section) -> str:
        if section.key in content.SECTIONS:
            return content.SECTIONS[section.key]
        if section.key == "agency" and section.agency is not None:
            if section.agency_id == self.agencies[content.CONTRIBUTING_AGENCY].pk:
                return ""  # asked of the agency's own lead below
            return content.AGENCY_DEFAULT.format(agency=section.agency.name)
        priority = section.priority or (section.parent.priority if section.parent else None)
        if priority is None or priority.title not in content.PRIORITIES:
            return ""
        why, done, following = content.PRIORITIES[priority.title]
        return {"priority": why, "priority-done": done, "priority-next": following}.get(section.key, "")

    def _contribution(self, report: Report) -> None:
        agency = self.agencies[content.CONTRIBUTING_AGENCY]
        section = report.sections.get(key="agency", agency=agency)
        section_request(
            section=section,
            agency=agency,
            user=self.agency_lead,
            due_on=self.today + dt.timedelta(days=content.CONTRIBUTION_DUE_IN_DAYS),
            actor=self.business_unit,
        )
        section_write(section=section, body=content.CONTRIBUTION, actor=self.agency_lead)

    def _evidence(self, report: Report) -> None:
        cycles = list(Cycle.objects.filter(partnerships=self.partnership, year=content.YEAR).order_by("title"))
        for section in report.sections.filter(key="priority").select_related("priority"):
            wanted = content.EVIDENCE.get(section.priority.title, {})
            for code, note in wanted.get("indicators", {}).items():
                evidence_add(
                    section=section, actor=self.business_unit, indicator=Indicator.objects.get(code=code), note=note
                )
            if wanted.get("cycles"):
                for cycle in cycles:
                    evidence_add(section=section, actor=self.business_unit, cycle=cycle, note=wanted["cycles"])
            for title, note in wanted.get("actions", {}).items():
                action = Action.objects.get(partnership=self.partnership, title=title)
                evidence_add(section=section, actor=self.business_unit, action=action, note=note)

    def board_pack(self) -> Report:
        held_on = dt.date.fromisoformat(content.BOARD_PACK_MEETING)
        meeting = Meeting.objects.get(partnership=self.partnership, subgroup=None, held_on=held_on)
        pack = board_pack_create(meeting=meeting, template=_template(BOARD_PACK_TEMPLATE), actor=self.business_unit)
        for section in pack.sections.all():
            body = content.BOARD_PACK.get(section.key)
            if body:
                section_write(section=section, body=body, actor=self.business_unit)
        return pack


def reports_demo_load(
    *,
    partnerships: dict[str, Partnership],
    agencies: dict[str, Agency],
    users: dict[tuple[str, str], User],
    today: dt.date,
) -> ReportsDemo:
    """Write Shropshire's published annual report for 2014-15 and its draft board pack for the
    March 2015 meeting into the region the demo loader has just written."""
    writer = _Writer(partnership=partnerships[region.SHROPSHIRE], agencies=agencies, users=users, today=today)
    return ReportsDemo(annual=writer.annual(), board_pack=writer.board_pack())
