"""Report records of one side of the permission matrix: a draft annual report of the side's
partnership with a section asked of the side's agency (so the agency lead persona reads and
writes it), a block with its data and a finished rendering."""

import datetime as dt

from assure.reports.models import Section
from assure.reports.tests.factories import (
    BlockFactory,
    RenderingFactory,
    ReportFactory,
    ReportTemplateFactory,
    SectionFactory,
)

REPORTS_SAMPLES = {
    "reports:report_detail": lambda s: {"pk": s.report.pk},
    "reports:report_refresh": lambda s: {"pk": s.report.pk},
    "reports:report_publish": lambda s: {"pk": s.report.pk},
    "reports:report_correct": lambda s: {"pk": s.report.pk},
    "reports:section_detail": lambda s: {"pk": s.report_section.pk},
    "reports:section_request": lambda s: {"pk": s.report_section.pk},
    "reports:section_accept": lambda s: {"pk": s.report_section.pk},
    "reports:section_return": lambda s: {"pk": s.report_section.pk},
    "reports:section_omit": lambda s: {"pk": s.report_section.pk},
    "reports:section_include": lambda s: {"pk": s.report_section.pk},
    "reports:section_remind": lambda s: {"pk": s.report_section.pk},
}


def report_records(partnership, agency, recorder) -> dict:
    report = ReportFactory(
        partnership=partnership, year="2014-15", template=ReportTemplateFactory(), created_by=recorder
    )
    section = SectionFactory(
        report=report,
        position=1,
        key="agencies",
        title=agency.name,
        agency=agency,
        # Who was asked does not decide access: writing for the agency does.
        requested_from=recorder,
        due_on=dt.date.today() + dt.timedelta(days=14),
        status=Section.Status.REQUESTED,
    )
    return {
        "report": report,
        "report_section": section,
        "report_block": BlockFactory(section=section),
        "report_rendering": RenderingFactory(report=report, requested_by=recorder),
    }
