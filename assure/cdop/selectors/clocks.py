"""The clocks of a child's death, for its page: the notification (due within a day of the death),
the time from the death to the child death review meeting (elapsed days, no target) and the
panel's review (due six months after the death, less the days paused), with the gaps in days,
the pause in words and whether the person may pause or resume it."""

import datetime as dt

from django.utils import timezone

from ..clocks import completion_reading, days_paused_by, notification_reading
from ..models import ChildDeath
from ..permissions import can_manage_cases


def _gap(start: dt.date | None, end: dt.date | None) -> int | None:
    if start is None or end is None:
        return None
    return (end - start).days


def clocks_for_death_page(*, user, partnership, death: ChildDeath, today: dt.date | None = None) -> dict:
    """The context of ``cdop/_death_clocks.html`` on a death's page."""
    from ..services.clocks import pause_reason_label

    today = today or timezone.localdate()
    paused = death.status == ChildDeath.Status.PAUSED
    may_manage = can_manage_cases(user=user, partnership=partnership)
    from assure.core.navigation import partnership_url

    return {
        "clock_notification": notification_reading(death, today),
        "clock_notification_days": _gap(death.date_of_death, death.notified_on),
        "clock_meeting_days": _gap(death.date_of_death, death.review_meeting_on),
        "clock_completion": completion_reading(death, today) if death.status != ChildDeath.Status.PASSED_ON else None,
        "clock_review_days": _gap(death.date_of_death, death.reviewed_on),
        "clock_days_paused": days_paused_by(death, today),
        "clock_paused": paused,
        "clock_paused_on": death.paused_on if paused else None,
        "clock_paused_reason": pause_reason_label(death.paused_reason) if paused else "",
        "clock_pause_url": partnership_url("cdop:death_pause", partnership, pk=death.pk)
        if may_manage and death.status == ChildDeath.Status.NOTIFIED
        else "",
        "clock_resume_url": partnership_url("cdop:death_resume", partnership, pk=death.pk)
        if may_manage and paused
        else "",
    }
