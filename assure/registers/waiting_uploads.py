"""What monthly uploads have waiting, for the home page and the menu: for an agency's lead, once
the 10th of the month has come, each register their agency sends as a monthly extract (it has
uploaded one before) with neither an entry nor an upload for last month ("Upload April 2015's
MARAC cases extract"). An agency that records on the form, or not at all, is not chased. Each
reads in a constant number of queries.

The monthly reminder (rule ``register-upload``) goes to the agency's leads on the days before the
10th the rule names and while the extract stays owed after it: one a day for an agency, naming
every register it owes (the agency is the reminder's record)."""

import datetime as dt

from django.utils import timezone

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem

from .selectors.uploads import extracts_owed, last_month
from .services.uploads import month_name

TO_UPLOAD = "registers.extracts_to_upload"
# Extracts of last month are owed by this day of the month (the business unit's usual ask).
DUE_DAY = 10


def due_on(today: dt.date) -> dt.date:
    return today.replace(day=DUE_DAY)


def extracts_to_upload(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    if today.day < DUE_DAY:
        return []
    owed = extracts_owed(user=user, partnership=partnership, today=today)
    if not owed:
        return []
    month = month_name(last_month(today))
    several = len({agency.pk for _, agency in owed}) > 1
    return [
        WaitingItem(
            kind=TO_UPLOAD,
            title=f"Upload {month}'s {kind.title} extract" + (f": {agency.name}" if several else ""),
            url=partnership_url("registers:upload", partnership, kind=kind.code),
            due=due_on(today),
            detail="No entry or upload for the month yet; a file with the headings only says there were none",
            agency=agency.name,
            overdue=today > due_on(today),
        )
        for kind, agency in owed
    ]


def extracts_phrase(*, user, partnership) -> str | None:
    """The menu's line: how many of last month's extracts the lead's agency still owes."""
    today = timezone.localdate()
    if today.day < DUE_DAY:
        return None
    count = len(extracts_owed(user=user, partnership=partnership, today=today))
    return f"{count} extract{'s' if count != 1 else ''} to upload" if count else None


def reminders_due(*, today: dt.date):
    """The ``register-upload`` reminder source: for each agency, in each active partnership, that
    sends a register as a monthly extract (it has uploaded one before) and has an active lead, the
    registers with neither an entry nor an upload for last month, due on the 10th. A handful of
    queries, plus one for each partnership's kinds."""
    from assure.accounts.recipients import agency_people_with
    from assure.notifications.reminders import ReminderDue
    from assure.partnerships.models import Agency, Partnership

    from .kinds import kinds_for
    from .models import Entry, Upload

    month, deadline = last_month(today), due_on(today)
    partnerships = {p.pk: p for p in Partnership.objects.filter(is_active=True)}
    leads = agency_people_with(permission="registers.record", partnership_ids=list(partnerships))
    if not leads:
        return []
    agencies = Agency.objects.select_related("agency_type").in_bulk({agency for _, agency in leads})
    sends = set(
        Upload.objects.filter(partnership_id__in=partnerships, month__lt=month).values_list(
            "partnership_id", "agency_id", "kind_code"
        )
    )
    done = set(
        Upload.objects.filter(partnership_id__in=partnerships, month=month).values_list(
            "partnership_id", "agency_id", "kind_code"
        )
    ) | set(
        Entry.objects.filter(
            partnership_id__in=partnerships, occurred_on__gte=month, occurred_on__lt=today.replace(day=1)
        ).values_list("partnership_id", "agency_id", "kind_code")
    )
    kinds: dict[int, list] = {}
    due = []
    for (partnership_id, agency_id), people in sorted(leads.items()):
        agency, partnership = agencies.get(agency_id), partnerships[partnership_id]
        if agency is None or agency.agency_type is None:
            continue
        if partnership_id not in kinds:
            kinds[partnership_id] = kinds_for(partnership)
        owed = [
            kind.title
            for kind in kinds[partnership_id]
            if agency.agency_type.code in kind.spec.recorded_by
            and (partnership_id, agency_id, kind.code) in sends
            and (partnership_id, agency_id, kind.code) not in done
        ]
        if not owed:
            continue
        due.append(
            ReminderDue(
                target=agency,
                partnership=partnership,
                recipients=people,
                deadline=deadline,
                subject=f"{month_name(month)}'s register extracts for {agency.name}",
                body=(
                    f"{partnership} asks {agency.name} for its extracts of {month_name(month)} by "
                    f"{deadline:%-d %B %Y}. Not yet uploaded or recorded: {', '.join(owed)}. A file with "
                    "the headings only says there were no cases that month."
                ),
                path=partnership_url("registers:uploads", partnership),
                kind="registers.upload",
            )
        )
    return due
