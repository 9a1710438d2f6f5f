"""The pages of register entries, for those who keep the registers (``registers.record``): the
registers they keep with this year's entries; a register's entries (filtered, searched, paged and
downloaded); recording an entry, then answering the questionnaire its kind embeds; an entry's
page; correcting it; deleting it, after asking why. The business unit sees every agency's entries;
an agency's lead only their own agency's, and records only the kinds their agency's type records.

An entry holds references, never names, so its pages need no restricted grant; they are still
never kept by a browser or a proxy (``Cache-Control: no-store``)."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import register_response
from assure.questionnaires.forms import answers_summary
from assure.questionnaires.pages import answer_page

from ..fields import sex_choices
from ..forms_entries import DeleteForm, EntryForm, entry_initial
from ..kinds import RegisterKind, kind_for, kind_of
from ..models import Entry
from ..permissions import may_change_entry, recording_agencies
from ..selectors.entries import (
    entry_agencies,
    entry_for,
    entry_rows,
    entry_years,
    kind_entries,
    registers_index,
    safe_names,
    visible_kinds,
)
from ..services.entries import entry_delete, entry_record, entry_submit, entry_update
from ..tables_entries import EntryFilter, EntryTable

REGISTERS = "Registers"


def no_store(view):
    """Entries are about children: no browser or proxy keeps a copy of their pages."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapper


def entry_url(partnership, entry: Entry) -> str:
    return partnership_url("registers:entry_detail", partnership, pk=entry.pk)


def kind_url(partnership, code: str) -> str:
    return partnership_url("registers:entries", partnership, kind=code)


def _registers_crumbs(partnership, *trail):
    return crumbs(partnership, (REGISTERS, partnership_url("registers:index", partnership)), *trail)


def _entry_crumbs(partnership, entry: Entry, kind: RegisterKind, here: str | None = None):
    trail = [(kind.title, kind_url(partnership, entry.kind_code)), (entry.number, entry_url(partnership, entry))]
    if here:
        trail.append((here, None))
    else:
        trail[-1] = (entry.number, None)
    return _registers_crumbs(partnership, *trail)


def _kind(request: HttpRequest, code: str) -> RegisterKind:
    """The partnership's kind of that code, one the person keeps; 404 for a kind that does not
    exist, 403 for one they do not keep."""
    kind = kind_for(request.partnership, code)
    if kind is None:
        raise Http404
    if kind.code not in {k.code for k in visible_kinds(user=request.user, partnership=request.partnership)}:
        raise PermissionDenied
    return kind


def _entry(request: HttpRequest, pk: int) -> Entry:
    entry = entry_for(user=request.user, partnership=request.partnership, pk=pk)
    if entry is None:
        raise Http404
    return entry


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


@requires("registers.record")
@no_store
def registers_home(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    year, rows = registers_index(user=request.user, partnership=partnership, today=timezone.localdate())
    return render(
        request,
        "registers/index.html",
        {"year": year, "rows": rows, "crumbs": crumbs(partnership, (REGISTERS, None))},
    )


@requires("registers.record")
@no_store
def entry_list(request: HttpRequest, kind: str) -> HttpResponse:
    partnership = request.partnership
    user = request.user
    kind = _kind(request, kind)
    filterset = EntryFilter(
        request.GET or None,
        queryset=kind_entries(user=user, partnership=partnership, kind=kind),
        request=request,
        agencies=entry_agencies(user=user, partnership=partnership, kind=kind),
        years=entry_years(user=user, partnership=partnership, kind=kind, today=timezone.localdate()),
    )
    return register_response(
        request,
        table=EntryTable(filterset.qs, partnership=partnership, kind=kind, sexes=dict(sex_choices())),
        filterset=filterset,
        template="registers/entry_list.html",
        context={
            "kind": kind,
            "may_record": bool(recording_agencies(user=user, partnership=partnership, kind=kind)),
            "crumbs": _registers_crumbs(partnership, (kind.title, None)),
        },
        export_name=f"{partnership.slug}-{kind.code}",
    )


@requires("registers.record")
@no_store
def entry_create(request: HttpRequest, kind: str) -> HttpResponse:
    partnership = request.partnership
    kind = _kind(request, kind)
    agencies = recording_agencies(user=request.user, partnership=partnership, kind=kind)
    if not agencies:
        raise PermissionDenied
    form = EntryForm(_posted(request), kind=kind, agencies=agencies, known=safe_names(partnership=partnership))
    if request.method == "POST" and form.is_valid() and form.parsed is not None:
        try:
            entry = entry_record(
                actor=request.user, partnership=partnership, kind=kind, agency=form.agency, parsed=form.parsed
            )
        except ValidationError as error:
            attach(form, error)
        else:
            if entry.response_id:
                messages.success(request, f"Entry {entry.number} saved as a draft: answer the questions to submit it.")
                return redirect(partnership_url("registers:entry_answers", partnership, pk=entry.pk))
            messages.success(request, f"Entry {entry.number} recorded.")
            return redirect(entry_url(partnership, entry))
    return render(
        request,
        "registers/entry_form.html",
        {
            "form": form,
            "kind": kind,
            "agency": agencies[0] if len(agencies) == 1 else None,
            "heading": f"Record an entry: {kind.title}",
            "button": "Continue to the questions" if kind.spec.questionnaire else "Record the entry",
            "cancel_url": kind_url(partnership, kind.code),
            "crumbs": _registers_crumbs(
                partnership, (kind.title, kind_url(partnership, kind.code)), ("Record an entry", None)
            ),
        },
    )


@requires("registers.record")
@no_store
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    entry = _entry(request, pk)
    kind = kind_of(entry.kind)
    return render(
        request,
        "registers/entry_detail.html",
        {
            "entry": entry,
            "kind": kind,
            "rows": entry_rows(entry),
            "answers": answers_summary(entry.response) if entry.response_id else None,
            "may_change": may_change_entry(user=request.user, partnership=partnership, entry=entry),
            "crumbs": _entry_crumbs(partnership, entry, kind),
        },
    )


@requires("registers.record")
@no_store
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    entry = _entry(request, pk)
    if not may_change_entry(user=request.user, partnership=partnership, entry=entry):
        raise PermissionDenied
    kind = kind_of(entry.kind)  # corrected on the version it was recorded on
    form = EntryForm(
        _posted(request), kind=kind, known=safe_names(partnership=partnership), initial=entry_initial(entry)
    )
    if request.method == "POST" and form.is_valid() and form.parsed is not None:
        try:
            changed = entry_update(actor=request.user, entry=entry, parsed=form.parsed)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Entry {entry.number} corrected." if changed else "Nothing was changed.")
            return redirect(entry_url(partnership, entry))
    return render(
        request,
        "registers/entry_form.html",
        {
            "form": form,
            "kind": kind,
            "entry": entry,
            "agency": entry.agency,
            "heading": f"Correct entry {entry.number}",
            "button": "Save the correction",
            "cancel_url": entry_url(partnership, entry),
            "crumbs": _entry_crumbs(partnership, entry, kind, "Correct"),
        },
    )


@requires("registers.record")
@no_store
def entry_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    entry = _entry(request, pk)
    if not may_change_entry(user=request.user, partnership=partnership, entry=entry):
        raise PermissionDenied
    kind = kind_of(entry.kind)
    form = DeleteForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            entry_delete(actor=request.user, entry=entry, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"Entry {entry.number} deleted.")
            return redirect(kind_url(partnership, entry.kind_code))
    return render(
        request,
        "registers/entry_delete.html",
        {
            "form": form,
            "entry": entry,
            "kind": kind,
            "back": entry_url(partnership, entry),
            "crumbs": _entry_crumbs(partnership, entry, kind, "Delete"),
        },
    )


@requires("registers.record")
@no_store
def entry_answers(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    entry = _entry(request, pk)
    if entry.response is None:
        raise Http404
    kind = kind_of(entry.kind)
    return answer_page(
        request,
        response=entry.response,
        template="registers/entry_answers.html",
        context={"entry": entry, "kind": kind, "crumbs": _entry_crumbs(partnership, entry, kind, "Questions")},
        editable=not entry.is_submitted and may_change_entry(user=request.user, partnership=partnership, entry=entry),
        on_submit=lambda response: entry_submit(actor=request.user, entry=entry, response=response),
        done_url=entry_url(partnership, entry),
        known_names=safe_names(partnership=partnership),
    )
