"""Asking agencies for figures in bulk: indicators chosen under their themes for every agency of
the types or sectors chosen, or a copy of what each agency was asked for in the round before."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url

from ..forms.returns import BulkAssignForm
from ..selectors.assignment import agencies_of_groups, agency_groups, indicators_by_theme, round_before
from ..selectors.returns import rounds_visible_to
from ..services.assignment import returns_assign_bulk, returns_assign_copied


@requires("performance.manage")
def round_assign_bulk(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the form. POST: ask the agencies chosen for the indicators chosen, or (``copy``) copy
    the round before; then back to who is asked for what, with what was added."""
    user, partnership = request.user, request.partnership
    round = get_object_or_404(rounds_visible_to(user=user, partnership=partnership), pk=pk)
    assign_url = partnership_url("performance:round_assign", partnership, pk=round.pk)
    previous = round_before(user=user, round=round)
    types, sectors = agency_groups(user=user, partnership=partnership)
    data = request.POST if request.method == "POST" and "copy" not in request.POST else None
    form = BulkAssignForm(data, themes=indicators_by_theme(), agency_types=types, sectors=sectors)
    if request.method == "POST" and "copy" in request.POST:
        try:
            result = returns_assign_copied(actor=user, round=round)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Copied from the returns for {previous.period}. {result.summary}")
            return redirect(assign_url)
    elif form.is_bound and form.is_valid():
        agencies = agencies_of_groups(
            user=user,
            partnership=partnership,
            agency_types=form.cleaned_data["agency_types"],
            sectors=form.cleaned_data["sectors"],
        )
        try:
            result = returns_assign_bulk(
                actor=user, round=round, indicators=form.cleaned_data["indicators"], agencies=agencies
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, result.summary)
            return redirect(assign_url)
    round_url = partnership_url("performance:round_detail", partnership, pk=round.pk)
    return render(
        request,
        "performance/returns/round_assign_bulk.html",
        {
            "round": round,
            "form": form,
            "previous": previous,
            "cancel_url": assign_url,
            "crumbs": crumbs(
                partnership,
                ("Returns", partnership_url("performance:returns", partnership)),
                (str(round.period), round_url),
                ("Who is asked for what", assign_url),
            ),
        },
    )
