"""How a referral is handled beyond its own fields: the meetings about it (joint evaluation,
strategy discussion, review, outcome), and the updates the officer asks of the employer's case
manager, who answers by a link in an e-mail and is reminded until they do."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Meeting(models.Model):
    referral = models.ForeignKey("lado.Referral", on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(max_length=40, help_text="A code of the library's lado-meeting-kind.")
    held_on = models.DateField("the date held")
    attendees = models.TextField(
        blank=True, help_text="Who attended, by role and agency (e.g. 'Detective sergeant, West Mercia Police')."
    )
    decisions = models.TextField(blank=True, help_text="Restricted.")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["referral", "held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.referral.reference} meeting on {self.held_on:%d %B %Y}"

    def trail_partnership_ids(self) -> list[int]:
        return self.referral.trail_partnership_ids()


class UpdateRequest(models.Model):
    """An update asked of the employer's case manager (who needs no account): what the officer
    asks, by when, and the answer given through the link."""

    referral = models.ForeignKey("lado.Referral", on_delete=models.CASCADE, related_name="update_requests")
    asked_of_name = models.CharField(max_length=150)
    asked_of_email = models.EmailField()
    question = models.TextField()
    due_on = models.DateField()
    token_digest = models.CharField(max_length=64, db_index=True)
    answer = models.TextField(blank=True, help_text="Restricted.")
    answered_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["referral", "due_on", "pk"]

    def __str__(self) -> str:
        return f"Update on {self.referral.reference} due {self.due_on:%d %B %Y}"

    @property
    def is_outstanding(self) -> bool:
        return self.answered_at is None and self.withdrawn_at is None

    def trail_partnership_ids(self) -> list[int]:
        return self.referral.trail_partnership_ids()
