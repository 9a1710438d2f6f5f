"""Reads of monthly uploads, always given the person: the business unit sees every upload of the
partnership, an agency's lead their own agency's; and the extracts an agency's lead still owes
for last month."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from assure.accounts.permissions import agencies_of, has_permission
from assure.partnerships.models import Agency

from ..kinds import RegisterKind, kinds_for
from ..models import Entry, Upload
from ..permissions import can_manage, recording_agencies


def uploads_visible_to(*, user, partnership) -> QuerySet[Upload]:
    """The partnership's uploads the person may see, newest first."""
    qs = Upload.objects.filter(partnership=partnership).select_related("agency", "uploaded_by")
    if can_manage(user=user, partnership=partnership):
        return qs
    if has_permission(user=user, permission="registers.record", partnership=partnership):
        return qs.filter(agency_id__in=agencies_of(user=user, partnership=partnership))
    return Upload.objects.none()


def upload_for(*, user, partnership, pk: int) -> Upload | None:
    return uploads_visible_to(user=user, partnership=partnership).filter(pk=pk).first()


def upload_entries(*, user, partnership, upload: Upload) -> QuerySet[Entry]:
    """The upload's entries, in the order of its month (the upload is one the person may see)."""
    if upload_for(user=user, partnership=partnership, pk=upload.pk) is None:
        return Entry.objects.none()
    return Entry.objects.filter(upload=upload).order_by("occurred_on", "number")


def upload_of_month(*, user, partnership, kind_code: str, agency: Agency, month: dt.date) -> Upload | None:
    """The upload already made of the kind for the agency and month, if any."""
    return (
        uploads_visible_to(user=user, partnership=partnership)
        .filter(kind_code=kind_code, agency=agency, month=month.replace(day=1))
        .first()
    )


def upload_agencies(*, user, partnership) -> list[Agency]:
    """The agencies the person's uploads filter offers: every agency with an upload they may see."""
    ids = uploads_visible_to(user=user, partnership=partnership).values("agency_id")
    return list(Agency.objects.filter(pk__in=ids).order_by("name"))


def uploadable_kinds(*, user, partnership) -> list[RegisterKind]:
    """The kinds the person may upload an extract of: those they may record for some agency."""
    return [
        kind for kind in kinds_for(partnership) if recording_agencies(user=user, partnership=partnership, kind=kind)
    ]


def last_month(today: dt.date) -> dt.date:
    return (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def extracts_owed(*, user, partnership, today: dt.date) -> list[tuple[RegisterKind, Agency]]:
    """For an agency's lead (not the business unit, who records for everyone): each kind their
    agency sends as a monthly extract (it has uploaded one before: an agency that records on the
    form, or not at all, is not chased), and the agency, with neither an entry nor an upload for
    last month. Four queries, however many kinds and agencies."""
    if can_manage(user=user, partnership=partnership) or not has_permission(
        user=user, permission="registers.record", partnership=partnership
    ):
        return []
    agencies = list(
        Agency.objects.filter(partnerships=partnership, pk__in=agencies_of(user=user, partnership=partnership))
        .select_related("agency_type")
        .order_by("name")
    )
    if not agencies:
        return []
    month = last_month(today)
    sends = set(
        Upload.objects.filter(partnership=partnership, agency__in=agencies, month__lt=month).values_list(
            "agency_id", "kind_code"
        )
    )
    done = set(
        Upload.objects.filter(partnership=partnership, agency__in=agencies, month=month).values_list(
            "agency_id", "kind_code"
        )
    ) | set(
        Entry.objects.filter(
            partnership=partnership, agency__in=agencies, occurred_on__gte=month, occurred_on__lt=today.replace(day=1)
        ).values_list("agency_id", "kind_code")
    )
    return [
        (kind, agency)
        for kind in kinds_for(partnership)
        for agency in agencies
        if agency.agency_type is not None
        and agency.agency_type.code in kind.spec.recorded_by
        and (agency.pk, kind.code) in sends
        and (agency.pk, kind.code) not in done
    ]
