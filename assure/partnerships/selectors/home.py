"""The home page's "What needs me": every app's waiting items for the person, in one list, and
for the business unit the returns overdue by agency."""

import datetime as dt
from dataclasses import dataclass, field

from assure.accounts.permissions import can_manage_members
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem, waiting_for, waiting_kinds

from ..models import Partnership
from ..permissions import can_view
from ..waiting import AGENCIES_WITHOUT_LEAD


@dataclass(frozen=True)
class Waiting:
    item: WaitingItem
    label: str  # what kind of thing it is: its kind's label


@dataclass
class AgencyOverdue:
    agency: str
    overdue: int
    kinds: list[str]
    without_lead: bool = False


@dataclass
class Home:
    waiting: list[Waiting] = field(default_factory=list)
    overdue_by_agency: list[AgencyOverdue] = field(default_factory=list)
    shows_overdue_by_agency: bool = False
    invite_url: str = ""
    # Agencies nobody could answer for, shown once below the list rather than one item each:
    # a partnership of forty agencies may have twenty without an account yet.
    without_lead: list[str] = field(default_factory=list)


def home_of(*, user, partnership: Partnership, today: dt.date) -> Home | None:
    """What waits for the person in the partnership, the nearest deadline first, each with its
    kind's label; for those who invite members (the business unit), the returns overdue by agency,
    data returns and Section 11 returns together, flagging agencies nobody could answer for. The
    queries are each kind's own (a constant number each), none per item."""
    if not can_view(user=user, partnership=partnership):
        return None
    labels = {kind.key: kind.label for kind in waiting_kinds()}
    items = waiting_for(user=user, partnership=partnership, today=today)
    home = Home(
        waiting=[
            Waiting(item=item, label=labels.get(item.kind, "")) for item in items if item.kind != AGENCIES_WITHOUT_LEAD
        ],
        without_lead=sorted(item.agency for item in items if item.kind == AGENCIES_WITHOUT_LEAD),
    )
    if can_manage_members(user=user, partnership=partnership):
        home.shows_overdue_by_agency = True
        home.invite_url = partnership_url("accounts:member_add", partnership)
        without_lead = set(home.without_lead)
        rows: dict[str, AgencyOverdue] = {}
        for item in items:
            if not (item.returns_overdue and item.agency):
                continue
            row = rows.setdefault(item.agency, AgencyOverdue(agency=item.agency, overdue=0, kinds=[]))
            row.overdue += 1
            if (label := labels.get(item.kind, "")) and label not in row.kinds:
                row.kinds.append(label)
        for row in rows.values():
            row.without_lead = row.agency in without_lead
        home.overdue_by_agency = sorted(rows.values(), key=lambda r: (-r.overdue, r.agency))
    return home
