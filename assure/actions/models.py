"""One tracked action, raised from anywhere in Assure (a return, an exception, a review, a risk,
a challenge...) and followed to completion in the partnership's action tracker."""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property


class Action(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"
        CANCELLED = "cancelled", "Cancelled"

    class Rag(models.TextChoices):
        RED = "red", "Red"
        AMBER = "amber", "Amber"
        GREEN = "green", "Green"

    CLOSED = (Status.COMPLETED, Status.CANCELLED)
    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="actions")
    reference = models.CharField(max_length=20, help_text="Sequential within the partnership, e.g. A-0042.")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner_agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, related_name="actions")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="actions_owned"
    )
    owner_name = models.CharField(max_length=150, blank=True, help_text="Owner's name if they have no account.")
    due_on = models.DateField("due date")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    rag = models.CharField("RAG rating", max_length=5, choices=Rag.choices, blank=True)
    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    source_id = models.CharField(max_length=40, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    source_label = models.CharField(max_length=200, blank=True, help_text="What raised it, as shown to users.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    completed_on = models.DateField(null=True, blank=True)
    cancellation_reason = models.TextField(
        "reason for cancelling", blank=True, help_text="Why the business unit cancelled the action."
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "reference"], name="action_reference_unique")]
        indexes = [models.Index(fields=["partnership", "status", "due_on"])]
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("actions:detail", kwargs={"partnership": self.partnership.slug, "pk": self.pk})

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())

    def is_overdue_on(self, day: dt.date) -> bool:
        """Still to be done and past its due date on ``day`` (``overdue_q`` asks a query the same)."""
        return self.status in self.OPEN_STATUSES and self.due_on < day

    @classmethod
    def overdue_q(cls, today: dt.date | None = None) -> Q:
        """``is_overdue_on(today)`` for a query (today: the local date)."""
        return Q(status__in=cls.OPEN_STATUSES, due_on__lt=today or timezone.localdate())

    @cached_property
    def pending_cancellation(self) -> "CancellationProposal | None":
        """The proposal to cancel the action that waits for the business unit's decision, if any
        (services forget it when they decide one)."""
        return (
            self.cancellation_proposals.filter(outcome=CancellationProposal.Outcome.PENDING)
            .select_related("proposed_by")
            .first()
        )

    @property
    def has_pending_cancellation(self) -> bool:
        return self.pending_cancellation is not None

    @property
    def owner_display(self) -> str:
        return str(self.owner) if self.owner_id else self.owner_name

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class ActionUpdate(models.Model):
    """A dated progress update or evidence note on an action."""

    class Kind(models.TextChoices):
        PROGRESS = "progress", "Progress update"
        EVIDENCE = "evidence", "Evidence"
        # Written by action_transition, so the reason for a change of status sits with the updates.
        STATUS = "status", "Status change"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PROGRESS)
    recorded_on = models.DateField("date", default=timezone.localdate)
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.recorded_on}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.action.partnership_id]


class CancellationProposal(models.Model):
    """An agency lead's proposal that the business unit cancel an action their agency owns, with
    the reason, and the business unit's decision on it (accepted: the action is cancelled with
    that reason; declined: with a note saying why)."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="cancellation_proposals")
    reason = models.TextField()
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action"], condition=Q(outcome="pending"), name="action_one_pending_cancellation"
            )
        ]
        ordering = ["-proposed_at", "-pk"]

    def __str__(self) -> str:
        return f"Proposal to cancel {self.action.reference}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.action.partnership_id]
