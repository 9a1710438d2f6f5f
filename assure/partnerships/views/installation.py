"""The operator's pages of the installation's partnerships, under /installation/partnerships/: the
list of every partnership (names only), creating one, and inviting its first business unit
officer. None of them opens a partnership's records."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from assure.core.access import requires_installation
from assure.core.forms import attach

from .. import services
from ..forms import BusinessUnitInviteForm, PartnershipForm
from ..selectors import partnership_for_operator, partnerships_for_operator

CREATE = "partnerships.create"


def _crumbs() -> list[tuple[str, str]]:
    return [("Partnerships", reverse("installation_partnerships:list"))]


@requires_installation(CREATE)
def partnership_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "partnerships/installation/list.html",
        {"partnerships": partnerships_for_operator(user=request.user)},
    )


@requires_installation(CREATE)
def partnership_create(request: HttpRequest) -> HttpResponse:
    form = PartnershipForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            partnership = services.partnership_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{partnership.name} created. Now invite its first business unit officer.")
            return redirect("installation_partnerships:invite", slug=partnership.slug)
    return render(
        request,
        "partnerships/installation/create.html",
        {
            "form": form,
            "heading": "Create a partnership",
            "cancel_url": reverse("installation_partnerships:list"),
            "crumbs": _crumbs(),
        },
    )


@requires_installation(CREATE)
def business_unit_invite(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_for_operator(user=request.user, slug=slug)
    if partnership is None:
        raise Http404
    form = BusinessUnitInviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.business_unit_invite(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request,
                f"{membership.user} is the business unit of {partnership.name}: "
                f"an e-mail to {membership.user.email} has a link to choose their password.",
            )
            return redirect("installation_partnerships:list")
    return render(
        request,
        "partnerships/installation/invite.html",
        {
            "form": form,
            "partnership": partnership,
            "heading": f"Invite the business unit of {partnership.name}",
            "cancel_url": reverse("installation_partnerships:list"),
            "crumbs": _crumbs(),
        },
    )
