"""What the child death clocks have waiting for the child death review manager: each open death
whose review by the panel is due within the clock's amber days or overdue (paused days left out).
Titled by the death's reference only."""

import datetime as dt

from assure.clocks.engine import ClockState
from assure.core.waiting import WaitingItem

from .clocks import review_alerts
from .permissions import can_manage_cases

REVIEWS_DUE = "cdop.reviews_due"


def reviews_due(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    if not can_manage_cases(user=user, partnership=partnership):
        return []
    return [
        WaitingItem(
            kind=REVIEWS_DUE,
            title=clock.title,
            url=clock.url,
            due=clock.reading.due_on,
            detail=f"{clock.reading.rule.title}: {clock.reading.label}",
            overdue=clock.reading.state is ClockState.OVERDUE,
        )
        for clock in review_alerts(user=user, partnership=partnership, today=today)
    ]
