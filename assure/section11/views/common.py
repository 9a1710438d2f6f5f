"""What the Section 11 pages share: addresses, breadcrumbs, finding records through selectors,
and showing a service's errors on a form."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse

from ..models import Cycle, EvidenceFile, Response, Return
from ..selectors.cycles import cycles_visible_to
from ..selectors.returns import evidence_visible_to, responses_visible_to, returns_visible_to


def url(name: str, request: HttpRequest, **kwargs) -> str:
    return reverse(f"section11:{name}", kwargs={"partnership": request.partnership.slug, **kwargs})


def crumbs(request: HttpRequest, *trail: tuple[str, str]) -> list[tuple[str, str]]:
    partnership = request.partnership
    home = reverse("partnerships:home", kwargs={"partnership": partnership.slug})
    return [(partnership.short_name or partnership.name, home), ("Section 11", url("cycles", request)), *trail]


def return_crumbs(request: HttpRequest, return_record: Return, *trail: tuple[str, str]) -> list[tuple[str, str]]:
    return crumbs(
        request,
        (return_record.cycle.title, url("cycle_detail", request, pk=return_record.cycle_id)),
        (str(return_record.agency), url("return_detail", request, pk=return_record.pk)),
        *trail,
    )


def find_cycle(request: HttpRequest, pk: int) -> Cycle:
    return get_object_or_404(cycles_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def find_return(request: HttpRequest, pk: int) -> Return:
    return get_object_or_404(returns_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def find_response(request: HttpRequest, pk: int) -> Response:
    return get_object_or_404(responses_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def find_evidence(request: HttpRequest, pk: int) -> EvidenceFile:
    return get_object_or_404(evidence_visible_to(user=request.user, partnership=request.partnership), pk=pk)
