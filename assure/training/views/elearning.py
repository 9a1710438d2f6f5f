"""E-learning completions, for the business unit: the modules with their completions by year and
agency and the imports made; and the import of the platform's export, shown as a preview ("N
completions to add, M already held") before anything is written."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.tables import register_response

from ..forms_returns import CompletionsUploadForm
from ..imports import UploadRejected, read_completions
from ..selectors.elearning import (
    completions_by_course,
    completions_by_year_and_agency,
    elearning_courses,
    imports_made,
)
from ..services.elearning import Matched, completions_import, completions_match
from ..tables_returns import ImportTable

TITLE = "E-learning"
PREVIEW_KEY = "training-elearning-import"


@requires("training.manage")
def elearning(request: HttpRequest) -> HttpResponse:
    partnership, user = request.partnership, request.user
    years, by_agency = completions_by_year_and_agency(user=user, partnership=partnership)
    table = ImportTable(imports_made(user=user, partnership=partnership))
    return register_response(
        request,
        table=table,
        template="training/elearning.html",
        context={
            "courses": completions_by_course(user=user, partnership=partnership),
            "years": years,
            "by_agency": by_agency,
            "import_url": partnership_url("training:elearning_import", partnership),
            "crumbs": crumbs(partnership, (TITLE, None)),
            "full_width": False,
        },
        export_name="elearning-imports",
    )


def _page(request, form, *, preview=None) -> HttpResponse:
    partnership = request.partnership
    back = partnership_url("training:elearning", partnership)
    return render(
        request,
        "training/elearning_import.html",
        {
            "form": form,
            "preview": preview,
            "back": back,
            "has_courses": elearning_courses(user=request.user, partnership=partnership).exists(),
            "crumbs": crumbs(partnership, (TITLE, back), ("Import completions", None)),
        },
    )


@requires("training.manage")
def elearning_import(request: HttpRequest) -> HttpResponse:
    """Upload, preview, then add. The preview keeps only what will be written (digests, module,
    agency or organisation, date) in the session, never the file."""
    partnership, user = request.partnership, request.user
    if request.method == "POST" and request.POST.get("action") == "confirm":
        kept = request.session.pop(PREVIEW_KEY, None)
        if not kept or kept.get("partnership") != partnership.pk:
            messages.error(request, "The preview has expired: upload the file again.")
            return redirect(partnership_url("training:elearning_import", partnership))
        try:
            added = completions_import(
                actor=user, partnership=partnership, to_add=[Matched(**row) for row in kept["rows"]]
            )
        except ValidationError as error:
            form = CompletionsUploadForm()
            attach(form, error, "upload")
            return _page(request, form)
        messages.success(request, f"{added:,} e-learning completion{'s' if added != 1 else ''} added.")
        return redirect(partnership_url("training:elearning", partnership))
    form = CompletionsUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            preview = completions_match(
                actor=user, partnership=partnership, rows=read_completions(form.cleaned_data["upload"])
            )
        except UploadRejected as rejected:
            form.add_error("upload", rejected.messages)
        except ValidationError as error:
            attach(form, error, "upload")
        else:
            request.session[PREVIEW_KEY] = {
                "partnership": partnership.pk,
                "rows": [row.__dict__ for row in preview.to_add],
            }
            return _page(request, CompletionsUploadForm(), preview=preview)
    return _page(request, form)
