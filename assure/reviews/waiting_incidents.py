"""What the statutory clocks of case reviews have waiting for a person, for their home page: each
clock of a serious incident or a review running close to its due date (amber) or past it, for the
business unit, who acts on it, and the chair, who answers for it. It reads in a constant number
of queries however many incidents and reviews there are."""

import datetime as dt

from assure.accounts.models import User
from assure.clocks.engine import ClockState
from assure.core.waiting import WaitingItem
from assure.partnerships.models import Partnership

from .clocks import clock_alerts
from .permissions import sees_clock_alerts
from .selectors.incidents import incidents_visible_to

CLOCKS = "reviews.clocks"


def clocks_waiting(*, user: User, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """For the business unit and the chair: each clock of the partnership's incidents and reviews
    that is amber or overdue, due on its due date."""
    if not sees_clock_alerts(user=user, partnership=partnership):
        return []
    return [
        WaitingItem(
            kind=CLOCKS,
            title=clock.title,
            url=clock.url,
            due=clock.reading.due_on,
            detail=f"{clock.reading.rule.title}: {clock.reading.label}",
            overdue=clock.reading.state is ClockState.OVERDUE,
        )
        for clock in clock_alerts(user=user, partnership=partnership, today=today)
    ]


def incidents_open_phrase(*, user: User, partnership: Partnership) -> str | None:
    """The menu's line on serious incidents: how many are open, or None."""
    count = incidents_visible_to(user=user, partnership=partnership).filter(closed_on__isnull=True).count()
    if not count:
        return None
    return f"{count} serious incident{'s' if count != 1 else ''} open"
