"""A voice: something a child, a young person, a parent, a practitioner or someone in the
community told the board (feedback, a comment on the website, a survey's free-text answer, what
was said at an event), with its source type (library kind ``voice-source``), whether they
consented to being quoted, and the priority it relates to. Nothing is quoted until the business
unit has reviewed it; quotes are chosen for the annual report from the reviewed ones."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Voice(models.Model):
    class Status(models.TextChoices):
        TO_REVIEW = "to-review", "To review"
        APPROVED = "approved", "May be quoted"
        WITHHELD = "withheld", "Not to be quoted"

    QUOTABLE_Q = Q(status="approved", consent_to_quote=True)

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    source_type = models.CharField(max_length=40, help_text="A code of the library's voice-source.")
    channel = models.CharField(
        max_length=120, help_text="How it reached the board: the website, a survey, an event, a letter..."
    )
    heard_on = models.DateField()
    text = models.TextField(help_text="What was said, in their words; no names.")
    consent_to_quote = models.BooleanField(default=False)
    consent_note = models.CharField(max_length=300, blank=True, help_text="How and when consent was given.")
    priority = models.ForeignKey("plans.Priority", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.TO_REVIEW)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    withheld_reason = models.CharField(max_length=300, blank=True)
    for_report = models.BooleanField("chosen for the annual report", default=False)
    survey = models.ForeignKey(
        "engagement.Survey", on_delete=models.SET_NULL, null=True, blank=True, related_name="voices"
    )
    answer = models.OneToOneField(
        "questionnaires.Answer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The survey's free-text answer it was taken from.",
    )
    event = models.ForeignKey(
        "engagement.Event", on_delete=models.SET_NULL, null=True, blank=True, related_name="voices"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-heard_on", "-pk"]

    def __str__(self) -> str:
        return f"Voice {self.pk}"

    @property
    def is_quotable(self) -> bool:
        return self.status == self.Status.APPROVED and self.consent_to_quote

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
