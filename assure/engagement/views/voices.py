"""The pages of voices heard: the register (filtered, searched, downloaded), a voice's page, recording
and changing a voice (warned when the words seem to name someone), the business unit's review, a
voice chosen for the annual report or taken out of it, and a removal confirmed. The board
(``engagement.view``) reads the voices that may be quoted; only the business unit
(``engagement.manage``) reads the others and changes anything.

The words are people's own, so no page of them is kept by a browser's or a proxy's cache."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response

from ..forms_voices import APPROVE, ConfirmForm, ReviewForm, VoiceForm, voice_initial
from ..models import Voice
from ..permissions import can_manage
from ..selectors.voices import (
    priorities_heard,
    priority_choices,
    source_choices,
    source_titles,
    voice_for,
    voice_years,
    voices_visible_to,
)
from ..services.voices import voice_choose, voice_create, voice_delete, voice_review, voice_unchoose, voice_update
from ..tables_voices import VoiceFilter, VoiceTable

TITLE = "Voices heard"


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def voices_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("engagement:voices", partnership)), *trail)


def voice_url(partnership, voice: Voice) -> str:
    return partnership_url("engagement:voice_detail", partnership, pk=voice.pk)


def _voice_crumbs(partnership, voice: Voice, here: str) -> list[Crumb]:
    return voices_crumbs(
        partnership, (f"Heard {voice.heard_on:%-d %B %Y}", voice_url(partnership, voice)), (here, None)
    )


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _voice(request: HttpRequest, pk: int) -> Voice:
    voice = voice_for(user=request.user, partnership=request.partnership, pk=pk)
    if voice is None:
        raise Http404
    return voice


@requires("engagement.view")
def voice_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    manager = can_manage(user=request.user, partnership=partnership)
    filterset = VoiceFilter(
        request.GET or None,
        queryset=voices_visible_to(user=request.user, partnership=partnership),
        request=request,
        sources=source_choices(),
        priorities=priorities_heard(user=request.user, partnership=partnership),
        years=voice_years(user=request.user, partnership=partnership),
        show_status=manager,
    )
    table = VoiceTable(filterset.qs, partnership=partnership, sources=source_titles())
    if not manager:
        table.columns.hide("status")
    return _private(
        register_response(
            request,
            table=table,
            filterset=filterset,
            template="engagement/voice_list.html",
            context={"crumbs": crumbs(partnership, (TITLE, None)), "may_manage": manager},
            export_name=f"{partnership.slug}-voices",
        )
    )


def _form_page(request: HttpRequest, form: VoiceForm, warning: str, context: dict) -> HttpResponse:
    return _private(render(request, "engagement/voice_form.html", {"form": form, "warning": warning, **context}))


def _save(request: HttpRequest, form: VoiceForm, save) -> tuple[HttpResponse | None, str]:
    """Save a valid form through ``save(values)`` unless its words must first be warned about;
    returns the redirect (or None to show the form again) and the warning to show."""
    warning = form.warning()
    if warning:
        form.warn()
        return None, warning
    try:
        return save(form.service_values()), ""
    except ValidationError as error:
        attach(form, error)
        return None, ""


@requires("engagement.manage")
def voice_create_view(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = VoiceForm(_posted(request), priorities=priority_choices(user=request.user, partnership=partnership))
    warning = ""
    if request.method == "POST" and form.is_valid():

        def save(values):
            voice = voice_create(actor=request.user, partnership=partnership, values=values)
            messages.success(request, "The voice is recorded. Review it before it is quoted.")
            return redirect(voice_url(partnership, voice))

        done, warning = _save(request, form, save)
        if done is not None:
            return done
    return _form_page(
        request,
        form,
        warning,
        {
            "heading": "Record a voice",
            "button": "Record the voice",
            "cancel_url": partnership_url("engagement:voices", partnership),
            "crumbs": voices_crumbs(partnership, ("Record a voice", None)),
        },
    )


@requires("engagement.view")
def voice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    voice = _voice(request, pk)
    return _private(
        render(
            request,
            "engagement/voice_detail.html",
            {
                "voice": voice,
                "source": source_titles().get(voice.source_type, voice.source_type),
                "may_manage": can_manage(user=request.user, partnership=partnership),
                "crumbs": voices_crumbs(partnership, (f"Heard {voice.heard_on:%-d %B %Y}", None)),
            },
        )
    )


@requires("engagement.manage")
def voice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    voice = _voice(request, pk)
    form = VoiceForm(
        _posted(request),
        priorities=priority_choices(user=request.user, partnership=partnership),
        initial=voice_initial(voice),
    )
    warning = ""
    if request.method == "POST" and form.is_valid():

        def save(values):
            was_reviewed = voice.status != Voice.Status.TO_REVIEW
            changed = voice_update(actor=request.user, voice=voice, values=values)
            if not changed:
                messages.success(request, "Nothing was changed.")
            elif was_reviewed and voice.status == Voice.Status.TO_REVIEW:
                messages.success(request, "The voice is changed: review it again before it is quoted.")
            else:
                messages.success(request, "The voice is changed.")
            return redirect(voice_url(partnership, voice))

        done, warning = _save(request, form, save)
        if done is not None:
            return done
    return _form_page(
        request,
        form,
        warning,
        {
            "voice": voice,
            "heading": "Change the voice",
            "button": "Save the changes",
            "cancel_url": voice_url(partnership, voice),
            "crumbs": _voice_crumbs(partnership, voice, "Change"),
        },
    )


@requires("engagement.manage")
def voice_review_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    voice = _voice(request, pk)
    initial = {}
    if voice.status != Voice.Status.TO_REVIEW:
        initial = {"decision": APPROVE if voice.status == Voice.Status.APPROVED else "withhold"}
        initial["reason"] = voice.withheld_reason
    form = ReviewForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == APPROVE
        try:
            voice_review(actor=request.user, voice=voice, approve=approve, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, "The voice may be quoted." if approve else "The voice is not to be quoted.")
            return redirect(voice_url(partnership, voice))
    return _private(
        render(
            request,
            "engagement/voice_review.html",
            {
                "voice": voice,
                "source": source_titles().get(voice.source_type, voice.source_type),
                "form": form,
                "cancel_url": voice_url(partnership, voice),
                "crumbs": _voice_crumbs(partnership, voice, "Review"),
            },
        )
    )


def _choice(request: HttpRequest, pk: int, *, choose: bool) -> HttpResponse:
    partnership = request.partnership
    voice = _voice(request, pk)
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            (voice_choose if choose else voice_unchoose)(actor=request.user, voice=voice)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(
                request,
                "The voice is chosen for the annual report."
                if choose
                else "The voice is taken out of the annual report.",
            )
            return redirect(voice_url(partnership, voice))
    here = "Choose for the annual report" if choose else "Take out of the annual report"
    return _private(
        render(
            request,
            "engagement/voice_choose.html",
            {
                "voice": voice,
                "source": source_titles().get(voice.source_type, voice.source_type),
                "choose": choose,
                "form": form,
                "back": voice_url(partnership, voice),
                "crumbs": _voice_crumbs(partnership, voice, here),
            },
        )
    )


@requires("engagement.manage")
def voice_choose_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _choice(request, pk, choose=True)


@requires("engagement.manage")
def voice_unchoose_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _choice(request, pk, choose=False)


@requires("engagement.manage")
def voice_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    voice = _voice(request, pk)
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            voice_delete(actor=request.user, voice=voice)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, "The voice is removed.")
            return redirect(partnership_url("engagement:voices", partnership))
    return _private(
        render(
            request,
            "engagement/voice_delete.html",
            {
                "voice": voice,
                "source": source_titles().get(voice.source_type, voice.source_type),
                "form": form,
                "back": voice_url(partnership, voice),
                "crumbs": _voice_crumbs(partnership, voice, "Remove"),
            },
        )
    )
