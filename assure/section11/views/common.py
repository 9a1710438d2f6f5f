"""What the Section 11 pages share: their breadcrumbs and finding records through selectors."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.partnerships.models import Partnership

from ..models import Cycle, EvidenceFile, Response, Return
from ..selectors.cycles import cycles_visible_to
from ..selectors.returns import evidence_visible_to, responses_visible_to, returns_visible_to


def section11_crumbs(partnership: Partnership, *trail: Crumb) -> list[Crumb]:
    """Breadcrumbs through Section 11's list of cycles, followed by ``trail``."""
    return crumbs(partnership, ("Section 11", partnership_url("section11:cycles", partnership)), *trail)


def return_trail(partnership: Partnership, return_record: Return) -> list[Crumb]:
    """The crumbs down to a return: its cycle, then the return."""
    cycle_url = partnership_url("section11:cycle_detail", partnership, pk=return_record.cycle_id)
    return_url = partnership_url("section11:return_detail", partnership, pk=return_record.pk)
    return [(return_record.cycle.title, cycle_url), (str(return_record.agency), return_url)]


def criterion_url(partnership: Partnership, response: Response) -> str:
    """The return's page, at the criterion this response answers."""
    return_url = partnership_url("section11:return_detail", partnership, pk=response.return_record_id)
    return f"{return_url}#criterion-{response.criterion}"


def find_cycle(request: HttpRequest, pk: int) -> Cycle:
    return get_object_or_404(cycles_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def find_return(request: HttpRequest, pk: int) -> Return:
    return get_object_or_404(returns_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def find_response(request: HttpRequest, pk: int) -> Response:
    return get_object_or_404(responses_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def find_evidence(request: HttpRequest, pk: int) -> EvidenceFile:
    return get_object_or_404(evidence_visible_to(user=request.user, partnership=request.partnership), pk=pk)
