"""A case review (§5.5–5.7): a serious case review, a local child safeguarding practice review, a
learning review (the SCIE systems method among them) or a multi-agency audit of one case. Its
lead reviewer, terms of reference and panel; the agencies asked for chronologies and reports;
practitioners' conversations; findings and recommendations, each recommendation carried out by
actions of the one tracker; the action plan's progress reported to the subgroup; the final report,
the date it went to the national panel and its publication.

The terms of reference, the panel, the agencies' documents, the conversations and the final
report are named case-review content (``case-review`` grant, every read logged). The review's
existence, type, status, clocks, findings, recommendations and what was published are read by the
business unit and the board as other records are."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Review(models.Model):
    class Status(models.TextChoices):
        COMMISSIONED = "commissioned", "Commissioned"
        UNDER_WAY = "under-way", "Under way"
        REPORTING = "reporting", "Report being written"
        COMPLETED = "completed", "Completed"
        PUBLISHED = "published", "Published"
        CANCELLED = "cancelled", "Cancelled"

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="case_reviews")
    reference = models.CharField(max_length=20, help_text="Sequential within the partnership, e.g. RV-004.")
    kind = models.CharField(max_length=40, help_text="A review type code of the review scheme.")
    title = models.CharField(
        max_length=200, help_text="A title that identifies nobody, e.g. 'A young person placed far from home'."
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.COMMISSIONED)
    led_elsewhere = models.CharField(
        max_length=200,
        blank=True,
        help_text="When another partnership leads the review and this one contributes, its name.",
    )
    referral = models.ForeignKey(
        "reviews.Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="reviews"
    )
    priority = models.ForeignKey(
        "plans.Priority", on_delete=models.SET_NULL, null=True, blank=True, related_name="case_reviews"
    )
    lead_reviewer = models.CharField(max_length=200, blank=True, help_text="The lead or independent reviewer.")
    decided_on = models.DateField("the date of the decision to hold the review")
    terms_of_reference = models.TextField(blank=True, help_text="Restricted.")
    panel = models.TextField(blank=True, help_text="Restricted: the review panel's members and their roles.")
    agencies = models.ManyToManyField("partnerships.Agency", related_name="case_reviews", blank=True)
    learning_event_on = models.DateField(
        null=True, blank=True, help_text="A learning event with practitioners, if held."
    )

    report_file = models.FileField(
        upload_to="reviews/reports/%Y/", blank=True, help_text="Restricted: the final report."
    )
    report_file_name = models.CharField(max_length=200, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    sent_to_panel_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    published_url = models.URLField(blank=True)
    summary = models.TextField(
        blank=True, help_text="What the review found, in words that identify nobody; shown to the board."
    )

    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["partnership", "-decided_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "reference"], name="review_reference_once"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status not in (self.Status.PUBLISHED, self.Status.COMPLETED, self.Status.CANCELLED)

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Contribution(models.Model):
    """An agency asked for a chronology or a report for a review, by a date; its lead uploads it."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="contributions")
    agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=40, help_text="A contribution kind code of the review scheme.")
    due_on = models.DateField()
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    file = models.FileField(upload_to="reviews/contributions/%Y/", blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    uploaded_at = models.DateTimeField(null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["review", "due_on", "agency__name", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["review", "agency", "kind"], name="contribution_once_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.review.reference}: {self.agency}"

    @property
    def is_received(self) -> bool:
        return self.uploaded_at is not None

    def is_overdue(self, today) -> bool:
        return self.uploaded_at is None and self.due_on < today

    def trail_partnership_ids(self) -> list[int]:
        return [self.review.partnership_id]


class Conversation(models.Model):
    """A practitioner's conversation with the reviewers ("the view from the tunnel"), recorded as
    notes. The practitioner is named by role and agency only."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="conversations")
    held_on = models.DateField()
    agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    practitioner_role = models.CharField(max_length=200, help_text="The practitioner's role, e.g. 'Health visitor'.")
    notes = models.TextField(help_text="Restricted.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["review", "held_on", "pk"]

    def __str__(self) -> str:
        return f"Conversation with a {self.practitioner_role.lower()}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.review.partnership_id]


class ReviewFinding(models.Model):
    """One finding of a review, in words that identify nobody."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["review", "number"]
        constraints = [models.UniqueConstraint(fields=["review", "number"], name="review_finding_number_once")]

    def __str__(self) -> str:
        return f"{self.review.reference} finding {self.number}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.review.partnership_id]


class Recommendation(models.Model):
    """One recommendation of a review, carried out by actions of the tracker (their source)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    finding = models.ForeignKey(
        ReviewFinding, on_delete=models.SET_NULL, null=True, blank=True, related_name="recommendations"
    )
    agency = models.ForeignKey(
        "partnerships.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The agency it is addressed to; blank for the partnership as a whole.",
    )

    class Meta:
        ordering = ["review", "number"]
        constraints = [models.UniqueConstraint(fields=["review", "number"], name="recommendation_number_once")]

    def __str__(self) -> str:
        return f"{self.review.reference} recommendation {self.number}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.review.partnership_id]


class ProgressReport(models.Model):
    """The action plan's progress as reported to a meeting of the subgroup."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="progress_reports")
    meeting = models.ForeignKey("partnerships.Meeting", on_delete=models.PROTECT, related_name="+")
    summary = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["review", "-meeting__held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.review.reference}: progress to {self.meeting}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.review.partnership_id]
