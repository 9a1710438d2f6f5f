"""Importing a partnership's own figures from a CSV file, uploaded by its business unit.

The figures are the partnership's alone: each is stored as a local-import observation with the
partnership set, one per indicator and period, and a later file corrects it. A local import
never creates, changes or deletes a published figure, a publication, an area or a statistical
neighbour (the store refuses, ``store.local_figures_save``), so one partnership's file cannot
change what another partnership sees.

The file has a header row and one figure a row:

    indicator,period,value,numerator,denominator,comment
    csc-referrals,2024-25,1234,,,
    csc-rereferrals-percent,Q1 2024-25,,45,230,Provisional

``indicator`` is the code of an indicator of the library; ``period`` a financial year (2024-25),
a quarter of one (Q1 2024-25) or a month (April 2024); ``value`` the figure, or a suppression
code (c, x, z, low, k, u) when there is none. ``numerator`` and ``denominator`` (for a
percentage or rate, from which the value is worked out when it is left empty) and ``comment``
may be left out. Each figure is checked as an agency's figure in a return is (its unit, range
and ratio). A file with any bad row is not imported at all, and every bad row is named, as in
an import of published statistics (problems.py).

The file is read as a published one is (reader.py): in UTF-8, UTF-16 or Windows-1252, whichever
it is, named in the summary; a line with more or fewer cells than the header is a problem of its
line; blank lines are left out and named. Only a last line without a line break is not taken for
a cut-off file, as it is in a published one: spreadsheets (Google Sheets among them) save a CSV
file that way.
"""

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.partnerships.models import Partnership

from ..cache import bump_partnership
from ..models import Indicator, LocalImport, Observation, Period, TextEncoding
from ..periods import period_for_month, period_for_quarter, period_for_year, year_label
from ..permissions import can_manage_performance, ensure_can_manage_performance
from ..validation import Entry, check_entry
from .jobs import csv_upload_problems
from .problems import left_out_keep, problems_keep
from .reader import (
    BLANK,
    RUNS_SHOWN,
    ImportRejected,
    LeftOut,
    Problem,
    ProblemLog,
    cells_problem,
    decode_file,
    read_records,
)
from .store import local_figures_save

logger = logging.getLogger(__name__)

REQUIRED_COLUMNS = ("indicator", "period", "value")
OPTIONAL_COLUMNS = ("numerator", "denominator", "comment")
SUPPRESSION_CODES = frozenset(Observation.Missing.values)
COMMENT_MAX = 2000

_YEAR = re.compile(r"([0-9]{4})-([0-9]{2})")
_QUARTER = re.compile(r"Q([1-4]) ([0-9]{4}-[0-9]{2})", re.IGNORECASE)
_MONTH = re.compile(r"([A-Za-z]+) ([0-9]{4})")
MONTHS = {dt.date(2000, month, 1).strftime("%B").lower(): month for month in range(1, 13)}
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100

PeriodKey = tuple[str, int, int]
"""(kind, first calendar year, quarter or month number): a period named in the file."""


@dataclass(frozen=True)
class LocalRow:
    """One good row of the file."""

    line: int
    indicator: str
    period: PeriodKey
    value: Decimal | None
    missing: str
    numerator: Decimal | None
    denominator: Decimal | None
    comment: str


@dataclass(frozen=True)
class LocalFile:
    """The good rows of a file, and the lines it left out (blank ones)."""

    rows: list[LocalRow]
    left_out: LeftOut


def period_key(text: str) -> PeriodKey | None:
    """The period a cell names: 2024-25, Q1 2024-25 or April 2024 (None when it names none)."""
    text = " ".join(text.split())
    if match := _YEAR.fullmatch(text):
        start = int(match[1])
        if int(match[2]) == (start + 1) % 100 and EARLIEST_YEAR <= start <= LATEST_YEAR:
            return ("year", start, 0)
    elif match := _QUARTER.fullmatch(text):
        year = period_key(match[2])
        if year is not None:
            return ("quarter", year[1], int(match[1]))
    elif (match := _MONTH.fullmatch(text)) and match[1].lower() in MONTHS:
        year = int(match[2])
        if EARLIEST_YEAR <= year <= LATEST_YEAR:
            return ("month", year, MONTHS[match[1].lower()])
    return None


def _period(key: PeriodKey) -> Period:
    kind, year, number = key
    if kind == "year":
        return period_for_year(year_label(year))
    if kind == "quarter":
        return period_for_quarter(year_label(year), number)
    return period_for_month(year, number)


def _row(line: int, cells: dict[str, str], definitions: dict[str, dict], found: list[Problem]) -> LocalRow | None:
    code, raw_period, raw_value = cells["indicator"], cells["period"], cells["value"]
    numerator, denominator, comment = cells["numerator"], cells["denominator"], cells["comment"]
    definition = definitions.get(code)
    if definition is None:
        reason = (
            f"unknown indicator code {code!r}: use the code of an indicator in Assure's library, "
            "as its indicator page shows it"
            if code
            else "no indicator code"
        )
        found.append(Problem(line, "indicator", reason, "unknown-indicator"))
    period = period_key(raw_period)
    if period is None:
        reason = f"{raw_period!r} is not a period such as 2024-25, Q1 2024-25 or April 2024"
        found.append(Problem(line, "period", reason, "unknown-period"))
    if len(comment) > COMMENT_MAX:
        found.append(Problem(line, "comment", f"the comment is longer than {COMMENT_MAX:,} characters", "bad-figure"))
    if definition is None:
        return None
    if raw_value in SUPPRESSION_CODES:
        if numerator or denominator:
            reason = "a figure given as not available has no numerator or denominator: leave them empty"
            found.append(Problem(line, "numerator" if numerator else "denominator", reason, "bad-figure"))
        figures = (None, raw_value, None, None)
    elif not (raw_value or numerator or denominator):
        reason = "empty; expected a number or a suppression code (c, x, z, low, k, u)"
        found.append(Problem(line, "value", reason, "empty-figure"))
        return None
    else:
        checked = check_entry(
            indicator=definition,
            entry=Entry(value=raw_value, numerator=numerator, denominator=denominator),
        )
        for column, messages in checked.errors.items():
            found.extend(Problem(line, column, message, "bad-figure") for message in messages)
        figures = (checked.value, "", checked.numerator, checked.denominator)
    if found or period is None:
        return None
    return LocalRow(line, code, period, *figures, comment)


def read_local_figures(*, text: str, definitions: dict[str, dict]) -> LocalFile:
    """Parse ``text`` (the whole CSV) against the library's indicators (``definitions``: code →
    the indicator's definition). Returns every row, and the blank lines left out, or raises
    ImportRejected naming every problem: a missing column, a line that cannot be read, a line
    with more or fewer cells than the header, an unknown indicator code, a period that is none, a
    figure the indicator does not allow, an indicator and period given twice."""
    header, records = read_records(text)
    index = {name.lower(): position for position, name in enumerate(header) if name}
    absent = [column for column in REQUIRED_COLUMNS if column not in index]
    if absent:
        raise ImportRejected(
            [Problem(1, column, "this column is missing from the file", "missing-column") for column in absent]
        )
    problems = ProblemLog()
    rows: list[LocalRow] = []
    left_out = LeftOut()
    seen: dict[tuple[str, PeriodKey], int] = {}
    width = len(header)
    for line, record in records:
        if isinstance(record, Problem):
            problems.add(record)
            continue
        if not "".join(record).strip():  # a blank line, or one of empty cells only
            left_out.add(line, "", BLANK)
            continue
        if wrong := cells_problem(line, record, width):
            problems.add(wrong)
            continue
        cells = {
            name: record[index[name]].strip() if name in index else ""
            for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)
        }
        found: list[Problem] = []
        row = _row(line, cells, definitions, found)
        if row is not None:
            first = seen.setdefault((row.indicator, row.period), line)
            if first != line:
                reason = f"the same indicator and period as line {first}"
                found.append(Problem(line, "period", reason, "repeated-figure"))
        for problem in dict.fromkeys(found):
            problems.add(problem)
        if row is not None and not found:
            rows.append(row)
    if problems:
        raise ImportRejected(problems)
    if not rows:
        raise ImportRejected([Problem(0, "", "the file holds no figures", "file")])
    return LocalFile(rows=rows, left_out=left_out)


# --- the import ------------------------------------------------------------------------------


@transaction.atomic
def local_import_create(*, actor, partnership: Partnership, upload: UploadedFile) -> LocalImport:
    """Keep the uploaded file of the partnership's own figures privately and queue its import;
    the task starts once this transaction commits. Only the partnership's business unit may
    (performance.manage). Raises ValidationError (field: upload) for a file that cannot be a CSV
    file."""
    ensure_can_manage_performance(user=actor, partnership=partnership)
    problems = csv_upload_problems(upload=upload)
    if problems:
        raise ValidationError(problems)
    name = PurePath(upload.name).name
    local_import = LocalImport(partnership=partnership, file_name=name[:300], created_by=actor)
    local_import.upload.save(name, upload, save=False)
    local_import.save()
    event_record(
        actor=actor,
        verb="performance.local_import_queued",
        target=local_import,
        partnership=partnership,
        summary=f"Queued the import of local figures from {name}",
    )
    from ..tasks import local_import_run

    transaction.on_commit(lambda: local_import_run.enqueue(local_import.pk))
    return local_import


def _update(local_import: LocalImport, **fields) -> None:
    # Written at once (outside the import's transaction) so the status page sees it.
    LocalImport.objects.filter(pk=local_import.pk).update(**fields)
    for name, value in fields.items():
        setattr(local_import, name, value)


def _fail(local_import: LocalImport, note: str) -> LocalImport:
    _update(local_import, status=LocalImport.Status.FAILED, finished_at=timezone.now(), messages=[{"note": note}])
    return local_import


def local_import_execute(*, local_import_id: int) -> LocalImport:
    """Run a queued local import: read the whole file, then write every figure in one
    transaction, or record every bad row and write nothing. One that is no longer queued is
    left alone, so running the task twice imports once."""
    local_import = LocalImport.objects.select_related("partnership", "created_by").get(pk=local_import_id)
    if local_import.status != LocalImport.Status.QUEUED:
        return local_import
    _update(local_import, status=LocalImport.Status.RUNNING, started_at=timezone.now())
    actor, partnership = local_import.created_by, local_import.partnership
    try:
        # The person may have left the business unit between uploading the file and its turn.
        if not can_manage_performance(user=actor, partnership=partnership):
            raise PermissionDenied
        with local_import.upload.open("rb") as handle:
            data = handle.read()
        checksum = hashlib.sha256(data).hexdigest()
        definitions = {
            code: {**data_, "title": title}
            for code, data_, title in Indicator.objects.values_list("code", "definition__data", "definition__title")
        }
        decoded = decode_file(data)
        _update(local_import, checksum=checksum, encoding=decoded.encoding)
        read = read_local_figures(text=decoded.text, definitions=definitions)
        _update(local_import, rows_total=len(read.rows), rows_done=len(read.rows))
        _write(local_import=local_import, rows=read.rows, left_out=read.left_out)
    except ImportRejected as rejected:
        _update(
            local_import,
            status=LocalImport.Status.FAILED,
            finished_at=timezone.now(),
            messages=problems_keep(job=local_import, rejected=rejected),
        )
        event_record(
            actor=actor,
            verb="performance.local_import_rejected",
            target=local_import,
            partnership=partnership,
            summary=f"Did not import local figures from {local_import.file_name}: {rejected.total} problem(s)",
        )
        return local_import
    except PermissionDenied:
        return _fail(local_import, f"{actor} may no longer import the partnership's figures: nothing was written.")
    except Exception:
        logger.exception("Local import %s stopped unexpectedly", local_import.pk)
        _fail(local_import, "The import stopped unexpectedly and nothing was written. Try again later.")
        raise
    return local_import


@transaction.atomic
def _write(*, local_import: LocalImport, rows: list[LocalRow], left_out: LeftOut) -> None:
    partnership, now = local_import.partnership, timezone.now()
    indicators = {i.code: i for i in Indicator.objects.filter(code__in={row.indicator for row in rows})}
    periods = {key: _period(key) for key in dict.fromkeys(row.period for row in rows)}
    observations = [
        Observation(
            source=Observation.Source.LOCAL_IMPORT,
            partnership=partnership,
            indicator=indicators[row.indicator],
            definition_id=indicators[row.indicator].definition_id,
            period=periods[row.period],
            value=row.value,
            missing=row.missing,
            numerator=row.numerator,
            denominator=row.denominator,
            comment=row.comment,
        )
        for row in rows
    ]
    written = local_figures_save(partnership=partnership, observations=observations, recorded_at=now)
    labels = sorted(periods.values(), key=lambda p: (p.start, p.kind))
    notes = [
        f"Imported {local_import.file_name}: {len(rows)} figures for {partnership.name}"
        + (f", {labels[0].label} to {labels[-1].label}." if len(labels) > 1 else f", {labels[0].label}."),
        f"The file is {TextEncoding(local_import.encoding).label} text.",
        *left_out.sentences(runs_shown=RUNS_SHOWN),
        f"{written.created} new figures, {written.updated} corrected, {written.unchanged} already recorded.",
    ]
    _update(
        local_import,
        status=LocalImport.Status.DONE,
        finished_at=timezone.now(),
        observations_created=written.created,
        observations_updated=written.updated,
        observations_unchanged=written.unchanged,
        messages=[{"note": note} for note in notes] + left_out_keep(job=local_import, left_out=left_out),
    )
    event_record(
        actor=local_import.created_by,
        verb="performance.local_figures_imported",
        target=local_import,
        partnership=partnership,
        summary=(
            f"Imported local figures from {local_import.file_name}: {written.created} new, "
            f"{written.updated} corrected, {written.unchanged} unchanged"
        ),
        data={
            "file_name": local_import.file_name,
            "checksum": local_import.checksum,
            "rows": len(rows),
            "created": written.created,
            "updated": written.updated,
            "unchanged": written.unchanged,
        },
    )
    bump_partnership(partnership.pk)
