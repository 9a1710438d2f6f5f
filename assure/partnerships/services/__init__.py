"""Every change to partnerships and their registers: each service checks that the actor may
manage the partnership, validates, runs in a transaction and records a domain event."""

from .agencies import agency_create, agency_remove, agency_update
from .budget import (
    contribution_create,
    contribution_delete,
    contribution_update,
    expenditure_create,
    expenditure_delete,
    expenditure_update,
)
from .meetings import AttendanceEntry, attendance_record, confidential_minute_create, meeting_create, meeting_update
from .partnerships import business_unit_invite, partnership_create
from .subgroups import subgroup_create, subgroup_update

__all__ = [
    "AttendanceEntry",
    "agency_create",
    "agency_remove",
    "agency_update",
    "attendance_record",
    "business_unit_invite",
    "confidential_minute_create",
    "contribution_create",
    "contribution_delete",
    "contribution_update",
    "expenditure_create",
    "expenditure_delete",
    "expenditure_update",
    "meeting_create",
    "meeting_update",
    "partnership_create",
    "subgroup_create",
    "subgroup_update",
]
