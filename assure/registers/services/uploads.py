"""Monthly uploads of an agency's extract: every row checked as an entry of the register, then the
whole file recorded in one transaction (an ``Upload`` and an entry for each row), or nothing at
all. A month already uploaded for the kind and the agency is replaced only when the person says
so: the old upload's entries go in the same transaction. Deleting an upload deletes its entries.

Rows are checked by ``fields.parse_entry``, as the entry form's values are, and further: the date
the register counts an entry by must fall in the month the extract covers, and the same case (its
reference and that date) must not be given twice in one file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.partnerships.models import Agency

from ..fields import REFERENCE_KEY, ParsedEntry, parse_entry, sex_codes
from ..kinds import RegisterKind
from ..models import Entry, Upload
from ..permissions import may_see_upload, recording_agencies
from ..uploads import Row


@dataclass(frozen=True)
class RowProblem:
    """What is wrong with one cell of the file: its line (the headings are line 1), its column's
    code and the message in the register's words."""

    line: int
    column: str
    message: str


@dataclass
class Checked:
    """The rows read as entries, and every problem found (none when the file may be recorded)."""

    parsed: list[ParsedEntry] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


class UploadInvalid(Exception):
    """At least one row is wrong: nothing was recorded."""

    def __init__(self, problems: list[RowProblem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problems in the file")


class UploadAlreadyMade(Exception):
    """The kind's extract for that agency and month was uploaded already: replacing it must be
    asked for."""

    def __init__(self, upload: Upload):
        self.upload = upload
        super().__init__(f"{upload} covers the same month")


def month_name(month: dt.date) -> str:
    return date_format(month, "F Y")


def _next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def rows_check(
    *, kind: RegisterKind, month: dt.date, rows: Iterable[Row], known: Iterable[str] = (), today: dt.date | None = None
) -> Checked:
    """Every row checked as an entry of ``kind`` in ``month``: the problems by line and column,
    or the parsed entries when there are none."""
    sexes, known = sex_codes(), list(known)
    counted = kind.field(kind.spec.counted_by)
    counted_label = counted.label if counted else kind.spec.counted_by
    checked = Checked()
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        parsed, errors = parse_entry(kind, row.cells, sexes=sexes, known=known, today=today)
        for column, message in errors.items():
            checked.problems.append(RowProblem(row.line, column, message))
        if parsed is None:
            continue
        if parsed.occurred_on is None or not month <= parsed.occurred_on < _next_month(month):
            checked.problems.append(
                RowProblem(
                    row.line,
                    kind.spec.counted_by,
                    f"{counted_label}: must fall in {month_name(month)}, the month this extract covers",
                )
            )
            continue
        key = (parsed.agency_reference.casefold(), str(parsed.values.get(kind.spec.counted_by)))
        if key in seen:
            checked.problems.append(
                RowProblem(
                    row.line,
                    REFERENCE_KEY,
                    f"The same case as line {seen[key]}: the same reference and {counted_label.lower()}",
                )
            )
            continue
        seen[key] = row.line
        checked.parsed.append(parsed)
    return checked


def known_names(*, partnership, agencies: Iterable[Agency]) -> list[str]:
    """Names an identifier may safely hold: the partnership's and its agencies'."""
    return [name for name in (partnership.name, getattr(partnership, "short_name", "")) if name] + [
        agency.name for agency in agencies
    ]


def _remove_entries(upload: Upload) -> int:
    """Delete the upload's entries and the questionnaire answers that came with them."""
    from assure.questionnaires.models import Response

    entries = Entry.objects.filter(upload=upload)
    found = list(entries.values_list("pk", "response_id"))
    entries.delete()
    responses = [response for _, response in found if response]
    if responses:
        Response.objects.filter(pk__in=responses).delete()
    return len(found)


@transaction.atomic
def upload_record(
    *,
    actor,
    partnership,
    kind: RegisterKind,
    agency: Agency,
    month: dt.date,
    filename: str,
    rows: list[Row],
    replace: bool = False,
    today: dt.date | None = None,
) -> Upload:
    """Record the agency's extract of ``kind`` for ``month``: an entry for each row, all of them
    or none. Raises UploadInvalid with every problem when any row is wrong, UploadAlreadyMade when
    the month was uploaded already and ``replace`` is not given (the rows are checked first, so
    a file with problems is never offered as a replacement)."""
    from .entries import entry_record

    if agency not in recording_agencies(user=actor, partnership=partnership, kind=kind):
        raise PermissionDenied
    today = today or timezone.localdate()
    month = month.replace(day=1)
    if month > today:
        raise ValidationError(
            {"month": "The month cannot be in the future: upload an extract once its month has begun."}
        )
    # The agency's row is the lock two uploads of the same month would both need.
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    checked = rows_check(
        kind=kind, month=month, rows=rows, known=known_names(partnership=partnership, agencies=[agency]), today=today
    )
    if checked.problems:
        raise UploadInvalid(checked.problems)
    existing = Upload.objects.filter(partnership=partnership, kind_code=kind.code, agency=agency, month=month).first()
    if existing is not None and not replace:
        raise UploadAlreadyMade(existing)
    what = f"{kind.title}, {agency.name}, {month_name(month)}"
    if existing is not None:
        removed = _remove_entries(existing)
        event_record(
            actor=actor,
            verb="registers.upload_replaced",
            target=existing,
            partnership=partnership,
            summary=f"Register upload replaced: {what} ({removed} entries removed)",
            data={"kind": kind.code, "agency": agency.pk, "month": month.isoformat(), "removed": removed},
        )
        existing.delete()
    upload = Upload.objects.create(
        partnership=partnership,
        kind=kind.item,
        kind_code=kind.code,
        agency=agency,
        month=month,
        filename=(filename or "extract")[:200],
        rows=len(checked.parsed),
        uploaded_by=actor,
    )
    for parsed in checked.parsed:
        entry_record(
            actor=actor,
            partnership=partnership,
            kind=kind,
            agency=agency,
            parsed=parsed,
            source=Entry.Source.UPLOAD,
            upload=upload,
        )
    event_record(
        actor=actor,
        verb="registers.upload_recorded",
        target=upload,
        partnership=partnership,
        summary=f"Register upload: {what} ({upload.rows} entries)",
        data={"kind": kind.code, "agency": agency.pk, "month": month.isoformat(), "rows": upload.rows},
    )
    records_changed("registers", partnership_ids=[partnership.pk])
    return upload


@transaction.atomic
def upload_delete(*, actor, partnership, upload: Upload) -> int:
    """Delete the upload and every entry it brought; the number of entries deleted."""
    if not may_see_upload(user=actor, partnership=partnership, upload=upload):
        raise PermissionDenied
    event_record(
        actor=actor,
        verb="registers.upload_deleted",
        target=upload,
        partnership=partnership,
        summary=f"Register upload deleted: {upload.kind_code}, {upload.agency.name}, {month_name(upload.month)}",
        data={"kind": upload.kind_code, "agency": upload.agency_id, "month": upload.month.isoformat()},
    )
    removed = _remove_entries(upload)
    upload.delete()
    records_changed("registers", partnership_ids=[partnership.pk])
    return removed
