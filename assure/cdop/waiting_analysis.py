"""What waits for the panel on its members' home page: the open deaths ready for the panel's
analysis, every report asked of an agency being in (or none asked). Named by reference only; two
queries whatever their number."""

import datetime as dt

from django.db.models import Exists, OuterRef

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem

from .models import AgencyReport, ChildDeath
from .selectors.panels import deaths_visible_to, panels_of

READY = "cdop.ready_for_panel"


def ready_for_panel(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    """Open deaths (not paused) of the panel whose agencies' reports are all in, oldest death
    first: the panel can review them at its next meeting."""
    outstanding = AgencyReport.objects.filter(AgencyReport.OUTSTANDING, death=OuterRef("pk"))
    deaths = (
        deaths_visible_to(user=user, partnership=partnership)
        .filter(status=ChildDeath.Status.NOTIFIED, panel__in=panels_of(partnership=partnership))
        .exclude(Exists(outstanding))
        .order_by("date_of_death", "pk")
    )
    return [
        WaitingItem(
            kind=READY,
            title=f"Child death {death.reference}",
            url=partnership_url("cdop:death_detail", partnership, pk=death.pk),
            due=death.date_of_death,
            due_label="Died",
            detail="Ready for the panel's analysis: every agency's report is in",
        )
        for death in deaths
    ]
