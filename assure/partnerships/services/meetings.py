"""Changes to meetings, their attendance and their confidential items."""

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.services import model_update

from ..models import Agency, Attendance, ConfidentialMinute, Meeting, Partnership, Subgroup
from ..permissions import ensure_can_manage
from ..registers import MEETINGS, registers_changed
from ..selectors import expected_agencies


def _meeting_errors(partnership: Partnership, subgroup: Subgroup | None, held_on: dt.date | None) -> dict[str, str]:
    errors = {}
    if subgroup is not None and subgroup.partnership_id != partnership.pk:
        errors["subgroup"] = "Choose the board or one of this partnership's subgroups."
    if held_on is None:
        errors["held_on"] = "Enter the date of the meeting."
    return errors


@transaction.atomic
def meeting_create(
    *,
    actor,
    partnership: Partnership,
    held_on: dt.date,
    subgroup: Subgroup | None = None,
    title: str = "",
    location: str = "",
    notes: str = "",
) -> Meeting:
    """Add a meeting of the board (no subgroup) or of one of the partnership's subgroups."""
    ensure_can_manage(user=actor, partnership=partnership)
    errors = _meeting_errors(partnership, subgroup, held_on)
    if errors:
        raise ValidationError(errors)
    meeting = Meeting(
        partnership=partnership, subgroup=subgroup, held_on=held_on, title=title, location=location, notes=notes
    )
    meeting.full_clean()
    meeting.save()
    registers_changed(partnership_ids=[partnership.pk], registers=[MEETINGS])
    event_record(
        actor=actor, verb="meeting.added", target=meeting, partnership=partnership, summary=f"Meeting added: {meeting}"
    )
    records_changed("partnerships", partnership_ids=[partnership.pk])
    return meeting


@transaction.atomic
def meeting_update(
    *,
    actor,
    meeting: Meeting,
    held_on: dt.date,
    subgroup: Subgroup | None = None,
    title: str = "",
    location: str = "",
    notes: str = "",
) -> Meeting:
    """Change a meeting's body, date or details. A meeting whose attendance has been recorded
    keeps its body, since who was expected depends on it."""
    partnership = meeting.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    errors = _meeting_errors(partnership, subgroup, held_on)
    if meeting.subgroup_id != (subgroup.pk if subgroup else None) and meeting.attendance.exists():
        errors["subgroup"] = (
            "Attendance has been recorded for this meeting, so it cannot move to another body. "
            "Add a new meeting instead."
        )
    if errors:
        raise ValidationError(errors)
    model_update(
        instance=meeting,
        fields=["subgroup", "held_on", "title", "location", "notes"],
        data={"subgroup": subgroup, "held_on": held_on, "title": title, "location": location, "notes": notes},
    )
    registers_changed(partnership_ids=[partnership.pk], registers=[MEETINGS])
    event_record(
        actor=actor,
        verb="meeting.updated",
        target=meeting,
        partnership=partnership,
        summary=f"Meeting updated: {meeting}",
    )
    records_changed("partnerships", partnership_ids=[partnership.pk])
    return meeting


class AttendanceEntry(NamedTuple):
    """One agency's line of an attendance record; a blank status means not recorded."""

    agency: Agency
    status: str
    representative: str = ""


@transaction.atomic
def attendance_record(*, actor, meeting: Meeting, entries: Iterable[AttendanceEntry]) -> list[Attendance]:
    """Record, in one go, whether each expected agency attended a meeting that has taken place.

    Each entry's status is one of Attendance.Status, or blank to leave (or make) the agency
    unrecorded; agencies not expected at the meeting are refused.
    """
    partnership = meeting.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    if meeting.held_on > timezone.localdate():
        raise ValidationError("Attendance can be recorded once the meeting has taken place.")
    entries = list(entries)
    expected = {a.pk for a in expected_agencies(user=actor, meeting=meeting)}
    problems = []
    for entry in entries:
        if entry.agency.pk not in expected:
            problems.append(f"{entry.agency.name} is not expected at this meeting.")
        elif entry.status and entry.status not in Attendance.Status.values:
            problems.append(f"Choose whether {entry.agency.name} attended.")
    if problems:
        raise ValidationError(problems)

    existing = {a.agency_id: a for a in meeting.attendance.all()}
    saved = []
    for entry in entries:
        record = existing.get(entry.agency.pk)
        if not entry.status:
            if record is not None:
                record.delete()
            continue
        representative = (entry.representative or "").strip()
        if record is None:
            record = Attendance(
                meeting=meeting, agency=entry.agency, status=entry.status, representative=representative
            )
            record.full_clean()
            record.save()
        else:
            model_update(
                instance=record,
                fields=["status", "representative"],
                data={"status": entry.status, "representative": representative},
            )
        saved.append(record)

    # The meetings register counts each meeting's attendance records.
    registers_changed(partnership_ids=[partnership.pk], registers=[MEETINGS])
    attended = sum(1 for record in saved if record.status in Attendance.ATTENDED)
    event_record(
        actor=actor,
        verb="attendance.recorded",
        target=meeting,
        partnership=partnership,
        summary=f"Attendance recorded for {meeting}: {attended} of {len(saved)} agencies attended",
        data={"recorded": len(saved), "attended": attended},
    )
    records_changed("partnerships", partnership_ids=[partnership.pk])
    return saved


@transaction.atomic
def confidential_minute_create(*, actor, meeting: Meeting, heading: str, text: str) -> ConfidentialMinute:
    """Add a confidential item to a meeting's minutes. Its heading and text stay out of the
    trail: the event says only that an item was added."""
    partnership = meeting.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    heading, text = (heading or "").strip(), (text or "").strip()
    errors = {}
    if not heading:
        errors["heading"] = "Enter a heading for the confidential item."
    if not text:
        errors["text"] = "Enter the text of the confidential item."
    if errors:
        raise ValidationError(errors)
    minute = ConfidentialMinute(meeting=meeting, heading=heading, text=text, recorded_by=actor)
    minute.full_clean()
    minute.save()
    event_record(
        actor=actor,
        verb="confidential_minute.added",
        target=minute,
        partnership=partnership,
        summary=f"Confidential item added to the minutes of {meeting}",
    )
    return minute
