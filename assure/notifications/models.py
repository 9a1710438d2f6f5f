"""The messages Assure sends people, each person's choice of how to receive them, and the
reminders sent about a record (at most one a day for each record)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", "Straight away, one e-mail for each request"
    DIGEST = "digest", "In a weekly digest"


class Preference(models.Model):
    """How a person wants requests to reach them; without a row, straight away."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.IMMEDIATE)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.get_delivery_display()}"


class Message(models.Model):
    """One request or reminder to one person: a member (``recipient``) or, for someone without an
    account (a practitioner who referred a case through a public form), an e-mail ``address``.
    ``path`` is the address of the thing inside Assure; the e-mail links to it on the
    installation's own site (settings.ASSURE_SITE_URL)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    address = models.EmailField(blank=True, help_text="Where a message to someone without an account goes.")
    partnership = models.ForeignKey(
        "partnerships.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=80, help_text="What the message is about, as <app>.<what>.")
    subject = models.CharField(max_length=200)
    body = models.TextField()
    path = models.CharField(max_length=500)
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.IMMEDIATE)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    target_id = models.CharField(max_length=40, blank=True)
    calendar = models.TextField(
        blank=True, help_text="An iCalendar event sent with the e-mail as an .ics attachment (a training session)."
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["delivery", "sent_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recipient__isnull=False) | ~models.Q(address=""), name="message_has_someone"
            ),
        ]

    def __str__(self) -> str:
        return self.subject


class Reminder(models.Model):
    """A reminder sent about one record on one day, by a person of the business unit or (with no
    ``sent_by``) by the scheduled rules. One a day for each record: a second is refused."""

    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.CharField(max_length=40)
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["target_type", "target_id", "sent_on"], name="reminder_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"Reminder {self.target_type_id}:{self.target_id} on {self.sent_on}"
