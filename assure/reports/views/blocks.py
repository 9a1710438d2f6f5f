"""Pages that change a section's data blocks: adding a table or chart (first its kind, then its
settings), removing one after confirmation, and moving one up or down. The business unit's, on
a draft report of its own partnership; another partnership's section or block answers 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import partnership_url

from ..blocks import block_kind
from ..forms.blocks import BlockKindForm, BlockSettingsForm
from ..forms.sections import ConfirmForm
from ..models import Block
from ..selectors.blocks import block_indicators, block_kinds, indicator_groups, kind_hint
from ..selectors.reports import blocks_visible_to
from ..services.blocks import block_add, block_move, block_remove
from .common import find_section, posted, reports_crumbs, section_trail


def _find_block(request: HttpRequest, pk: int) -> Block:
    return get_object_or_404(blocks_visible_to(user=request.user, partnership=request.partnership), pk=pk)


@requires("reports.manage")
@require_http_methods(["GET", "POST"])
def block_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 1 (no kind yet, or one Assure does not have): choose the kind of table or chart.
    Step 2 (``?kind=``): its title and settings; sending them adds the block, computed."""
    section = find_section(request, pk)
    context = {
        "section": section,
        "crumbs": reports_crumbs(request.partnership, *section_trail(request.partnership, section)),
        "frozen": section.report.is_published,
    }
    code = request.POST.get("kind") or request.GET.get("kind")
    kind = block_kind(code) if code else None
    if kind is None:
        kinds = block_kinds()
        form = BlockKindForm(
            # The form is sent with "chosen" even when no radio is checked (a browser sends no
            # "kind" then), so that sending it without a choice says what is missing.
            request.GET if {"kind", "chosen"} & set(request.GET) else None,
            kinds=kinds,
            hints={k.code: kind_hint(k) for k in kinds},
        )
        form.is_valid()  # shows "choose what to add" when step 1 was sent without a choice
        return render(request, "reports/block_kind.html", {**context, "form": form})

    groups = indicator_groups(block_indicators(user=request.user, partnership=request.partnership))
    form = BlockSettingsForm(posted(request), kind=kind, indicator_groups=groups)
    if request.method == "POST" and form.is_valid():
        try:
            block = block_add(
                section=section,
                kind=kind.code,
                title=form.cleaned_data["title"],
                params=form.service_params(),
                actor=request.user,
            )
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"“{block.data.get('title') or block}” added, with its figures computed.")
            return redirect(
                partnership_url("reports:section_detail", request.partnership, pk=section.pk) + f"#block-{block.pk}"
            )
    return render(
        request, "reports/block_settings.html", {**context, "form": form, "kind": kind, "hint": kind_hint(kind)}
    )


@requires("reports.manage")
def block_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask before taking a block out of its section; the figures go with it."""
    block = _find_block(request, pk)
    section = block.section
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            block_remove(block=block, actor=request.user)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"“{block.data.get('title') if block.data else block}” removed.")
            return redirect(partnership_url("reports:section_detail", request.partnership, pk=section.pk))
    return render(
        request,
        "reports/block_remove.html",
        {
            "block": block,
            "section": section,
            "form": form,
            "frozen": section.report.is_published,
            "crumbs": reports_crumbs(request.partnership, *section_trail(request.partnership, section)),
        },
    )


@requires("reports.manage")
@require_http_methods(["GET", "POST"])
def block_move_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a block up or down (POST, with the direction); a GET goes back to the section."""
    block = _find_block(request, pk)
    if request.method == "POST":
        try:
            block_move(block=block, direction=request.POST.get("direction", ""), actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect(
        partnership_url("reports:section_detail", request.partnership, pk=block.section_id) + f"#block-{block.pk}"
    )
