"""What waits for a business unit about panels: each invitation to join a child death overview
panel it has not answered."""

import datetime as dt

from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem

from .models import PanelPartnership
from .permissions import can_set_up_panels

TO_JOIN = "cdop.panels_to_join"


def panels_to_join(*, user, partnership, today: dt.date) -> list[WaitingItem]:
    if not can_set_up_panels(user=user, partnership=partnership):
        return []
    places = PanelPartnership.objects.filter(
        partnership=partnership, status=PanelPartnership.Status.INVITED, panel__is_active=True
    ).select_related("panel", "panel__host")
    return [
        WaitingItem(
            kind=TO_JOIN,
            title=f"Invitation to join {place.panel.name}",
            url=partnership_url("cdop:panel_join", partnership, pk=place.pk),
            detail=f"From {place.panel.host.name}",
        )
        for place in places
    ]
