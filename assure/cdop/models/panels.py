"""A child death overview panel and the partnerships that share it.

A panel is set up by one partnership's business unit (its host, whose subgroup's meetings are the
panel's meetings) and joined by the business unit of each partnership it invites. Panel members
and the child death review manager are members of one of those partnerships, with the ``cdop``
grant there: through it they work on every child the panel reviews, whichever of its partnerships
the child lived in. Everyone else sees figures only: their own partnership's children's and the
panel's joint ones, small numbers suppressed."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Panel(models.Model):
    name = models.CharField(
        max_length=200, help_text="e.g. Shropshire and Telford & Wrekin Child Death Overview Panel."
    )
    host = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        related_name="hosted_panels",
        help_text="The partnership that set the panel up and whose subgroup holds its meetings.",
    )
    subgroup = models.ForeignKey(
        "partnerships.Subgroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The host's subgroup whose meetings are the panel's meetings.",
    )
    partnerships = models.ManyToManyField(
        "partnerships.Partnership", through="cdop.PanelPartnership", related_name="child_death_panels"
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cdop:panel_detail", kwargs={"partnership": self.host.slug, "pk": self.pk})

    def trail_partnership_ids(self) -> list[int]:
        return sorted({self.host_id, *self.memberships.values_list("partnership_id", flat=True)})


class PanelPartnership(models.Model):
    """A partnership's place in a panel: invited by the host, then joined by its own business unit
    (the host's own place is joined from the start)."""

    class Status(models.TextChoices):
        INVITED = "invited", "Invited"
        JOINED = "joined", "Joined"
        LEFT = "left", "Left"

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="memberships")
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="panel_places")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INVITED)
    invited_at = models.DateTimeField(default=timezone.now)
    joined_at = models.DateTimeField(null=True, blank=True)
    joined_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["panel", "partnership__name"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "partnership"], name="panel_partnership_once"),
        ]

    def __str__(self) -> str:
        return f"{self.partnership} in {self.panel}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id, self.panel.host_id]
