"""Monthly uploads of an agency's extract. The agency's lead (or the business unit, for any
agency) downloads a register's template, uploads a month's extract and is shown every problem by
line and column when a row is wrong (nothing is kept); a month already uploaded is replaced only
once they confirm. The register of uploads, one upload's page with its entries, and deleting an
upload with its entries."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.utils.formats import date_format

from assure.core.access import requires
from assure.core.forms import attach
from assure.core.navigation import crumbs, partnership_url
from assure.core.spreadsheets import CONTENT_TYPES
from assure.core.tables import record_address, register_response

from ..fields import sex_choices
from ..forms_uploads import UploadForm
from ..kinds import RegisterKind, kind_for, kinds_for
from ..models import Upload
from ..permissions import may_see_upload, recording_agencies
from ..selectors.uploads import upload_agencies, upload_entries, upload_for, uploadable_kinds, uploads_visible_to
from ..services.uploads import UploadAlreadyMade, UploadInvalid, month_name, upload_delete, upload_record
from ..tables_uploads import UploadEntryTable, UploadFilter, UploadTable
from ..uploads import Row, UploadRejected, columns_of, read_extract, template_csv, template_xlsx

TITLE = "Register uploads"
# The most problems listed: a file wrong in every row would otherwise make a page nobody reads.
PROBLEMS_LISTED = 200
# The checked rows of a file waiting for the person to confirm it replaces a month's upload. Only
# what the register keeps (references, the kind's identifiers and fields), never the file.
PENDING_KEY = "registers-upload-pending"


def _kind(request: HttpRequest, code: str) -> RegisterKind:
    kind = kind_for(request.partnership, code)
    if kind is None:
        raise Http404
    return kind


def _agencies(request: HttpRequest, kind: RegisterKind) -> list:
    agencies = recording_agencies(user=request.user, partnership=request.partnership, kind=kind)
    if not agencies:
        # The person records registers, but their agency does not record this one.
        raise PermissionDenied
    return agencies


def _list_url(partnership) -> str:
    return partnership_url("registers:uploads", partnership)


@requires("registers.record")
def upload_template(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    """The kind's template, headed by its column codes, as CSV or XLSX."""
    found = _kind(request, kind)
    _agencies(request, found)
    if fmt == "csv":
        response = HttpResponse(template_csv(found, sexes=sex_choices()), content_type=CONTENT_TYPES["csv"])
    elif fmt == "xlsx":
        response = HttpResponse(template_xlsx(found, sexes=sex_choices()), content_type=CONTENT_TYPES["xlsx"])
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{found.code}-template.{fmt}"'
    return response


def _page(request: HttpRequest, kind: RegisterKind, form, *, problems=None, total: int = 0) -> HttpResponse:
    partnership = request.partnership
    columns = columns_of(kind, sexes=sex_choices())
    labels = {column.code: column.label for column in columns}
    return render(
        request,
        "registers/upload_form.html",
        {
            "kind": kind,
            "form": form,
            "columns": columns,
            "problems": [(p.line, p.column, labels.get(p.column, p.column), p.message) for p in problems or []],
            "problems_total": total,
            "problems_more": max(total - PROBLEMS_LISTED, 0),
            "template_csv": partnership_url("registers:upload_template", partnership, kind=kind.code, fmt="csv"),
            "template_xlsx": partnership_url("registers:upload_template", partnership, kind=kind.code, fmt="xlsx"),
            "back": _list_url(partnership),
            "crumbs": crumbs(partnership, (TITLE, _list_url(partnership)), (f"Upload: {kind.title}", None)),
        },
        status=200,
    )


def _confirm_page(request: HttpRequest, kind: RegisterKind, existing: Upload, *, rows: int) -> HttpResponse:
    partnership = request.partnership
    here = partnership_url("registers:upload", partnership, kind=kind.code)
    return render(
        request,
        "registers/upload_replace.html",
        {
            "kind": kind,
            "existing": existing,
            "month": month_name(existing.month),
            "rows": rows,
            "cancel_url": here,
            "existing_url": partnership_url("registers:upload_detail", partnership, pk=existing.pk),
            "crumbs": crumbs(partnership, (TITLE, _list_url(partnership)), (f"Upload: {kind.title}", here)),
        },
    )


def _record(request: HttpRequest, kind: RegisterKind, *, agency, month, filename: str, rows: list[Row], replace: bool):
    upload = upload_record(
        actor=request.user,
        partnership=request.partnership,
        kind=kind,
        agency=agency,
        month=month,
        filename=filename,
        rows=rows,
        replace=replace,
    )
    entries = f"{upload.rows:,} entr{'ies' if upload.rows != 1 else 'y'}"
    messages.success(request, f"{kind.title} for {month_name(upload.month)}, {agency.name}: {entries} recorded.")
    return redirect(partnership_url("registers:upload_detail", request.partnership, pk=upload.pk))


@requires("registers.record")
def upload(request: HttpRequest, kind: str) -> HttpResponse:
    """Choose the agency and month, upload the file; every row checked, all kept or none."""
    partnership = request.partnership
    found = _kind(request, kind)
    agencies = _agencies(request, found)
    if request.method == "POST" and request.POST.get("action") == "replace":
        return _replace(request, found, agencies)
    form = UploadForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method != "POST" or not form.is_valid():
        return _page(request, found, form)
    agency, month, file = form.chosen_agency, form.cleaned_data["covers"], form.cleaned_data["upload"]
    try:
        rows = read_extract(file, columns=columns_of(found, sexes=sex_choices()))
    except UploadRejected as rejected:
        form.add_error("upload", rejected.messages)
        return _page(request, found, form)
    try:
        return _record(request, found, agency=agency, month=month, filename=file.name, rows=rows, replace=False)
    except UploadInvalid as invalid:
        form.add_error(
            "upload",
            f"{len(invalid.problems):,} problem{'s' if len(invalid.problems) != 1 else ''} in the file: nothing has "
            "been kept. Correct each one listed below and upload the file again.",
        )
        return _page(request, found, form, problems=invalid.problems[:PROBLEMS_LISTED], total=len(invalid.problems))
    except ValidationError as error:
        attach(form, error, "upload")
        return _page(request, found, form)
    except UploadAlreadyMade as made:
        request.session[PENDING_KEY] = {
            "partnership": partnership.pk,
            "kind": found.code,
            "agency": agency.pk,
            "month": month.isoformat(),
            "filename": file.name[:200],
            "rows": [[row.line, row.cells] for row in rows],
        }
        return _confirm_page(request, found, made.upload, rows=len(rows))


def _replace(request: HttpRequest, kind: RegisterKind, agencies: list) -> HttpResponse:
    """The person confirmed: the file kept in the session replaces the month's upload."""
    import datetime as dt

    pending = request.session.pop(PENDING_KEY, None)
    here = partnership_url("registers:upload", request.partnership, kind=kind.code)
    agency = next((a for a in agencies if pending and a.pk == pending.get("agency")), None)
    if not pending or pending.get("partnership") != request.partnership.pk or pending.get("kind") != kind.code:
        agency = None
    if agency is None:
        messages.error(request, "The file waiting to replace the month's upload has expired: upload it again.")
        return redirect(here)
    rows = [Row(line=line, cells=cells) for line, cells in pending["rows"]]
    month = dt.date.fromisoformat(pending["month"])
    try:
        return _record(request, kind, agency=agency, month=month, filename=pending["filename"], rows=rows, replace=True)
    except (UploadInvalid, ValidationError):
        # The register's kind changed between the two steps: the file must be checked again.
        messages.error(request, "The register has changed since the file was checked: upload it again.")
        return redirect(here)


@requires("registers.record")
def uploads(request: HttpRequest) -> HttpResponse:
    partnership, user = request.partnership, request.user
    kinds = kinds_for(partnership)
    filterset = UploadFilter(
        request.GET or None,
        queryset=uploads_visible_to(user=user, partnership=partnership),
        kinds=kinds,
        agencies=upload_agencies(user=user, partnership=partnership),
    )
    table = UploadTable(
        filterset.qs,
        titles={kind.code: kind.title for kind in kinds},
        detail_url=record_address("registers:upload_detail", partnership=partnership.slug),
    )
    return register_response(
        request,
        table=table,
        template="registers/upload_list.html",
        context={
            "uploadable": [
                (kind, partnership_url("registers:upload", partnership, kind=kind.code))
                for kind in uploadable_kinds(user=user, partnership=partnership)
            ],
            "crumbs": crumbs(partnership, (TITLE, None)),
        },
        export_name="register-uploads",
        filterset=filterset,
    )


def _upload(request: HttpRequest, pk: int) -> Upload:
    found = upload_for(user=request.user, partnership=request.partnership, pk=pk)
    if found is None:
        raise Http404
    return found


def _entry_url(partnership):
    try:
        return record_address("registers:entry_detail", partnership=partnership.slug)
    except NoReverseMatch:  # the entries' pages are not mounted in this build
        return None


def _entries_url(partnership, kind_code: str) -> str:
    try:
        return partnership_url("registers:entries", partnership, kind=kind_code)
    except NoReverseMatch:
        return ""


@requires("registers.record")
def upload_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership, user = request.partnership, request.user
    found = _upload(request, pk)
    kind = kind_for(partnership, found.kind_code)
    title = kind.title if kind else found.kind_code
    table = UploadEntryTable(
        upload_entries(user=user, partnership=partnership, upload=found), entry_url=_entry_url(partnership)
    )
    return register_response(
        request,
        table=table,
        template="registers/upload_detail.html",
        context={
            "upload": found,
            "kind_title": title,
            "month": month_name(found.month),
            "uploaded_at": date_format(found.uploaded_at, "j F Y, H:i"),
            "entries_url": _entries_url(partnership, found.kind_code),
            "delete_url": partnership_url("registers:upload_delete", partnership, pk=found.pk)
            if may_see_upload(user=user, partnership=partnership, upload=found)
            else "",
            "crumbs": crumbs(
                partnership, (TITLE, _list_url(partnership)), (f"{title}, {month_name(found.month)}", None)
            ),
            "full_width": False,
        },
        export_name=f"register-upload-{found.kind_code}-{found.month:%Y-%m}",
    )


@requires("registers.record")
def upload_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    found = _upload(request, pk)
    detail = partnership_url("registers:upload_detail", partnership, pk=found.pk)
    if request.method == "POST":
        removed = upload_delete(actor=request.user, partnership=partnership, upload=found)
        messages.success(
            request,
            f"The upload of {month_name(found.month)} and its {removed:,} entr{'ies' if removed != 1 else 'y'} "
            "have been deleted.",
        )
        return redirect(_list_url(partnership))
    kind = kind_for(partnership, found.kind_code)
    return render(
        request,
        "core/confirm_delete.html",
        {
            "heading": f"Delete the upload of {month_name(found.month)}?",
            "description": (
                f"{kind.title if kind else found.kind_code}, {found.agency.name}: the upload and the {found.rows:,} "
                f"entr{'ies' if found.rows != 1 else 'y'} it brought are deleted, and the register's figures for "
                "the month no longer count them. Upload the month again to put them back."
            ),
            "button": "Delete the upload and its entries",
            "cancel_url": detail,
            "crumbs": crumbs(partnership, (TITLE, _list_url(partnership)), ("Delete the upload", None)),
        },
    )
