"""The import pages (business unit): the publications imported, uploading a file to import, and
the status of an import while its task runs."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.core.tables import register_response

from ..imports.forms import StatisticsUploadForm
from ..imports.jobs import import_job_create
from ..imports.selectors import import_jobs_for, publications_for
from ..imports.tables import ImportJobTable, PublicationTable

RECENT_JOBS = 10


def _statistics_crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    return crumbs(partnership, ("Published statistics", partnership_url("performance:imports", partnership)), *trail)


@requires("performance.manage")
def imports(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    return register_response(
        request,
        table=PublicationTable(publications_for(user=request.user, partnership=partnership)),
        template="performance/imports/list.html",
        context={
            "jobs": ImportJobTable(import_jobs_for(user=request.user, partnership=partnership)[:RECENT_JOBS]),
            "crumbs": crumbs(partnership),
        },
        export_name="publications",
    )


@requires("performance.manage")
def import_create(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = StatisticsUploadForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if request.method == "POST" and form.is_valid():
        try:
            job = import_job_create(
                actor=request.user,
                partnership=partnership,
                upload=form.cleaned_data["upload"],
                mapping_code=form.cleaned_data["mapping"],
            )
        except ValidationError as error:
            attach(form, error)
        else:
            return redirect(job.get_absolute_url())
    return render(
        request,
        "performance/imports/create.html",
        {
            "form": form,
            "cancel_url": partnership_url("performance:imports", partnership),
            "crumbs": _statistics_crumbs(partnership),
        },
    )


@requires("performance.manage")
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    job = get_object_or_404(import_jobs_for(user=request.user, partnership=partnership), pk=pk)
    context = {"job": job, "crumbs": _statistics_crumbs(partnership)}
    if getattr(request, "htmx", False) and request.htmx.target == "import-status":
        # The page asks for its status every two seconds while the import runs.
        return render(request, "performance/imports/job.html#import-status", context)
    return render(request, "performance/imports/job.html", context)
