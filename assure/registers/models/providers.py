"""A private provider of children's homes: an external user, like a training practitioner, who
notifies the local authority when a child moves into one of their homes. They sign up with a
verified work e-mail; the business unit verifies the provider before any notification is
accepted. A provider sees only their own notifications."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Provider(models.Model):
    class Status(models.TextChoices):
        TO_REVIEW = "to-review", "Waiting for the business unit"
        VERIFIED = "verified", "Verified"
        REFUSED = "refused", "Refused"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_profiles")
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    organisation = models.CharField("the provider", max_length=200, help_text="The company or charity.")
    homes = models.TextField(
        "your homes in the area", blank=True, help_text="The children's homes you notify placements for, one a line."
    )
    ofsted_urn = models.CharField("Ofsted unique reference number", max_length=20, blank=True)
    job_role = models.CharField("your role", max_length=150)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.TO_REVIEW)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    refused_reason = models.CharField(max_length=300, blank=True)
    verification_digest = models.CharField(max_length=64, blank=True, db_index=True)
    verification_expires = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(
        null=True, blank=True, help_text="When the work e-mail was confirmed (not the business unit's check)."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["organisation", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "partnership"], name="registers_provider_once_per_partnership"),
        ]

    def __str__(self) -> str:
        return f"Provider {self.pk}"

    @property
    def may_notify(self) -> bool:
        """E-mail confirmed and the provider verified by the business unit."""
        return self.verified_at is not None and self.status == self.Status.VERIFIED

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
