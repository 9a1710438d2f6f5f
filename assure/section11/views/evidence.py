"""Evidence files: download (streamed only after the return's own visibility check) and removal."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assure.audit.services import event_record
from assure.core.access import requires

from ..forms.returns import EvidenceDeleteForm
from ..permissions import can_complete_for, may_complete
from ..services.returns import evidence_delete
from .common import criterion_url, find_evidence, return_trail, section11_crumbs


@requires("section11.view")
def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Stream the file as an attachment under its original name. Found through the returns the
    user may see, so anyone else gets 404; each download is recorded in the trail."""
    evidence = find_evidence(request, pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = evidence.response
    event_record(
        actor=request.user,
        verb="section11.evidence_downloaded",
        target=evidence,
        partnership=request.partnership,
        summary=f"Evidence file downloaded: {response.return_record.agency}, criterion {response.criterion}",
    )
    streamed = FileResponse(
        handle, as_attachment=True, filename=evidence.original_name, content_type=evidence.content_type
    )
    streamed["X-Content-Type-Options"] = "nosniff"
    streamed["Cache-Control"] = "private, no-store"
    return streamed


@requires("section11.complete")
def evidence_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    user, partnership = request.user, request.partnership
    evidence = find_evidence(request, pk)
    return_record = evidence.response.return_record
    if not can_complete_for(user=user, partnership=partnership, agency_id=return_record.agency_id):
        raise Http404
    editable = may_complete(user=user, partnership=partnership, return_record=return_record)
    form = EvidenceDeleteForm(request.POST or None)
    back = criterion_url(partnership, evidence.response)
    if request.method == "POST" and editable:
        try:
            evidence_delete(actor=user, partnership=partnership, evidence=evidence)
        except PermissionDenied:
            editable = False
        else:
            messages.success(request, f"“{evidence.original_name}” removed.")
            return redirect(back)
    return render(
        request,
        "section11/returns/evidence_delete.html",
        {
            "evidence": evidence,
            "return_record": return_record,
            "form": form,
            "is_editable": editable,
            "back": back,
            "crumbs": section11_crumbs(partnership, *return_trail(partnership, return_record)),
        },
    )
