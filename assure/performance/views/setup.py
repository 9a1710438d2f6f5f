"""The scorecard set-up: the partnership's priorities and, under each, the indicators of its
scorecard with their targets, tolerances and owning agencies."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.library.selectors import current_item
from assure.partnerships.models import Partnership
from assure.partnerships.selectors import partnership_agencies

from ..forms.setup import ScorecardLineForm
from ..models import ScorecardLine
from ..selectors.catalogue import catalogue_indicators, indicator_themes, scorecard_lines, scorecard_priorities
from ..services import setup as services
from ..tables_catalogue import figure_in_unit

DEFAULT_RAG_RULE = "target-with-tolerance"


def _setup_crumbs(partnership: Partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, ("Scorecard set-up", partnership_url("performance:setup", partnership)), *trail)


def _default_tolerance_percent():
    rule = current_item(kind="rag-rule", code=DEFAULT_RAG_RULE)
    return rule.data.get("default_tolerance_percent", 5) if rule else 5


@dataclass(frozen=True)
class LineRow:
    """A scorecard line as the set-up page shows it: target and tolerance in the indicator's unit."""

    line: ScorecardLine
    target: str
    tolerance: str


def _row(line: ScorecardLine, default_percent) -> LineRow:
    unit = line.indicator.data["unit"]
    if line.target is None:
        tolerance = ""
    elif line.tolerance is None:
        tolerance = f"{default_percent:g}% of the target (the default)"
    else:
        tolerance = figure_in_unit(line.tolerance, unit, distance=True)
    return LineRow(line=line, target=figure_in_unit(line.target, unit) or "No target", tolerance=tolerance)


@requires("performance.manage")
def setup(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    default_percent = _default_tolerance_percent()
    priorities = [
        (priority, [_row(line, default_percent) for line in priority.lines.all()])
        for priority in scorecard_priorities(user=request.user, partnership=partnership)
    ]
    return render(
        request,
        "performance/setup/setup.html",
        {"priorities": priorities, "themes": indicator_themes(), "crumbs": crumbs(partnership)},
    )


# --- scorecard lines -------------------------------------------------------------------------


def _line_form(request: HttpRequest, line: ScorecardLine | None = None) -> ScorecardLineForm:
    partnership, user = request.partnership, request.user
    on_scorecard = scorecard_lines(user=user, partnership=partnership).values("indicator_id")
    initial = {}
    if line is None and request.GET.get("priority", "").isdigit():
        initial["priority"] = int(request.GET["priority"])
    return ScorecardLineForm(
        request.POST or None,
        partnership=partnership,
        indicators=catalogue_indicators(user=user, partnership=partnership).exclude(pk__in=on_scorecard),
        priorities=scorecard_priorities(user=user, partnership=partnership),
        agencies=partnership_agencies(user=user, partnership=partnership),
        themes=indicator_themes(),
        default_tolerance_percent=_default_tolerance_percent(),
        line=line,
        initial=initial,
    )


def _line_form_page(request: HttpRequest, form: ScorecardLineForm, heading: str, line=None) -> HttpResponse:
    partnership = request.partnership
    return render(
        request,
        "performance/setup/line_form.html",
        {
            "form": form,
            "heading": heading,
            "line": line,
            "no_priorities": not form.fields["priority"].queryset.exists(),
            "cancel_url": partnership_url("performance:setup", partnership),
            "crumbs": _setup_crumbs(partnership),
        },
    )


@requires("performance.manage")
def line_create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = _line_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            line = services.scorecard_line_create(actor=request.user, partnership=partnership, **form.service_values())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{line.indicator.definition.title} added to the scorecard.")
            return redirect(partnership_url("performance:setup", partnership))
    return _line_form_page(request, form, "Add an indicator to the scorecard")


@requires("performance.manage")
def line_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    line = get_object_or_404(scorecard_lines(user=request.user, partnership=partnership), pk=pk)
    form = _line_form(request, line)
    if request.method == "POST" and form.is_valid():
        try:
            services.scorecard_line_update(actor=request.user, line=line, **form.service_values())
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, f"{line.indicator.definition.title} changed.")
            return redirect(partnership_url("performance:setup", partnership))
    return _line_form_page(request, form, f"Change {line.indicator.definition.title}", line)


@requires("performance.manage")
def line_delete(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    line = get_object_or_404(scorecard_lines(user=request.user, partnership=partnership), pk=pk)
    title = line.indicator.definition.title
    if request.method == "POST":
        services.scorecard_line_delete(actor=request.user, line=line)
        messages.success(request, f"{title} removed from the scorecard.")
        return redirect(partnership_url("performance:setup", partnership))
    return render(
        request,
        "core/confirm_delete.html",
        {
            "heading": f"Remove {title} from the scorecard?",
            "description": "Its target and tolerance go with it. Its figures are kept, and you can add it again.",
            "button": "Remove from the scorecard",
            "cancel_url": partnership_url("performance:setup", partnership),
            "crumbs": _setup_crumbs(partnership),
        },
    )
