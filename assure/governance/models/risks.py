"""The risk register: risks to the board's work with their cause and consequence, scored on the
partnership's risk matrix (a library document, 5 × 5 by default) as inherent, current and target,
and reviewed, each review keeping its score so the trend shows."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class Risk(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="risks")
    reference = models.CharField(max_length=20, help_text="Sequential within the partnership, e.g. R-07.")
    title = models.CharField(max_length=200)
    cause = models.TextField()
    consequence = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="risks_owned"
    )
    owner_name = models.CharField(max_length=150, blank=True, help_text="The owner's name if they have no account.")
    owner_agency = models.ForeignKey(
        "partnerships.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    matrix = models.ForeignKey(
        "library.LibraryItem",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "risk-matrix"},
        help_text="The version of the risk matrix the risk is scored on.",
    )
    inherent_likelihood = models.PositiveSmallIntegerField()
    inherent_impact = models.PositiveSmallIntegerField()
    current_likelihood = models.PositiveSmallIntegerField()
    current_impact = models.PositiveSmallIntegerField()
    target_likelihood = models.PositiveSmallIntegerField()
    target_impact = models.PositiveSmallIntegerField()
    controls = models.TextField(blank=True, help_text="What is in place now that lowers the risk.")
    next_review_on = models.DateField("next review")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_reason = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reopen_reason = models.TextField(blank=True, help_text="Why the risk was opened again, the last time it was.")
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["reference"]
        constraints = [models.UniqueConstraint(fields=["partnership", "reference"], name="risk_reference_unique")]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("governance:risk_detail", kwargs={"partnership": self.partnership.slug, "pk": self.pk})

    @property
    def inherent_score(self) -> int:
        return self.inherent_likelihood * self.inherent_impact

    @property
    def current_score(self) -> int:
        return self.current_likelihood * self.current_impact

    @property
    def target_score(self) -> int:
        return self.target_likelihood * self.target_impact

    @property
    def owner_display(self) -> str:
        return str(self.owner) if self.owner_id else self.owner_name

    @property
    def is_review_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.next_review_on < timezone.localdate()

    @classmethod
    def review_overdue_q(cls, today: dt.date | None = None) -> Q:
        """``is_review_overdue`` as a filter."""
        return Q(status=cls.Status.OPEN, next_review_on__lt=today or timezone.localdate())

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class RiskReview(models.Model):
    """One review of a risk: its current score then, and what the reviewer found."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(default=timezone.localdate)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    likelihood = models.PositiveSmallIntegerField()
    impact = models.PositiveSmallIntegerField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["risk", "reviewed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.risk.reference} reviewed {self.reviewed_on:%-d %B %Y}"

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    def trail_partnership_ids(self) -> list[int]:
        return self.risk.trail_partnership_ids()
