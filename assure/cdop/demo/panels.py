"""The demo's panel: the Child Death Overview Panel held jointly by Shropshire and Telford &
Wrekin, hosted by Shropshire (its subgroup's five meetings of 2014-15 are the panel's), with both
partnerships joined. Each partnership's panel member and child death review manager hold the
``cdop`` grant, so they work on every child the joint panel reviews.

Writes ``made["panel"]``."""

import datetime as dt

from django.utils import timezone

from assure.accounts.models import RestrictedGrant
from assure.demo import region
from assure.partnerships.models import Subgroup

from ..models import Panel, PanelPartnership
from ..permissions import CDOP_AREA

SUBGROUP = "Child Death Overview Panel"
PANEL_NAME = "Shropshire and Telford & Wrekin Child Death Overview Panel"
JOINED = dt.date(2013, 4, 1)


def panels_demo_load(*, partnerships, agencies, users, today, made) -> None:
    shropshire = partnerships[region.SHROPSHIRE]
    telford = partnerships[region.TELFORD_WREKIN]
    business_unit = users[(region.SHROPSHIRE, "business-unit")]
    joined_at = timezone.make_aware(dt.datetime.combine(JOINED, dt.time(10)))
    panel = Panel.objects.create(
        name=PANEL_NAME,
        host=shropshire,
        subgroup=Subgroup.objects.get(partnership=shropshire, name=SUBGROUP),
        created_by=business_unit,
        created_at=joined_at,
    )
    for partnership in (shropshire, telford):
        PanelPartnership.objects.create(
            panel=panel,
            partnership=partnership,
            status=PanelPartnership.Status.JOINED,
            invited_at=joined_at,
            joined_at=joined_at,
            joined_by=users[(partnership.slug, "business-unit")],
        )
        for role in ("panel-member", "cdop-manager"):
            RestrictedGrant.objects.create(
                user=users[(partnership.slug, role)],
                partnership=partnership,
                area=CDOP_AREA,
                reason="Works on the joint child death overview panel's cases",
            )
    made["panel"] = panel
