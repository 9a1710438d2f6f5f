"""Retention: a register keeps its entries for its kind's ``retention_months`` after the end of
the financial year they are counted in, then deletes them a whole year at a time, keeping that
year's figures (``RetainedYear``) so the figures pages, the computed indicators and the annual
report still give the year.

``registers_retention_run`` is the daily job (``manage.py registers_retention``, run by
``daily_jobs``). Each partnership, kind and year is one transaction: its figures kept, then its
entries, their questionnaire responses and the uploads they leave empty deleted. A year that
fails is rolled back alone and tried again by the next run; the run goes on with the others and
is logged as failed, with the error's class name only. The log holds counts, never identifiers."""

import calendar
import datetime as dt
import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_bounds, financial_year_of
from assure.questionnaires.models import Response

from ..kinds import RegisterKind, kinds_for
from ..models import Entry, RetainedYear, RetentionRun, Upload

logger = logging.getLogger(__name__)


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deleted_after(*, year: str, retention_months: int) -> dt.date:
    """The last day a year's entries are kept: the year's end plus the retention period. They are
    deleted by the first run after it."""
    return months_after(financial_year_bounds(year)[1], retention_months)


def years_due(*, partnership: Partnership, kind: RegisterKind, today: dt.date) -> list[str]:
    """The financial years, oldest first, whose entries of the kind are past its retention period
    on ``today`` and still held."""
    entries = Entry.objects.filter(partnership=partnership, kind_code=kind.code)
    oldest = entries.aggregate(oldest=Min("occurred_on"))["oldest"]
    if oldest is None:
        return []
    due, year = [], financial_year_of(oldest)
    while deleted_after(year=year, retention_months=kind.spec.retention_months) < today:
        start, end = financial_year_bounds(year)
        if entries.filter(occurred_on__range=(start, end)).exists():
            due.append(year)
        year = financial_year_of(end + dt.timedelta(days=1))
    return due


@dataclass(frozen=True)
class YearRetained:
    partnership_id: int
    kind_code: str
    year: str
    deleted: int


def year_retain(*, partnership: Partnership, kind: RegisterKind, year: str) -> YearRetained:
    """Keep the year's figures of the kind, then delete its entries (submitted and draft), their
    questionnaire responses and the uploads left empty: all or nothing. A year already kept (an
    entry recorded late for it) keeps its figures as they were and counts the entries deleted."""
    from ..figures import year_figures

    start, end = financial_year_bounds(year)
    with transaction.atomic():
        entries = Entry.objects.select_for_update().filter(
            partnership=partnership, kind_code=kind.code, occurred_on__range=(start, end)
        )
        ids = list(entries.values_list("pk", flat=True))
        retained = (
            RetainedYear.objects.select_for_update()
            .filter(partnership=partnership, kind_code=kind.code, year=year)
            .first()
        )
        if retained is None:
            # Counted before a single entry goes: the figures are the year's as the pages gave them.
            retained = RetainedYear(
                partnership=partnership,
                kind_code=kind.code,
                year=year,
                figures=year_figures(partnership=partnership, kind=kind, year=year),
            )
        retained.entries_deleted += len(ids)
        retained.kept_at = timezone.now()
        retained.save()
        gone = Entry.objects.filter(pk__in=ids)
        response_ids = set(gone.exclude(response=None).values_list("response_id", flat=True))
        response_ids |= set(
            Response.objects.filter(
                about_type=ContentType.objects.get_for_model(Entry), about_id__in=[str(pk) for pk in ids]
            ).values_list("pk", flat=True)
        )
        upload_ids = set(gone.exclude(upload=None).values_list("upload_id", flat=True))
        gone.delete()
        Response.objects.filter(pk__in=response_ids).delete()
        Upload.objects.filter(pk__in=upload_ids, entries__isnull=True).delete()
        event_record(
            actor=None,
            verb="registers.year_retained",
            target=retained,
            partnership=partnership,
            summary=f"{kind.title} of {year}: {len(ids)} entries deleted after {kind.spec.retention_months} "
            "months; the year's figures kept",
            data={"kind": kind.code, "year": year, "deleted": len(ids)},
        )
    return YearRetained(partnership_id=partnership.pk, kind_code=kind.code, year=year, deleted=len(ids))


def registers_retention_run(*, today: dt.date | None = None) -> RetentionRun:
    """Delete, for every partnership and register kind, the years of entries past the kind's
    retention period, keeping each year's figures first; log the run (counts only)."""
    today = today or timezone.localdate()
    run = RetentionRun.objects.create(started_at=timezone.now())
    detail: list[dict] = []
    errors: list[str] = []
    try:
        _partnerships_retain(today=today, detail=detail, errors=errors)
    except Exception as error:  # logged as failed, never left "running"
        logger.exception("The retention run failed")
        errors.append(type(error).__name__)
    run.detail = detail
    run.deleted = sum(line.get("deleted", 0) for line in detail)
    run.outcome = RetentionRun.Outcome.FAILED if errors else RetentionRun.Outcome.DONE
    run.error = ", ".join(sorted(set(errors)))[:300]
    run.finished_at = timezone.now()
    run.save()
    return run


def _partnerships_retain(*, today: dt.date, detail: list[dict], errors: list[str]) -> None:
    """Each partnership's kinds and their years due, each year on its own; what was done and what
    failed added to ``detail`` and ``errors``."""
    for partnership in Partnership.objects.order_by("pk"):
        years_changed: list[str] = []
        for kind in kinds_for(partnership):
            try:
                due = years_due(partnership=partnership, kind=kind, today=today)
            except Exception as error:  # a kind that cannot be read must not stop the others
                logger.exception("Retention could not find the years due of a register kind")
                errors.append(type(error).__name__)
                detail.append({"partnership": partnership.pk, "kind": kind.code, "failed": type(error).__name__})
                continue
            for year in due:
                try:
                    done = year_retain(partnership=partnership, kind=kind, year=year)
                except Exception as error:  # rolled back; the next run tries the year again
                    logger.exception("Retention of a register year failed")
                    errors.append(type(error).__name__)
                    detail.append(
                        {"partnership": partnership.pk, "kind": kind.code, "year": year, "failed": type(error).__name__}
                    )
                    continue
                detail.append({"partnership": partnership.pk, "kind": kind.code, "year": year, "deleted": done.deleted})
                years_changed.append(year)
        if years_changed:
            records_changed("registers", partnership_ids=[partnership.pk], years=years_changed)
