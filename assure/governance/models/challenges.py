"""The challenge log: one member of the board challenging an agency, the agency's response, and
what difference it made (the seed's §4.3: a challenge log "used to monitor impact")."""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class Challenge(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Awaiting a response"
        RESPONDED = "responded", "Response received"
        ESCALATED = "escalated", "Escalated"
        CLOSED = "closed", "Closed"

    class Satisfied(models.TextChoices):
        YES = "yes", "Satisfied"
        PARTLY = "partly", "Partly satisfied"
        NO = "no", "Not satisfied"

    class Escalation(models.TextChoices):
        CHAIR = "chair", "To the chair of the board"
        CHIEF_OFFICER = "chief_officer", "To the agency's chief officer"

    # Waiting for the agency: raised, or escalated and not yet answered again.
    AWAITING_RESPONSE = (Status.OPEN, Status.ESCALATED)

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="challenges")
    reference = models.CharField(max_length=20, help_text="Sequential within the partnership, e.g. C-0007.")
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    raised_by_agency = models.ForeignKey(
        "partnerships.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The agency the person raising the challenge speaks for, if any.",
    )
    raised_on = models.DateField(default=timezone.localdate)
    agency = models.ForeignKey(
        "partnerships.Agency",
        on_delete=models.PROTECT,
        related_name="challenges",
        help_text="The agency challenged.",
    )
    subject = models.CharField(max_length=200)
    detail = models.TextField(help_text="What the board asks of the agency, and why.")
    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    source_id = models.CharField(max_length=40, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    source_label = models.CharField(
        max_length=200, blank=True, help_text="The record that prompted the challenge, as shown to users."
    )
    response_due_on = models.DateField("response due")
    response = models.TextField(blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    satisfied = models.CharField(
        max_length=10, choices=Satisfied.choices, blank=True, help_text="Whether the board is satisfied."
    )
    impact = models.TextField(blank=True, help_text="What difference the challenge made, for children.")
    escalation = models.CharField(max_length=20, choices=Escalation.choices, blank=True)
    escalation_reason = models.TextField(blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closure_note = models.TextField(blank=True)
    reopen_reason = models.TextField(blank=True, help_text="Why the challenge was reopened, when it was.")
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-raised_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["partnership", "reference"], name="challenge_reference_unique")]
        indexes = [models.Index(fields=["partnership", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("governance:challenge_detail", kwargs={"partnership": self.partnership.slug, "pk": self.pk})

    @property
    def is_awaiting_response(self) -> bool:
        return self.status in self.AWAITING_RESPONSE

    @property
    def is_overdue(self) -> bool:
        """Waiting for the agency's response past the day it was due."""
        return self.is_overdue_on(timezone.localdate())

    def is_overdue_on(self, today: dt.date) -> bool:
        return self.is_awaiting_response and self.response_due_on < today

    @property
    def days_to_respond(self) -> int | None:
        """Days from raising the challenge to the agency's (latest) response; None until it responds."""
        if self.responded_at is None:
            return None
        return max((timezone.localtime(self.responded_at).date() - self.raised_on).days, 0)

    @property
    def is_awaiting_assessment(self) -> bool:
        """Answered, and the board has not yet said whether it is satisfied."""
        return self.status == self.Status.RESPONDED and not self.satisfied

    @classmethod
    def awaiting_assessment_q(cls) -> Q:
        """``is_awaiting_assessment`` as a filter."""
        return Q(status=cls.Status.RESPONDED, satisfied="")

    @classmethod
    def overdue_q(cls, today: dt.date | None = None) -> Q:
        """``is_overdue`` as a filter."""
        return Q(status__in=cls.AWAITING_RESPONSE, response_due_on__lt=today or timezone.localdate())

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
