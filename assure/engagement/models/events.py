"""An event the board holds or supports: a conference, a community workshop, a development
session (library kind ``engagement-event-kind``), with its purpose, audience, attendance and
feedback. Where it was run as a training session (a conference in the training calendar), it
names the session's reference (TS-NNNN) and its attendance is the training register's, read
through the tenant core's hook rather than typed again."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Event(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=40, help_text="A code of the library's engagement-event-kind.")
    title = models.CharField(max_length=200)
    held_on = models.DateField()
    venue = models.CharField(max_length=200, blank=True)
    area = models.CharField(max_length=80, blank=True)
    purpose = models.TextField(blank=True)
    audience = models.CharField(max_length=200, blank=True)
    attendees = models.PositiveIntegerField(
        null=True, blank=True, help_text="Those who came; left empty when the training register counts them."
    )
    training_session = models.CharField(
        "the training session's reference", max_length=20, blank=True, help_text="e.g. TS-0042, when run as training."
    )
    feedback = models.TextField("feedback in summary", blank=True)
    priority = models.ForeignKey("plans.Priority", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    campaign = models.ForeignKey(
        "engagement.Campaign", on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "pk"]

    def __str__(self) -> str:
        return self.title

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
