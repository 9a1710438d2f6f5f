"""Which of the business plan's priorities a register is monitored under (the seed's Priority 2
monitors the CSE panel, missing episodes and placements), so that the annual report's section on
that priority shows the register's figures, and the plan knows what hangs under it."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class MonitoredUnder(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    kind_code = models.CharField(max_length=60)
    priority = models.ForeignKey("plans.Priority", on_delete=models.PROTECT, related_name="+")
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind_code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "kind_code"], name="registers_monitored_under_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind_code} under priority {self.priority_id}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
