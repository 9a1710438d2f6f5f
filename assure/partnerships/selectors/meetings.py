"""Reads of meetings, who is expected at them and who attended, and their confidential items."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from assure.accounts.permissions import permissions_of
from assure.core.navigation import partnership_url

from ..hooks import meeting_parts
from ..models import Agency, Attendance, ConfidentialMinute, Meeting, Partnership, PartnershipAgency
from ..permissions import can_read_confidential_minutes, can_view
from ..years import financial_year_of


def meetings_of(*, user, partnership: Partnership) -> QuerySet[Meeting]:
    """The partnership's meetings, newest first, with how many attendance records each has."""
    if not can_view(user=user, partnership=partnership):
        return Meeting.objects.none()
    return (
        Meeting.objects.filter(partnership=partnership)
        .select_related("subgroup")
        .annotate(attendance_count=Count("attendance", distinct=True))
        .order_by("-held_on", "-pk")
    )


def meeting_years(*, user, partnership: Partnership) -> list[str]:
    """The financial years in which the partnership has meetings, newest first."""
    if not can_view(user=user, partnership=partnership):
        return []
    # The months with meetings (at most twelve a year) rather than every meeting's date.
    months = Meeting.objects.filter(partnership=partnership).dates("held_on", "month")
    return sorted({financial_year_of(month) for month in months}, reverse=True)


def expected_agencies(*, user, meeting: Meeting) -> list[Agency]:
    """The agencies expected at a meeting: for the board, the partnership's current agencies with a
    board seat; for a subgroup, its agencies that are still in the partnership. Agencies already
    recorded as attending or not are always included, so a record can be corrected after an
    agency has left."""
    if not can_view(user=user, partnership=meeting.partnership):
        return []
    current = PartnershipAgency.objects.filter(partnership=meeting.partnership, left_on__isnull=True)
    if meeting.subgroup_id:
        expected_ids = set(
            meeting.subgroup.agencies.filter(pk__in=current.values("agency_id")).values_list("pk", flat=True)
        )
    else:
        expected_ids = set(current.filter(on_board=True).values_list("agency_id", flat=True))
    expected_ids |= set(meeting.attendance.values_list("agency_id", flat=True))
    return list(Agency.objects.filter(pk__in=expected_ids).order_by("name"))


@dataclass(frozen=True)
class AttendanceLine:
    agency: Agency
    attendance: Attendance | None


def attendance_sheet(*, user, meeting: Meeting) -> list[AttendanceLine]:
    """Each expected agency of a meeting with its attendance record, if one has been made."""
    recorded = (
        {a.agency_id: a for a in meeting.attendance.all()}
        if can_view(user=user, partnership=meeting.partnership)
        else {}
    )
    return [AttendanceLine(agency, recorded.get(agency.pk)) for agency in expected_agencies(user=user, meeting=meeting)]


def confidential_minutes_of(*, user, meeting: Meeting) -> QuerySet[ConfidentialMinute]:
    """A meeting's confidential items, for people who may read them; nothing for anyone else."""
    if not can_read_confidential_minutes(user=user, partnership=meeting.partnership):
        return ConfidentialMinute.objects.none()
    return meeting.confidential_minutes.order_by("pk")


def confidential_minute_count(*, user, meeting: Meeting) -> int:
    """How many confidential items a meeting has: members may know that some exist, not what
    they say."""
    if not can_view(user=user, partnership=meeting.partnership):
        return 0
    return meeting.confidential_minutes.count()


def confidential_minute_for(*, user, partnership: Partnership, pk: int) -> ConfidentialMinute | None:
    """One confidential item of the partnership, or None when it does not exist there or the user
    may not read it (the two are not told apart)."""
    if not can_read_confidential_minutes(user=user, partnership=partnership):
        return None
    return (
        ConfidentialMinute.objects.filter(meeting__partnership=partnership, pk=pk)
        .select_related("meeting", "meeting__subgroup", "recorded_by")
        .first()
    )


def agency_attendance(*, user, partnership: Partnership, agency: Agency) -> QuerySet[Attendance]:
    """An agency's attendance records at the partnership's meetings, newest meeting first."""
    if not can_view(user=user, partnership=partnership):
        return Attendance.objects.none()
    return (
        Attendance.objects.filter(meeting__partnership=partnership, agency=agency)
        .select_related("meeting", "meeting__subgroup")
        .order_by("-meeting__held_on", "-meeting__pk")
    )


@dataclass(frozen=True)
class MeetingLink:
    label: str
    url: str


def meeting_links(*, user, partnership: Partnership, meeting: Meeting) -> list[MeetingLink]:
    """The pages other apps registered about a meeting (``hooks.register_meeting_part``: its
    agenda, its minutes) that the person may open."""
    if not can_view(user=user, partnership=partnership):
        return []
    held = permissions_of(user=user, partnership=partnership)
    return [
        MeetingLink(part.label, partnership_url(part.url_name, partnership, meeting=meeting.pk))
        for part in meeting_parts()
        if part.permission in held
    ]
