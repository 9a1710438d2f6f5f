"""What the report pages share: addresses, breadcrumbs, finding records through selectors, and
showing a service's errors on a form."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse

from ..models import Evidence, Report, Section
from ..selectors.reports import evidence_visible_to, reports_visible_to, sections_visible_to


def url(name: str, request: HttpRequest, **kwargs) -> str:
    return reverse(f"reports:{name}", kwargs={"partnership": request.partnership.slug, **kwargs})


def crumbs(request: HttpRequest, *trail: tuple[str, str]) -> list[tuple[str, str]]:
    partnership = request.partnership
    home = reverse("partnerships:home", kwargs={"partnership": partnership.slug})
    return [(partnership.short_name or partnership.name, home), ("Reports", url("reports", request)), *trail]


def report_crumbs(request: HttpRequest, report: Report, *trail: tuple[str, str]) -> list[tuple[str, str]]:
    return crumbs(request, (report.title, url("report_detail", request, pk=report.pk)), *trail)


def find_report(request: HttpRequest, pk: int) -> Report:
    return get_object_or_404(reports_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def find_section(request: HttpRequest, pk: int) -> Section:
    return get_object_or_404(sections_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def find_evidence(request: HttpRequest, pk: int) -> Evidence:
    return get_object_or_404(evidence_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def posted(request: HttpRequest):
    """The form data of a POST (even an empty one: a confirmation has no fields), else None."""
    return request.POST if request.method == "POST" else None
