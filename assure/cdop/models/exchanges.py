"""Peer assurance of the national scoring tool (the seed's §3.24): the panel sends some of its
reviewed cases, stripped of identifiers and known only by an exchange code, to another panel,
which scores them; its scoring is imported and compared with the panel's own, category by
category and on the modifiable-factor decision."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Exchange(models.Model):
    panel = models.ForeignKey("cdop.Panel", on_delete=models.CASCADE, related_name="exchanges")
    reference = models.CharField(max_length=20, unique=True, help_text="e.g. EX-001.")
    partner_panel = models.CharField(
        max_length=200, help_text="The other panel, e.g. Sandwell Child Death Overview Panel."
    )
    sent_on = models.DateField(null=True, blank=True)
    scoring_received_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.reference} with {self.partner_panel}"

    def trail_partnership_ids(self) -> list[int]:
        return self.panel.trail_partnership_ids()


class ExchangeCase(models.Model):
    """One case sent, by its exchange code; the other panel's scoring once imported."""

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="cases")
    death = models.ForeignKey("cdop.ChildDeath", on_delete=models.PROTECT, related_name="+")
    code = models.CharField(
        max_length=12, help_text="The case's code in the exchange, e.g. A3; nothing else identifies it."
    )
    summary = models.TextField(
        help_text="What the other panel reads to score the case, written for the exchange: no name, date or place."
    )
    their_category = models.ForeignKey(
        "library.LibraryItem", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    their_modifiable = models.CharField(max_length=12, blank=True)
    their_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["exchange", "code"]
        constraints = [models.UniqueConstraint(fields=["exchange", "code"], name="exchange_code_once")]

    def __str__(self) -> str:
        return f"{self.exchange.reference} case {self.code}"

    def trail_partnership_ids(self) -> list[int]:
        return self.exchange.trail_partnership_ids()
