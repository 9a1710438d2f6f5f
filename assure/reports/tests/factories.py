"""Factories of report records. The template factory writes a small report template straight into
the library tables (three top sections: one repeated per priority, one written by each board
agency, and the chair's conclusion carrying a ``conclusion-question`` block, with a nested
section under it), so tests do not depend on the shipped templates' content."""

import datetime as dt
import secrets

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from assure.library.models import LibraryDocument, LibraryItem
from assure.reports.models import Block, Rendering, Report, Section


def report_template_data(report_kind: str = "annual") -> dict:
    """The item data of a small report template (see ReportTemplateItem)."""
    return {
        "description": "A small report template for tests.",
        "report_kind": report_kind,
        "sections": [
            {
                "key": "priorities",
                "title": "Performance against the priorities",
                "guidance": "What was done for the priority and what difference it made.",
                "repeat": "per_priority",
                "blocks": [{"kind": "priority-impact", "title": "Impact", "params": {}}],
            },
            {
                "key": "agencies",
                "title": "Local arrangements",
                "guidance": "How well the agency keeps children safe, with evidence.",
                "written_by": "agency",
                "repeat": "per_agency",
            },
            {
                "key": "conclusion",
                "title": "Conclusion",
                "guidance": "Is the partnership effective? Answer from the evidence.",
                "written_by": "chair",
                "blocks": [{"kind": "conclusion-question", "title": "What the data say", "params": {"question": 1}}],
                "sections": [
                    {
                        "key": "next-year",
                        "title": "The year ahead",
                        "guidance": "The board's priorities for next year.",
                        "blocks": [{"kind": "no-such-block", "title": "Unknown", "params": {}}],
                    }
                ],
            },
        ],
    }


class ReportTemplateDocumentFactory(DjangoModelFactory):
    class Meta:
        model = LibraryDocument

    urn = factory.Sequence(lambda n: f"urn:test:report-template-{n}")
    version = 1
    kind = "report-template"
    provider = "assure"
    title = factory.Sequence(lambda n: f"Test report template {n}")
    checksum = factory.Sequence(lambda n: f"{n:064d}")
    source_path = "tests/report-template.yaml"
    content = factory.LazyFunction(dict)


class ReportTemplateFactory(DjangoModelFactory):
    """A `report-template` library item; ``report_kind`` "annual" (default) or "board_pack";
    ``data`` may be given whole to try another structure."""

    class Meta:
        model = LibraryItem
        exclude = ("report_kind",)

    class Params:
        report_kind = "annual"

    document = factory.SubFactory(ReportTemplateDocumentFactory)
    urn = factory.LazyAttribute(lambda o: f"{o.document.urn}:item")
    kind = "report-template"
    code = factory.Sequence(lambda n: f"test-report-template-{n}")
    title = factory.LazyAttribute(lambda o: o.document.title)
    position = 0
    data = factory.LazyAttribute(lambda o: report_template_data(o.report_kind))


class ReportFactory(DjangoModelFactory):
    """A draft annual report with no sections (``report_create`` makes them from the template)."""

    class Meta:
        model = Report

    partnership = factory.SubFactory("assure.partnerships.tests.factories.PartnershipFactory")
    kind = Report.Kind.ANNUAL
    title = factory.LazyAttribute(lambda o: f"Annual report {o.year}")
    year = factory.Sequence(lambda n: f"{2000 + n % 90}-{(1 + n % 90) % 100:02d}")
    template = factory.SubFactory(ReportTemplateFactory)
    created_by = factory.SubFactory("assure.accounts.tests.factories.UserFactory")


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section

    report = factory.SubFactory(ReportFactory)
    position = factory.Sequence(lambda n: n + 1)
    key = factory.Sequence(lambda n: f"section-{n}")
    title = factory.Sequence(lambda n: f"Section {n}")
    guidance = "What the section should say."


def block_data(title: str = "Referrals", as_at: str = "2015-03-31") -> dict:
    """A BlockData dict made by hand: one sentence and one table."""
    return {
        "title": title,
        "source": "Children's social care returns",
        "as_at": as_at,
        "paragraphs": ["There were 2,626 referrals, an increase of 15.5% on the previous year's figure."],
        "tables": [
            {
                "caption": "Referrals by year",
                "columns": ["Year", "Referrals"],
                "rows": [["2013-14", "2,274"], ["2014-15", "2,626"]],
                "numeric": [False, True],
            }
        ],
        "charts": [],
        "empty": "",
    }


class BlockFactory(DjangoModelFactory):
    class Meta:
        model = Block

    section = factory.SubFactory(SectionFactory)
    position = 0
    kind = "childs-journey"
    title = "Referrals"
    params = factory.LazyFunction(dict)
    data = factory.LazyAttribute(lambda o: block_data(o.title))
    computed_at = factory.LazyFunction(timezone.now)


class RenderingFactory(DjangoModelFactory):
    class Meta:
        model = Rendering

    report = factory.SubFactory(ReportFactory)
    format = Rendering.Format.PDF
    status = Rendering.Status.DONE
    progress = 100
    token = factory.LazyFunction(lambda: secrets.token_hex(16))
    file = factory.django.FileField(data=b"%PDF-1.7\n%%EOF\n", filename="report.pdf")
    size = 15
    requested_by = factory.SubFactory("assure.accounts.tests.factories.UserFactory")
    finished_at = factory.LazyFunction(timezone.now)


def ready_to_publish(report: Report, actor) -> Report:
    """Write (where it is not written) and accept every section not yet accepted or left out, as
    the business unit: publishing waits for every section."""
    from assure.reports.services.sections import section_accept, section_write

    for section in report.sections.exclude(status__in=[Section.Status.ACCEPTED, Section.Status.OMITTED]):
        if section.status != Section.Status.WRITTEN:
            section_write(section=section, body=section.body or f"What {section.title} says.", actor=actor)
        section_accept(section=section, actor=actor)
    return report


def due_date(days: int = 14) -> dt.date:
    return dt.date.today() + dt.timedelta(days=days)
