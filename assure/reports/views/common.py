"""What the report pages share: their breadcrumbs, finding records through selectors, and the
data of a POST."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.partnerships.models import Partnership

from ..models import Report, Section
from ..selectors.reports import reports_visible_to, sections_visible_to


def reports_crumbs(partnership: Partnership, *trail: Crumb) -> list[Crumb]:
    """Breadcrumbs through the list of reports, followed by ``trail``."""
    return crumbs(partnership, ("Reports", partnership_url("reports:reports", partnership)), *trail)


def report_trail(partnership: Partnership, report: Report) -> list[Crumb]:
    """The crumb of a report's page."""
    return [(report.title, partnership_url("reports:report_detail", partnership, pk=report.pk))]


def section_trail(partnership: Partnership, section: Section) -> list[Crumb]:
    """The crumbs down to a section: its report, then the section."""
    section_url = partnership_url("reports:section_detail", partnership, pk=section.pk)
    return [*report_trail(partnership, section.report), (section.title, section_url)]


def find_report(request: HttpRequest, pk: int) -> Report:
    return get_object_or_404(reports_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def find_section(request: HttpRequest, pk: int) -> Section:
    return get_object_or_404(sections_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def posted(request: HttpRequest):
    """The form data of a POST (even an empty one: a confirmation has no fields), else None."""
    return request.POST if request.method == "POST" else None
