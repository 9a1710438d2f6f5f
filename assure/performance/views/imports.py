"""The published statistics pages. A partnership's business unit sees every publication imported,
who imported it and what it corrected; only the installation's operator imports files, on the
installation's own pages (outside any partnership): uploading a file, and the status of an import
while its task runs. The business unit imports the partnership's own figures from its statistics
page (local imports, which only its partnership sees and which never change a published figure)."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from assure.core.access import requires, requires_installation
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import export_response, register_response

from ..imports.forms import LocalFiguresUploadForm, StatisticsUploadForm
from ..imports.jobs import import_job_create
from ..imports.local import local_import_create
from ..imports.problems import LISTING_HEADERS, problem_listing, problem_summary
from ..imports.selectors import import_jobs_for, local_imports_for, publications_for, publications_for_operator
from ..imports.tables import ImportJobTable, LocalImportTable, PublicationTable

RECENT_JOBS = 10
IMPORT = "statistics.import"


def _installation_crumbs(*trail: Crumb) -> list[Crumb]:
    return [("Published statistics", reverse("statistics:list")), *trail]


@requires("performance.manage")
def imports(request: HttpRequest) -> HttpResponse:
    """The partnership's view of the published statistics: read only."""
    partnership = request.partnership
    return register_response(
        request,
        table=PublicationTable(publications_for(user=request.user, partnership=partnership)),
        template="performance/imports/list.html",
        context={
            "crumbs": crumbs(partnership),
            "local_imports": LocalImportTable(
                local_imports_for(user=request.user, partnership=partnership)[:RECENT_JOBS]
            ),
        },
        export_name="publications",
    )


def _statistics_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, ("Published statistics", partnership_url("performance:imports", partnership)), *trail)


@requires("performance.manage")
def local_import_create_page(request: HttpRequest) -> HttpResponse:
    """Upload a file of the partnership's own figures."""
    partnership = request.partnership
    form = LocalFiguresUploadForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if request.method == "POST" and form.is_valid():
        try:
            local_import = local_import_create(
                actor=request.user, partnership=partnership, upload=form.cleaned_data["upload"]
            )
        except ValidationError as error:
            attach(form, error)
        else:
            return redirect(local_import.get_absolute_url())
    return render(
        request,
        "performance/imports/local_create.html",
        {
            "form": form,
            "cancel_url": partnership_url("performance:imports", partnership),
            "crumbs": _statistics_crumbs(partnership, ("Import local figures", None)),
        },
    )


@requires("performance.manage")
def local_import_job(request: HttpRequest, pk: int) -> HttpResponse:
    """The status of an import of the partnership's own figures; its problems to download."""
    partnership = request.partnership
    job = get_object_or_404(local_imports_for(user=request.user, partnership=partnership), pk=pk)
    if request.GET.get("_export") == "csv":
        rows = problem_listing(job=job)
        if rows is None:
            raise Http404
        return export_response(
            headers=LISTING_HEADERS, rows=rows, name=f"local-import-{job.pk}-problems", export_format="csv"
        )
    context = {
        "job": job,
        "problems": problem_summary(job=job),
        "crumbs": _statistics_crumbs(partnership, (str(job), None)),
    }
    if getattr(request, "htmx", False) and request.htmx.target == "import-status":
        return render(request, "performance/imports/local_job.html#import-status", context)
    return render(request, "performance/imports/local_job.html", context)


@requires_installation(IMPORT)
def statistics_list(request: HttpRequest) -> HttpResponse:
    return register_response(
        request,
        table=PublicationTable(publications_for_operator(user=request.user)),
        template="performance/imports/installation_list.html",
        context={"jobs": ImportJobTable(import_jobs_for(user=request.user)[:RECENT_JOBS])},
        export_name="publications",
    )


@requires_installation(IMPORT)
def statistics_create(request: HttpRequest) -> HttpResponse:
    form = StatisticsUploadForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if request.method == "POST" and form.is_valid():
        try:
            job = import_job_create(
                actor=request.user, upload=form.cleaned_data["upload"], mapping_code=form.cleaned_data["mapping"]
            )
        except ValidationError as error:
            attach(form, error)
        else:
            return redirect(job.get_absolute_url())
    return render(
        request,
        "performance/imports/create.html",
        {"form": form, "cancel_url": reverse("statistics:list"), "crumbs": _installation_crumbs()},
    )


@requires_installation(IMPORT)
def statistics_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(import_jobs_for(user=request.user), pk=pk)
    if request.GET.get("_export") == "csv":
        # Every problem of a rejected file; the page shows the first of each kind.
        rows = problem_listing(job=job)
        if rows is None:
            raise Http404
        return export_response(
            headers=LISTING_HEADERS, rows=rows, name=f"import-{job.pk}-problems", export_format="csv"
        )
    context = {"job": job, "problems": problem_summary(job=job), "crumbs": _installation_crumbs()}
    if getattr(request, "htmx", False) and request.htmx.target == "import-status":
        # The page asks for its status every two seconds while the import runs.
        return render(request, "performance/imports/job.html#import-status", context)
    return render(request, "performance/imports/job.html", context)
