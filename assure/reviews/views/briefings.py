"""The partnership's pages of learning briefings: the register (filtered, exported), a briefing
written or changed on the partnership's layout, its page (as the public will read it, with its
status, history and what may be done next), and its publication and withdrawal, each asked for
first. Each view finds the briefing through ``briefings_visible_to``, so one the person may not see
answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response
from assure.partnerships.models import Agency
from assure.questionnaires.identifying import identifying_warning

from ..filters_briefings import BriefingFilter
from ..forms_briefings import BriefingForm, WithdrawForm, section_field
from ..models import Briefing
from ..permissions import can_manage_briefings, may_publish_briefing, may_withdraw_briefing
from ..selectors.briefings import (
    briefing_events,
    briefing_source_label,
    briefing_withdrawal,
    briefings_visible_to,
    layout_for,
    layout_of,
    review_choices,
    written_sections,
)
from ..services.briefings import (
    briefing_create,
    briefing_publish,
    briefing_update,
    briefing_withdraw,
    missing_sections,
)
from ..tables_briefings import BriefingTable, briefing_status_tag

TITLE = "Learning briefings"


def _crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, (TITLE, partnership_url("reviews:briefings", partnership)), *trail)


def _briefing(request: HttpRequest, pk: int) -> Briefing:
    return get_object_or_404(briefings_visible_to(user=request.user, partnership=request.partnership), pk=pk)


def _detail_url(briefing: Briefing) -> str:
    return partnership_url("reviews:briefing_detail", briefing.partnership, pk=briefing.pk)


def public_url(briefing: Briefing) -> str:
    """The briefing's address on the partnership's public learning page."""
    return reverse("learning:briefing", kwargs={"partnership": briefing.partnership.slug, "slug": briefing.slug})


def _known_names(partnership) -> list[str]:
    """Names that never count as a person's: the partnership's own and its agencies'."""
    agencies = Agency.objects.filter(partnership_links__partnership=partnership).values_list("name", flat=True)
    return [partnership.name, partnership.short_name, partnership.la_name, *agencies]


# --- the register ----------------------------------------------------------------------------------


@requires("reviews.view")
def register(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    briefings = briefings_visible_to(user=request.user, partnership=partnership)
    filterset = BriefingFilter(request.GET or None, queryset=briefings, request=request)
    return register_response(
        request,
        table=BriefingTable(filterset.qs),
        filterset=filterset,
        template="reviews/briefings/register.html",
        context={
            "can_manage": can_manage_briefings(user=request.user, partnership=partnership),
            "public_index": reverse("learning:index", kwargs={"partnership": partnership.slug}),
            "crumbs": crumbs(partnership, (TITLE, None)),
        },
        export_name=f"{partnership.slug}-learning-briefings",
    )


# --- writing and changing -----------------------------------------------------------------------


def _form_page(request: HttpRequest, form: BriefingForm, *, briefing: Briefing | None, warnings=()) -> HttpResponse:
    trail = [(briefing.title, _detail_url(briefing)), ("Change", None)] if briefing else [("Write a briefing", None)]
    return render(
        request,
        "reviews/briefings/briefing_form.html",
        {
            "form": form,
            "briefing": briefing,
            "layout": form.layout,
            "warnings": warnings,
            "crumbs": _crumbs(request.partnership, *trail),
        },
    )


def _warned_again(request: HttpRequest, form: BriefingForm, form_kwargs: dict) -> tuple[BriefingForm, list] | None:
    """When what was typed looks as if it names someone and the person has not yet seen the
    warning: the form to show again (sending it again keeps what was typed), each warning in its
    section's hint, and the warnings by label; else None."""
    found = form.warnings()
    if not found or form.cleaned_data.get("checked"):
        return None
    data = request.POST.copy()
    data["checked"] = "True"
    shown = BriefingForm(data, **form_kwargs)
    shown.is_valid()
    for name, text in found.items():
        field = shown.fields[name]
        field.help_text = f"{field.help_text} Warning: {text}." if field.help_text else f"Warning: {text}."
    return shown, [(shown[name].label, text) for name, text in found.items()]


@requires("reviews.manage")
def create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    item = layout_for(partnership, request.GET.get("layout") or None)
    if item is None:
        raise Http404("The library holds no briefing layout.")
    form_kwargs = {
        "layout": layout_of(item),
        "reviews": review_choices(user=request.user, partnership=partnership),
        "known_names": _known_names(partnership),
    }
    form = BriefingForm(request.POST if request.method == "POST" else None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        warned = _warned_again(request, form, form_kwargs)
        if warned:
            return _form_page(request, warned[0], briefing=None, warnings=warned[1])
        try:
            briefing = briefing_create(actor=request.user, partnership=partnership, layout=item, **form.values())
        except ValidationError as error:
            attach(form, _on_fields(error))
        else:
            messages.success(request, f"Briefing saved as a draft: {briefing.title}.")
            return redirect(_detail_url(briefing))
    return _form_page(request, form, briefing=None)


def _on_fields(error: ValidationError) -> ValidationError:
    """A service's errors keyed by section code, keyed by the form's field for that section."""
    if not hasattr(error, "error_dict"):
        return error
    plain = {"title", "source", "review", "source_note", "layout"}
    return ValidationError(
        {name if name in plain else section_field(name): texts for name, texts in error.message_dict.items()}
    )


@requires("reviews.manage")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    briefing = _briefing(request, pk)
    form_kwargs = {
        "layout": layout_of(briefing.layout),
        "reviews": review_choices(user=request.user, partnership=partnership),
        "known_names": _known_names(partnership),
    }
    form = BriefingForm(
        request.POST if request.method == "POST" else None, initial=BriefingForm.initial_for(briefing), **form_kwargs
    )
    if request.method == "POST" and form.is_valid():
        warned = _warned_again(request, form, {**form_kwargs, "initial": BriefingForm.initial_for(briefing)})
        if warned:
            return _form_page(request, warned[0], briefing=briefing, warnings=warned[1])
        try:
            changed = briefing_update(actor=request.user, briefing=briefing, **form.values())
        except ValidationError as error:
            attach(form, _on_fields(error))
        else:
            if changed:
                live = " The public learning page shows the change now." if briefing.is_published else ""
                messages.success(request, f"Briefing saved: {briefing.title}.{live}")
            else:
                messages.info(request, "Nothing was changed.")
            return redirect(_detail_url(briefing))
    return _form_page(request, form, briefing=briefing)


# --- a briefing ------------------------------------------------------------------------------------


@requires("reviews.view")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    briefing = _briefing(request, pk)
    user, partnership = request.user, request.partnership
    manages = can_manage_briefings(user=user, partnership=partnership)
    known = _known_names(partnership)
    sections = written_sections(briefing)
    # Those who may change it are warned of a section that looks as if it names someone.
    rows = [(s, identifying_warning(s.text, known=known) if manages else None) for s in sections]
    return render(
        request,
        "reviews/briefings/detail.html",
        {
            "briefing": briefing,
            "status_tag": briefing_status_tag(briefing),
            "source_label": briefing_source_label(briefing),
            "rows": rows,
            "missing": missing_sections(briefing),
            "withdrawal": briefing_withdrawal(user=user, briefing=briefing),
            "events": briefing_events(user=user, briefing=briefing)[:20],
            "can_manage": manages,
            "may_publish": may_publish_briefing(user=user, briefing=briefing),
            "may_withdraw": may_withdraw_briefing(user=user, briefing=briefing),
            "public_url": public_url(briefing) if briefing.is_published else "",
            "crumbs": _crumbs(partnership, (briefing.title, None)),
        },
    )


@requires("reviews.manage")
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    briefing = _briefing(request, pk)
    if not may_publish_briefing(user=request.user, briefing=briefing):
        raise Http404
    problem = ""
    if request.method == "POST":
        try:
            briefing_publish(actor=request.user, briefing=briefing)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"Briefing published on the public learning page: {briefing.title}.")
            return redirect(_detail_url(briefing))
    missing = missing_sections(briefing)
    if missing and not problem:
        problem = f"Write every required section before you publish. Not yet written: {', '.join(missing)}."
    return render(
        request,
        "reviews/briefings/publish.html",
        {
            "briefing": briefing,
            "problem": problem,
            "blocked": bool(missing),
            "address": request.build_absolute_uri(public_url(briefing)),
            "cancel_url": _detail_url(briefing),
            "crumbs": _crumbs(request.partnership, (briefing.title, _detail_url(briefing)), ("Publish", None)),
        },
    )


@requires("reviews.manage")
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    briefing = _briefing(request, pk)
    if not may_withdraw_briefing(user=request.user, briefing=briefing):
        raise Http404
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            briefing_withdraw(actor=request.user, briefing=briefing, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Briefing withdrawn from the public learning page: {briefing.title}.")
            return redirect(_detail_url(briefing))
    return render(
        request,
        "reviews/briefings/withdraw.html",
        {
            "briefing": briefing,
            "form": form,
            "cancel_url": _detail_url(briefing),
            "crumbs": _crumbs(request.partnership, (briefing.title, _detail_url(briefing)), ("Withdraw", None)),
        },
    )
