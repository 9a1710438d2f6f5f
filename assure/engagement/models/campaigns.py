"""A campaign: what the board set out to tell whom, for which of the business plan's priorities,
the activities it ran (posters, flyers, social media, events, press: library kind
``engagement-activity``) and what was measured of them, by date (reach, impressions, copies
distributed, attendees: library kind ``engagement-measure``)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Campaign(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    aims = models.TextField(help_text="What the campaign sets out to change.")
    audiences = models.TextField(help_text="Who it speaks to: the commercial sector, parents, young people...")
    priority = models.ForeignKey(
        "plans.Priority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The business plan's priority it serves.",
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "pk"]

    def __str__(self) -> str:
        return self.title

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Activity(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(max_length=40, help_text="A code of the library's engagement-activity.")
    description = models.TextField()
    happened_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["happened_on", "pk"]

    def __str__(self) -> str:
        return f"Activity {self.pk}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.campaign.partnership_id]


class Measure(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="measures")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, null=True, blank=True, related_name="measures")
    kind = models.CharField(max_length=40, help_text="A code of the library's engagement-measure.")
    value = models.DecimalField(max_digits=12, decimal_places=0)
    measured_on = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["measured_on", "pk"]

    def __str__(self) -> str:
        return f"Measure {self.pk}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.campaign.partnership_id]
