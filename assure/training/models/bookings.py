"""A practitioner's booking of a session, from the request to the register on the day.

Statuses move through ``assure/training/pipeline.py``. A booking *holds a place* while it is
awaiting the manager's approval, booked or offered (``HOLDS_PLACE``); the number holding places
never exceeds the session's capacity (``services/bookings.py`` locks the session's row to count).
Otherwise it waits in line (``waiting``, ordered by ``queued_at``) and is offered the first place
that frees up, to accept before ``offer_expires``. A cancellation after the session's
``cancel_by`` is late; the attendance on the day is marked from the register; no-shows and late
cancellations are charged to the agency where the partnership's training policy says so."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Booking(models.Model):
    class Status(models.TextChoices):
        AWAITING_APPROVAL = "awaiting-approval", "Awaiting the manager's approval"
        BOOKED = "booked", "Booked"
        WAITING = "waiting", "On the waiting list"
        OFFERED = "offered", "Offered a place"
        CANCELLED = "cancelled", "Cancelled"
        NOT_APPROVED = "not-approved", "Not approved by the manager"
        LAPSED = "lapsed", "Lapsed"

    class Attendance(models.TextChoices):
        ATTENDED = "attended", "Attended"
        NO_SHOW = "no-show", "Did not attend"

    HOLDS_PLACE = (Status.AWAITING_APPROVAL, Status.BOOKED, Status.OFFERED)
    ACTIVE = (*HOLDS_PLACE, Status.WAITING)

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey("training.Session", on_delete=models.PROTECT, related_name="bookings")
    practitioner = models.ForeignKey("training.Practitioner", on_delete=models.PROTECT, related_name="bookings")
    # The agency (or other organisation) the practitioner worked for when they booked: the figures
    # and charges count by it, whatever the practitioner's profile says later.
    agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    organisation = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices)
    queued_at = models.DateTimeField(default=timezone.now, help_text="The place in line on the waiting list.")
    offer_expires = models.DateTimeField(null=True, blank=True)

    # The manager's approval, by a one-use link (only its digest is kept).
    manager_email = models.EmailField(blank=True)
    approval_digest = models.CharField(max_length=64, blank=True, db_index=True)
    approval_expires = models.DateTimeField(null=True, blank=True)
    approval_decided_at = models.DateTimeField(null=True, blank=True)
    approval_reason = models.CharField(max_length=300, blank=True)

    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_late = models.BooleanField(default=False)
    cancelled_reason = models.CharField(max_length=300, blank=True)

    attendance = models.CharField(max_length=10, choices=Attendance.choices, blank=True)
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # A charge to the agency for a no-show or a late cancellation, under the policy's version used.
    charge_pence = models.PositiveIntegerField(null=True, blank=True)
    charge_reason = models.CharField(max_length=40, blank=True, help_text="no-show or late-cancellation.")
    charge_policy = models.ForeignKey(
        "library.LibraryItem", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # A charge the business unit waived is kept at nought, with who waived it and why.
    charge_waived_at = models.DateTimeField(null=True, blank=True)
    charge_waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    charge_waived_reason = models.CharField(max_length=300, blank=True)

    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "practitioner"],
                condition=Q(status__in=["awaiting-approval", "booked", "waiting", "offered"]),
                name="training_booking_one_active_per_session",
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"Booking {self.pk}"

    @property
    def holds_place(self) -> bool:
        return self.status in self.HOLDS_PLACE

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
