"""The catalogue: a course (what is taught, to whom, at what level, towards which of the business
plan's priorities) and its sessions (when, where, for how many, by whom, and when booking opens,
closes and stops being free to cancel).

A conference is a session with many places whose workshops are sessions of their own (``parent``
the conference), each with its own capacity. An e-learning module is a course delivered as
e-learning: it has no sessions; its completions are imported (``ElearningCompletion``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Course(models.Model):
    class Delivery(models.TextChoices):
        CLASSROOM = "classroom", "In a room"
        ONLINE = "online", "Online, live"
        ELEARNING = "e-learning", "E-learning"
        CONFERENCE = "conference", "Conference"

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    level = models.CharField(max_length=40, help_text="A code of the library's training-level.")
    delivery = models.CharField(max_length=12, choices=Delivery.choices, default=Delivery.CLASSROOM)
    summary = models.TextField(blank=True, help_text="What the course is about, as the public calendar shows it.")
    audience = models.TextField(help_text="Who the course is for.")
    outcomes = models.JSONField(
        "learning outcomes",
        default=list,
        blank=True,
        help_text="What delegates will be able to do, one outcome per entry; evaluations ask confidence in each.",
    )
    priority = models.ForeignKey(
        "plans.Priority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The business plan's priority the course serves.",
    )
    pre_course = models.TextField("pre-course material", blank=True)
    elearning_url = models.URLField("the e-learning module's address", blank=True)
    needs_approval = models.BooleanField(
        "a manager must approve each booking",
        default=False,
        help_text="The manager approves by a link e-mailed to them.",
    )
    is_multi_agency = models.BooleanField(
        default=True, help_text="Counted in the multi-agency training figures (sessions and delegates)."
    )
    is_active = models.BooleanField("offered", default=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_elearning(self) -> bool:
        return self.delivery == self.Delivery.ELEARNING

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Session(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        CANCELLED = "cancelled", "Cancelled"

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    reference = models.CharField(max_length=20, help_text="e.g. TS-0042; sequential in the partnership.")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workshops",
        help_text="The conference this is a workshop of.",
    )
    title = models.CharField(max_length=200, blank=True, help_text="A workshop's title; a session takes its course's.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue = models.CharField(max_length=200, blank=True)
    address = models.TextField(blank=True)
    accessibility = models.TextField("accessibility notes", blank=True)
    online_link = models.URLField(
        "the online link", blank=True, help_text="Sent to those booked, never shown publicly."
    )
    capacity = models.PositiveIntegerField(help_text="Places; never more bookings than this.")
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="training_sessions_taught",
        help_text="May mark the register.",
    )
    trainer_names = models.CharField(
        max_length=300, blank=True, help_text="Trainers as the calendar names them (an external trainer too)."
    )
    booking_opens = models.DateTimeField()
    booking_closes = models.DateTimeField()
    cancel_by = models.DateTimeField(
        "free cancellation until", help_text="A cancellation after this is a late cancellation."
    )
    cancelled_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "reference"], name="training_session_reference_unique"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="training_session_ends_after"),
            models.CheckConstraint(
                condition=Q(booking_closes__gt=models.F("booking_opens")), name="training_session_booking_window"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.display_title}"

    @property
    def display_title(self) -> str:
        return self.title or self.course.title

    @property
    def is_conference(self) -> bool:
        return self.course.delivery == Course.Delivery.CONFERENCE and self.parent_id is None

    @property
    def is_workshop(self) -> bool:
        return self.parent_id is not None

    def is_open_for_booking(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == self.Status.SCHEDULED and self.booking_opens <= now < self.booking_closes

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
