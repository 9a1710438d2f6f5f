"""Pausing a child death review while legal processes run, and resuming it (the child death review
manager with the ``cdop`` grant). The pages name the death by its reference only, but they are
about one child: each read is logged and the page is sent ``no-store``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.utils.cache import patch_cache_control

from assure.audit.services import restricted_read_record
from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url

from ..forms_clocks import PauseForm, ResumeForm
from ..models import ChildDeath
from ..permissions import CDOP_AREA, ensure_can_manage_cases
from ..selectors.panels import death_for
from ..services.clocks import death_pause, death_resume, pause_reasons


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _death(request: HttpRequest, pk: int) -> ChildDeath:
    ensure_can_manage_cases(user=request.user, partnership=request.partnership)
    death = death_for(user=request.user, partnership=request.partnership, pk=pk)
    if death is None:
        raise Http404
    return death


def _url(name: str, partnership, **kwargs) -> str:
    try:
        return partnership_url(name, partnership, **kwargs)
    except NoReverseMatch:  # the deaths part's pages are not there (yet)
        return partnership_url("cdop:panels", partnership)


def _detail_url(request: HttpRequest, death: ChildDeath) -> str:
    return _url("cdop:death_detail", request.partnership, pk=death.pk)


def _page(request: HttpRequest, death: ChildDeath, context: dict) -> HttpResponse:
    restricted_read_record(
        user=request.user,
        partnership=request.partnership,
        area=CDOP_AREA,
        record=death,
        label=f"Child death {death.reference}: {context['heading'].lower()}",
    )
    detail = _detail_url(request, death)
    return _private(
        render(
            request,
            "cdop/pause_form.html",
            {
                "death": death,
                "cancel_url": detail,
                "crumbs": crumbs(
                    request.partnership,
                    ("Child deaths", _url("cdop:deaths", request.partnership)),
                    (death.reference, detail),
                    (context["heading"], None),
                ),
                **context,
            },
        )
    )


@requires("cdop.manage")
def pause(request: HttpRequest, pk: int) -> HttpResponse:
    death = _death(request, pk)
    form = PauseForm(request.POST or None, reasons=pause_reasons())
    blocked = "" if death.status == ChildDeath.Status.NOTIFIED else f"{death.reference} is not awaiting the panel."
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            death_pause(actor=request.user, partnership=request.partnership, death=death, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{death.reference} paused. Its review clock stands still until it resumes.")
            return redirect(_detail_url(request, death))
    return _page(
        request,
        death,
        {
            "form": form,
            "blocked": blocked,
            "heading": "Pause the review",
            "lede": "Pause the review while legal processes run, such as an inquest or criminal proceedings. "
            "The days paused are not counted towards the panel's review.",
            "button": "Pause the review",
        },
    )


@requires("cdop.manage")
def resume(request: HttpRequest, pk: int) -> HttpResponse:
    death = _death(request, pk)
    form = ResumeForm(request.POST or None)
    blocked = "" if death.status == ChildDeath.Status.PAUSED else f"{death.reference} is not paused."
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            death_resume(actor=request.user, partnership=request.partnership, death=death, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{death.reference} resumed.")
            return redirect(_detail_url(request, death))
    return _page(
        request,
        death,
        {
            "form": form,
            "blocked": blocked,
            "heading": "Resume the review",
            "lede": f"Paused since {death.paused_on:%-d %B %Y}." if death.paused_on else "",
            "button": "Resume the review",
        },
    )
