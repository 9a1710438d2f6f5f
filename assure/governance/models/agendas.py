"""A meeting's business: its agenda items, each with a presenter and a paper (a record in Assure
or an uploaded document), the decision and minutes recorded against each, and the minutes of the
whole meeting, approved at the next one."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


def paper_path(instance: "AgendaItem", filename: str) -> str:
    return f"governance/papers/{instance.meeting_id}/{instance.paper_token}"


class AgendaItem(models.Model):
    class Purpose(models.TextChoices):
        DECISION = "decision", "For decision"
        DISCUSSION = "discussion", "For discussion"
        INFORMATION = "information", "For information"

    meeting = models.ForeignKey("partnerships.Meeting", on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    purpose = models.CharField(max_length=12, choices=Purpose.choices, default=Purpose.DISCUSSION)
    presenter = models.CharField(max_length=150, blank=True)
    presenter_agency = models.ForeignKey(
        "partnerships.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confidential = models.BooleanField(
        default=False,
        help_text="A confidential (part B) item: its minutes are kept as confidential minutes, read only with a grant.",
    )
    # The paper: a record in Assure (a report, an exception report, the risk register, a
    # challenge, a review) or an uploaded document.
    paper_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    paper_id = models.CharField(max_length=40, blank=True)
    paper = GenericForeignKey("paper_type", "paper_id")
    paper_label = models.CharField(max_length=200, blank=True, help_text="The paper, as shown to users.")
    paper_token = models.CharField(max_length=64, blank=True, help_text="Random name of an uploaded paper.")
    paper_file = models.FileField(upload_to=paper_path, max_length=300, blank=True)
    paper_file_name = models.CharField(max_length=255, blank=True)
    paper_file_type = models.CharField(max_length=100, blank=True)
    paper_file_size = models.PositiveIntegerField(null=True, blank=True)
    decision = models.TextField(blank=True, help_text="What the meeting decided.")
    minutes = models.TextField(blank=True, help_text="The discussion, in brief.")
    confidential_minute = models.ForeignKey(
        "partnerships.ConfidentialMinute",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Where the minutes of a confidential item are kept (restricted).",
    )

    class Meta:
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    @property
    def has_paper(self) -> bool:
        return bool(self.paper_label or self.paper_file)

    @property
    def has_paper_file(self) -> bool:
        return bool(self.paper_file)

    @property
    def has_minutes(self) -> bool:
        """Something has been minuted against the item (for a confidential item, in its
        confidential minute)."""
        return bool(self.decision or self.minutes or self.confidential_minute_id)

    def trail_partnership_ids(self) -> list[int]:
        return [self.meeting.partnership_id]


class MeetingMinutes(models.Model):
    """Where a meeting's minutes stand: drafted after the meeting, approved at the next."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"

    meeting = models.OneToOneField("partnerships.Meeting", on_delete=models.CASCADE, related_name="minutes_record")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    approved_at_meeting = models.ForeignKey(
        "partnerships.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="minutes_approved",
        help_text="The meeting at which the minutes were approved.",
    )
    approved_on = models.DateField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    amendments = models.TextField(blank=True, help_text="Corrections agreed when the minutes were approved.")
    updated_at = models.DateTimeField(default=timezone.now)
    agenda_published_at = models.DateTimeField(
        null=True, blank=True, help_text="When the agenda and papers were sent to those who attend."
    )
    agenda_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "meeting minutes"

    def __str__(self) -> str:
        return f"Minutes of {self.meeting}"

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_agenda_published(self) -> bool:
        return self.agenda_published_at is not None

    def trail_partnership_ids(self) -> list[int]:
        return [self.meeting.partnership_id]
