"""Section 11 self-assessment: a framework version (from the library) answered once per agency
per cycle, whichever partnerships the agency belongs to, then moderated criterion by criterion.

A cycle is opened by the business unit of one partnership (its lead) for one or more
partnerships together (a region); each agency of those partnerships in the cycle has exactly one
return, which every partnership of the cycle that the agency belongs to sees."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Cycle(models.Model):
    """One round of self-assessment on one framework version, e.g. 'Section 11 audit 2014-15'."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    title = models.CharField(max_length=200)
    year = models.CharField(max_length=7, help_text="The financial year it covers, e.g. 2014-15.")
    framework = models.ForeignKey(
        "library.LibraryItem",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "section11-framework"},
        help_text="The framework version answered; a later version of the framework does not change it.",
    )
    lead_partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        related_name="section11_cycles_led",
        help_text="The partnership whose business unit runs the cycle.",
    )
    partnerships = models.ManyToManyField(
        "partnerships.Partnership", related_name="section11_cycles", help_text="Every partnership taking part."
    )
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The cycle this one is compared with.",
    )
    opens_on = models.DateField("open date")
    deadline = models.DateField()
    reminder_days = models.PositiveSmallIntegerField(
        default=14, help_text="How many days before the deadline agencies that have not submitted are reminded."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-deadline", "title"]

    def __str__(self) -> str:
        return self.title

    def trail_partnership_ids(self) -> list[int]:
        return list(self.partnerships.values_list("pk", flat=True))


class Return(models.Model):
    """One agency's self-assessment in one cycle: answered once, seen by each of the agency's
    partnerships in the cycle."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        SUBMITTED = "submitted", "Submitted"
        UNDER_CHALLENGE = "under_challenge", "Under challenge"
        ACCEPTED = "accepted", "Accepted"

    # Statuses in which the agency can still change its answers.
    EDITABLE = (Status.NOT_STARTED, Status.IN_PROGRESS)
    # Statuses in which the agency has handed the return in: everyone with section11.view reads it.
    HANDED_IN = (Status.SUBMITTED, Status.UNDER_CHALLENGE, Status.ACCEPTED)
    # Statuses in which a moderator works on the return.
    MODERATABLE = (Status.SUBMITTED, Status.UNDER_CHALLENGE)

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="returns")
    agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, related_name="section11_returns")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NOT_STARTED)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The last time a moderator gave the return back to the agency, and why; kept after it is
    # submitted again, as the return's page shows every reopening.
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reopen_reason = models.TextField(blank=True, help_text="Why the return was last given back to the agency.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cycle", "agency"], name="section11_return_unique")]
        ordering = ["cycle", "agency__name"]

    def __str__(self) -> str:
        return f"{self.agency} — {self.cycle}"

    @property
    def is_editable(self) -> bool:
        """The agency can still change its answers: not handed in, and the cycle is open."""
        return self.status in self.EDITABLE and self.cycle.status == Cycle.Status.OPEN

    @property
    def is_overdue(self) -> bool:
        """Not handed in, and the cycle's deadline has passed (``overdue_q`` asks a query the same)."""
        return self.status in self.EDITABLE and self.cycle.deadline < timezone.localdate()

    @classmethod
    def overdue_q(cls, today: dt.date | None = None) -> Q:
        """``is_overdue`` for a query (today: the local date)."""
        return Q(status__in=cls.EDITABLE, cycle__deadline__lt=today or timezone.localdate())

    def trail_partnership_ids(self) -> list[int]:
        return list(
            self.cycle.partnerships.filter(agency_links__agency=self.agency).values_list("pk", flat=True).distinct()
        )


class Response(models.Model):
    """The answer to one criterion of the framework: the agency's self-rating and evidence, and
    the moderator's review of it."""

    class Moderation(models.TextChoices):
        PENDING = "pending", "Not reviewed"
        CHALLENGED = "challenged", "Challenged"
        ANSWERED = "answered", "Answered"
        ACCEPTED = "accepted", "Accepted"

    return_record = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="responses")
    criterion = models.CharField(max_length=20, help_text="The criterion's reference in the framework, e.g. 2.3.")
    not_applicable = models.BooleanField(
        default=False, help_text="The criterion does not apply to this agency (by the framework, or as explained)."
    )
    self_rating = models.CharField(max_length=30, blank=True, help_text="A level code of the framework's scale.")
    evidence = models.TextField(blank=True, help_text="How the agency meets the criterion, in its own words.")
    moderated_rating = models.CharField(
        max_length=30, blank=True, help_text="The moderator's rating where it differs from the self-rating."
    )
    moderation = models.CharField(max_length=12, choices=Moderation.choices, default=Moderation.PENDING)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["return_record", "criterion"], name="section11_response_unique")]
        ordering = ["return_record", "pk"]

    def __str__(self) -> str:
        return f"{self.return_record.agency} — criterion {self.criterion}"

    @property
    def rated(self) -> bool:
        return self.not_applicable or bool(self.self_rating)

    def trail_partnership_ids(self) -> list[int]:
        return self.return_record.trail_partnership_ids()


class ChallengeMessage(models.Model):
    """One turn of the moderation thread on a criterion: a moderator's question or the agency's answer."""

    class Kind(models.TextChoices):
        QUESTION = "question", "Challenge"
        ANSWER = "answer", "Answer"
        NOTE = "note", "Moderation note"

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on criterion {self.response.criterion}"

    def trail_partnership_ids(self) -> list[int]:
        return self.response.trail_partnership_ids()


def evidence_path(instance: "EvidenceFile", filename: str) -> str:
    # The stored name never carries the uploaded name (which may name a child or a member of
    # staff); the original name is kept in the database and given back on download.
    return f"section11/{instance.response.return_record.cycle_id}/{timezone.now():%Y%m}/{instance.token}"


class EvidenceFile(models.Model):
    """A file attached as evidence to a criterion: kept in private storage, streamed only to
    people who can see the return."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="files")
    message = models.ForeignKey(
        ChallengeMessage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="files",
        help_text="The answer to a challenge the file came with, if it did.",
    )
    token = models.CharField(max_length=64, unique=True, help_text="Random name of the stored file.")
    file = models.FileField(upload_to=evidence_path, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def trail_partnership_ids(self) -> list[int]:
        return self.response.trail_partnership_ids()


class CycleVersion(models.Model):
    """A counter moved on by every change to what a cycle's pages show: its returns, their
    answers and moderation, the cycle itself, and its partnerships' agencies. The cycle's page and
    its analysis are cached keyed by it (see cache.py), so no change is ever hidden behind a
    cached page, whichever process or cache backend serves it."""

    cycle = models.OneToOneField(Cycle, on_delete=models.CASCADE, primary_key=True, related_name="+")
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.cycle_id} v{self.version}"
