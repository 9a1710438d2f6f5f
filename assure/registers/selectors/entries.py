"""Reads of register entries, always given the person: the business unit sees every entry of the
partnership, an agency's lead their own agencies' entries (of any kind), and nobody else any from
these pages (a provider reads their own notifications on their own pages)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from assure.accounts.permissions import agencies_of, has_permission
from assure.partnerships.models import Agency
from assure.partnerships.years import financial_year_bounds, financial_year_of

from ..fields import displayed, sex_choices
from ..kinds import RegisterKind, kind_of, kinds_for
from ..models import Entry
from ..permissions import can_manage, may_see_entry, recording_agencies


def entries_visible_to(*, user, partnership) -> QuerySet[Entry]:
    """The partnership's entries the person may see on the registers' pages."""
    qs = Entry.objects.filter(partnership=partnership).select_related("agency", "recorded_by", "upload")
    if can_manage(user=user, partnership=partnership):
        return qs
    if has_permission(user=user, permission="registers.record", partnership=partnership):
        return qs.filter(agency_id__in=agencies_of(user=user, partnership=partnership))
    return Entry.objects.none()


def kind_entries(*, user, partnership, kind: RegisterKind) -> QuerySet[Entry]:
    """The kind's entries the person may see, newest first."""
    return entries_visible_to(user=user, partnership=partnership).filter(kind_code=kind.code)


def entry_for(*, user, partnership, pk: int) -> Entry | None:
    entry = (
        Entry.objects.filter(partnership=partnership, pk=pk)
        .select_related("agency", "recorded_by", "upload", "provider", "response", "kind")
        .first()
    )
    if entry is None or not may_see_entry(user=user, partnership=partnership, entry=entry):
        return None
    return entry


def visible_kinds(*, user, partnership) -> list[RegisterKind]:
    """The kinds whose entries the person keeps: every kind for the business unit; for an agency's
    lead those their agencies record."""
    if can_manage(user=user, partnership=partnership):
        return kinds_for(partnership)
    return [
        kind for kind in kinds_for(partnership) if recording_agencies(user=user, partnership=partnership, kind=kind)
    ]


@dataclass(frozen=True)
class KindRow:
    kind: RegisterKind
    this_year: int
    drafts: int
    may_record: bool


def registers_index(*, user, partnership, today: dt.date) -> tuple[str, list[KindRow]]:
    """The financial year of today, and each kind the person keeps with its submitted entries this
    year that they may see, their drafts, and whether they may record one."""
    year = financial_year_of(today)
    start, end = financial_year_bounds(year)
    kinds = visible_kinds(user=user, partnership=partnership)
    counts = {
        row["kind_code"]: row
        for row in entries_visible_to(user=user, partnership=partnership)
        .values("kind_code")
        .annotate(
            this_year=Count("pk", filter=Entry.SUBMITTED_Q & Q(occurred_on__range=(start, end))),
            drafts=Count("pk", filter=Q(status=Entry.Status.DRAFT)),
        )
        .order_by()
    }
    return year, [
        KindRow(
            kind=kind,
            this_year=counts.get(kind.code, {}).get("this_year", 0),
            drafts=counts.get(kind.code, {}).get("drafts", 0),
            may_record=bool(recording_agencies(user=user, partnership=partnership, kind=kind)),
        )
        for kind in kinds
    ]


def entry_agencies(*, user, partnership, kind: RegisterKind) -> list[Agency]:
    """The agencies the kind's filter offers: those with an entry the person may see."""
    ids = kind_entries(user=user, partnership=partnership, kind=kind).values("agency_id")
    return list(Agency.objects.filter(pk__in=ids).order_by("name"))


def entry_years(*, user, partnership, kind: RegisterKind, today: dt.date) -> list[str]:
    """The financial years the kind's entries fall in, newest first, this year always among them."""
    days = kind_entries(user=user, partnership=partnership, kind=kind).dates("occurred_on", "month")
    years = {financial_year_of(day) for day in days} | {financial_year_of(today)}
    return sorted(years, reverse=True)


def entry_rows(entry: Entry) -> list[tuple[str, str]]:
    """The entry's identifiers and fields in words, in its own kind's order (the version it was
    recorded on)."""
    kind = kind_of(entry.kind)
    asked = set(kind.spec.identifiers)
    rows: list[tuple[str, str]] = [("The agency's reference", entry.agency_reference)]
    if "age" in asked:
        rows.append(("Age", "" if entry.age is None else str(entry.age)))
    if "birth-month" in asked:
        rows.append(("Month of birth", entry.birth_month.strftime("%B %Y") if entry.birth_month else ""))
    if "sex" in asked:
        rows.append(("Sex", dict(sex_choices()).get(entry.sex, entry.sex)))
    if "area" in asked:
        rows.append(("Area", entry.area))
    rows += [(field.label, displayed(field, entry.values.get(field.code))) for field in kind.spec.fields]
    return rows


def safe_names(*, partnership) -> list[str]:
    """Names an entry's reference or area may hold without being taken for a person's: the
    partnership's and its agencies'."""
    names = [partnership.name, partnership.short_name or ""]
    names += Agency.objects.filter(partnerships=partnership).values_list("name", flat=True)
    return [name for name in names if name]
