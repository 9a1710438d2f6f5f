"""Reads of retention, for the business unit: each register's retention period, the oldest year
of entries it still holds and when that year goes, the years kept as figures only, and the runs
of the retention job with what each deleted in the partnership."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Min

from assure.partnerships.years import financial_year_of

from ..kinds import kinds_for
from ..models import Entry, RetainedYear, RetentionRun
from ..permissions import can_manage
from ..services.retention import deleted_after


@dataclass(frozen=True)
class KindRetention:
    code: str
    title: str
    months: int
    oldest_year: str | None  # the oldest year whose entries are still held
    oldest_deleted_after: dt.date | None  # the last day that year's entries are kept
    retained: list[RetainedYear]  # the years kept as figures only, oldest first


@dataclass(frozen=True)
class RunLine:
    started_at: dt.datetime
    finished_at: dt.datetime | None
    outcome: str
    outcome_label: str
    deleted: int  # in this partnership
    years: list[str]  # "MARAC cases 2008-09 (150)", in this partnership
    error: str


def retention_by_kind(*, user, partnership) -> list[KindRetention]:
    """Each of the partnership's register kinds with its retention, in library order."""
    if not can_manage(user=user, partnership=partnership):
        return []
    oldest = dict(
        Entry.objects.filter(partnership=partnership)
        .values("kind_code")
        .annotate(oldest=Min("occurred_on"))
        .values_list("kind_code", "oldest")
    )
    retained: dict[str, list[RetainedYear]] = {}
    for year in RetainedYear.objects.filter(partnership=partnership).order_by("kind_code", "year"):
        retained.setdefault(year.kind_code, []).append(year)
    lines = []
    for kind in kinds_for(partnership):
        months = kind.spec.retention_months
        first = financial_year_of(oldest[kind.code]) if kind.code in oldest else None
        lines.append(
            KindRetention(
                code=kind.code,
                title=kind.title,
                months=months,
                oldest_year=first,
                oldest_deleted_after=deleted_after(year=first, retention_months=months) if first else None,
                retained=retained.get(kind.code, []),
            )
        )
    return lines


def retention_runs(*, user, partnership) -> list[RunLine]:
    """The runs of the retention job, newest first, each with what it deleted in the partnership
    (a run covers every partnership; its log holds counts by partnership, kind and year)."""
    if not can_manage(user=user, partnership=partnership):
        return []
    titles = {kind.code: kind.title for kind in kinds_for(partnership)}
    lines = []
    for run in RetentionRun.objects.order_by("-started_at", "-pk"):
        here = [line for line in run.detail if line.get("partnership") == partnership.pk and line.get("deleted")]
        lines.append(
            RunLine(
                started_at=run.started_at,
                finished_at=run.finished_at,
                outcome=run.outcome,
                outcome_label=run.get_outcome_display(),
                deleted=sum(line["deleted"] for line in here),
                years=[
                    f"{titles.get(line['kind'], line['kind'])} {line.get('year', '')} ({line['deleted']:,})"
                    for line in here
                ],
                error=run.error,
            )
        )
    return lines
