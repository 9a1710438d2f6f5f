"""Evaluations of a booking on the questionnaire engine: before the course (confidence in each
learning outcome), straight after (the same, and the course itself) and three months on (what has
changed in practice). The confidence in each learning outcome is held here, one row per outcome
and stage, because the outcomes are the course's own, not a questionnaire's; the rest are the
engine's answers. A quote is a delegate's words the business unit chose for the annual report."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Evaluation(models.Model):
    class Stage(models.TextChoices):
        BEFORE = "before", "Before the course"
        AFTER = "after", "After the course"
        FOLLOW_UP = "follow-up", "Three months on"

    booking = models.ForeignKey("training.Booking", on_delete=models.CASCADE, related_name="evaluations")
    stage = models.CharField(max_length=12, choices=Stage.choices)
    response = models.OneToOneField(
        "questionnaires.Response", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True, help_text="When the delegate was asked for it.")
    due_on = models.DateField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["booking_id", "stage"]
        constraints = [
            models.UniqueConstraint(fields=["booking", "stage"], name="training_evaluation_once_per_stage"),
        ]

    def __str__(self) -> str:
        return f"Evaluation {self.pk}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    def trail_partnership_ids(self) -> list[int]:
        return [self.booking.partnership_id]


class OutcomeConfidence(models.Model):
    """A delegate's confidence in one of the course's learning outcomes at one stage, on the
    library's confidence scale (``rating-scale`` training-confidence)."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="confidences")
    outcome = models.PositiveSmallIntegerField(help_text="The outcome's place in the course's list, from 0.")
    outcome_text = models.CharField(max_length=300, help_text="The outcome's words when asked.")
    score = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["evaluation_id", "outcome"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "outcome"], name="training_confidence_once_per_outcome"),
        ]

    def __str__(self) -> str:
        return f"Confidence {self.pk}"


class Quote(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="quotes")
    question = models.CharField(max_length=60, help_text="The code of the question answered.")
    text = models.TextField(help_text="The words as the report shows them (names taken out).")
    year = models.CharField(max_length=7, help_text="The reporting year, e.g. 2014-15.")
    selected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    selected_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-selected_at", "pk"]

    def __str__(self) -> str:
        return f"Quote {self.pk}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
