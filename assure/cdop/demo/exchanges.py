"""The demo's scoring exchange: in autumn 2014 the joint panel sent four of the Shropshire cases
it had reviewed (the first four reviewed, from ``made["deaths"]``) to Sandwell Child Death
Overview Panel, each known only by its code and an invented summary, and Sandwell's scoring came
back with one category and one modifiable-factor decision different from the panel's own.

Writes ``made["exchange"]``."""

import datetime as dt

from django.utils import timezone

from assure.demo import region
from assure.library.selectors import current_item

from ..models import ChildDeath, Exchange, ExchangeCase

PARTNER = "Sandwell Child Death Overview Panel"
SENT_ON = dt.date(2014, 10, 6)
RECEIVED_ON = dt.date(2014, 11, 17)
# A summary for the other panel by category, identifying nobody.
SUMMARIES = {
    "perinatal-neonatal": "A baby born early who died in the neonatal unit in the first days of life; the mother "
    "smoked in pregnancy.",
    "chromosomal-genetic-congenital": "A baby with a heart condition found before birth, who died after surgery.",
    "sudden-unexpected-unexplained": "A baby found unresponsive in the morning after sleeping on a sofa with a parent.",
    "infection": "A young child unwell for two days with a fever, taken to hospital and found to have sepsis.",
}
DEFAULT_SUMMARY = "A child known to several services whose death the panel reviewed."
# Sandwell's scoring differs on the second case's category and on the third's modifiable factors.
THEIR_CATEGORY = {"A2": "acute-medical-or-surgical"}
THEIR_MODIFIABLE = {"A3": {"none": "identified", "identified": "none", "insufficient": "none"}}


def exchanges_demo_load(*, partnerships, agencies, users, today, made) -> None:
    deaths = made.get("deaths") or {}
    panel = made["panel"]
    reviewed = sorted(
        (
            death
            for key, death in deaths.items()
            if key.startswith("shropshire-") and death.status == ChildDeath.Status.REVIEWED and death.reviewed_on
        ),
        key=lambda death: (death.reviewed_on, death.reference),
    )[:4]
    if not reviewed:
        return
    manager = users.get((region.SHROPSHIRE, "cdop-manager"))
    exchange = Exchange.objects.create(
        panel=panel,
        reference="EX-001",
        partner_panel=PARTNER,
        sent_on=SENT_ON,
        scoring_received_on=RECEIVED_ON,
        notes="Peer assurance of the panel's scoring, agreed with Sandwell at the regional network.",
        created_by=manager,
        created_at=timezone.make_aware(dt.datetime.combine(SENT_ON, dt.time(9))),
    )
    for number, death in enumerate(reviewed, start=1):
        code = f"A{number}"
        ours = death.category.code if death.category else ""
        theirs = THEIR_CATEGORY.get(code, ours)
        modifiable = THEIR_MODIFIABLE.get(code, {}).get(death.modifiable, death.modifiable)
        ExchangeCase.objects.create(
            exchange=exchange,
            death=death,
            code=code,
            summary=SUMMARIES.get(ours, DEFAULT_SUMMARY),
            their_category=current_item(kind="cdop-category", code=theirs) if theirs else None,
            their_modifiable=modifiable,
            their_notes="Scored at Sandwell's panel meeting of November 2014.",
        )
    made["exchange"] = exchange
