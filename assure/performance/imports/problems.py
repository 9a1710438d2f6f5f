"""The problems of a rejected statistics file, kept within bounds.

A file can hold a problem in nearly every cell: a 20 MB file, hundreds of thousands of them. An
ImportJob's row (read by its page every two seconds while the import runs) keeps only the count
of each kind of problem and the first PROBLEMS_SHOWN of each kind, which is all the page shows.
The whole list, up to PROBLEMS_LISTED problems in file order, is written compressed beside the
uploaded file, privately like it, for the download: the same list cannot be read again from the
file without the mapping version, the library and the code of the day, and a problem repeated on
every line compresses to almost nothing. A file with more problems than that is listed in part,
and the download says how many it leaves out: correcting those listed and uploading again shows
the rest.

A file that was imported keeps, the same way, the list of every row it read but did not use (a
blank line, a row the mapping's filters leave out), with why: its page names them by reason, in
runs of lines, and the list downloads whole.
"""

import csv
import gzip
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile

from ..models import ImportJob, LocalImport
from .reader import KINDS, LISTED_AT_MOST, SHOWN_PER_KIND, ImportRejected, LeftOut

Job = ImportJob | LocalImport
"""An import of published statistics, or of a partnership's own figures: both keep their problems
alike."""

PROBLEMS_SHOWN = SHOWN_PER_KIND
PROBLEMS_LISTED = LISTED_AT_MOST
LISTING_HEADERS = ["Line", "Column", "Problem"]


@dataclass(frozen=True)
class ProblemKind:
    """One kind of problem in a file: how many there are, and the first few."""

    kind: str
    label: str
    count: int
    shown: list[dict]

    @property
    def more(self) -> int:
        return self.count - len(self.shown)


@dataclass(frozen=True)
class ProblemSummary:
    total: int
    kinds: list[ProblemKind]


def problems_keep(*, job: Job, rejected: ImportRejected) -> list[dict]:
    """What the job keeps of a rejected file's problems (its ``messages``): the count of each
    kind, the first PROBLEMS_SHOWN of each kind in file order, and where the whole list is
    stored (written here)."""
    log = rejected.log
    listed = log.listed[:PROBLEMS_LISTED]
    shown = sorted((p for problems in log.shown.values() for p in problems[:PROBLEMS_SHOWN]), key=lambda p: p.line)
    messages = [{"kind": kind, "count": count} for kind, count in log.counts.items()]
    messages += [problem.as_dict() for problem in shown]
    if log.total > len(shown):
        messages.append({"listing": _listing_save(job, listed), "listed": len(listed), "total": log.total})
    return messages


def left_out_keep(*, job: Job, left_out: LeftOut) -> list[dict]:
    """What an imported job keeps of the rows it did not use, beside its notes (which name them
    by reason): where the list of every one is stored (written here), or nothing when it used
    every row."""
    if not left_out:
        return []
    listed = left_out.listed(PROBLEMS_LISTED)
    return [{"listing": _listing_save(job, listed, "left-out"), "listed": len(listed), "total": left_out.total}]


def _listing_save(job: Job, problems: list, what: str = "problems") -> str:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerows((problem.line or "", problem.column, problem.reason) for problem in problems)
    stem = PurePosixPath(job.upload.name or f"statistics/import-{job.pk}")
    name = str(stem.with_name(f"{stem.stem}-{what}.csv.gz"))
    storage = job.upload.storage
    return storage.save(name, ContentFile(gzip.compress(text.getvalue().encode("utf-8"))))


def _listing_of(job: Job) -> dict | None:
    return next((message for message in job.messages if "listing" in message), None)


def problem_summary(*, job: Job) -> ProblemSummary | None:
    """The problems of a rejected job by kind, for its page; None when it has none."""
    shown = job.problems
    counts = {m["kind"]: m["count"] for m in job.messages if "count" in m}
    if not counts:  # a job rejected before its problems were counted kept every one of them
        counts = Counter(problem.get("kind", "file") for problem in shown)
    if not counts:
        return None
    kinds = [
        ProblemKind(
            kind=kind,
            label=KINDS.get(kind, kind),
            count=count,
            shown=[p for p in shown if p.get("kind", "file") == kind],
        )
        for kind, count in counts.items()
    ]
    return ProblemSummary(total=sum(counts.values()), kinds=kinds)


def problem_listing(*, job: Job) -> list[list] | None:
    """Every problem of a rejected job (line, column, problem) in file order, or every row an
    imported job left out (line, filter column, why), up to PROBLEMS_LISTED, and a last row
    saying how many more there are; None when it has none."""
    listing = _listing_of(job)
    if listing is None:
        problems = job.problems
        if not problems:
            return None
        return [[p["line"] or "", p["column"], p["reason"]] for p in problems]
    storage = job.upload.storage
    with storage.open(listing["listing"], "rb") as handle:
        text = gzip.decompress(handle.read()).decode("utf-8")
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""))]
    if (unlisted := listing["total"] - listing["listed"]) > 0:
        if job.status == job.Status.DONE:
            more = f"… and {unlisted:,} more rows left out, not listed."
        else:
            more = f"… and {unlisted:,} more problems not listed: correct these and upload the file again to see them."
        rows.append(["", "", more])
    return rows
