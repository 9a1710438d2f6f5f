"""A practitioner: someone who works with children in the area and books the partnership's
training, without being a member of the board. Their account is an ordinary ``User`` with a
membership in the role ``practitioner`` (which reads nothing of the board's records); this profile
holds what booking needs: the agency they work for (or, when it is not one of the partnership's,
its name for the business unit to place), their role, their manager's e-mail for courses that need
approval, and when their work e-mail was verified."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Practitioner(models.Model):
    class AgencyStatus(models.TextChoices):
        PLACED = "placed", "One of the partnership's agencies"
        TO_REVIEW = "to-review", "Another organisation, for the business unit to place"
        REFUSED = "refused", "Refused by the business unit"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practitioner_profiles")
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(
        "partnerships.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The partnership's agency the practitioner works for; empty while another organisation is reviewed.",
    )
    other_organisation = models.CharField(
        "the organisation", max_length=200, blank=True, help_text="When it is not one of the partnership's agencies."
    )
    agency_status = models.CharField(max_length=12, choices=AgencyStatus.choices, default=AgencyStatus.PLACED)
    agency_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agency_reviewed_at = models.DateTimeField(null=True, blank=True)
    refused_reason = models.CharField(max_length=300, blank=True)
    job_role = models.CharField("your role", max_length=150)
    manager_email = models.EmailField(
        "your manager's e-mail address", blank=True, help_text="Needed for courses your manager must approve."
    )
    verification_digest = models.CharField(max_length=64, blank=True, db_index=True)
    verification_expires = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "partnership"], name="training_practitioner_once_per_partnership"),
            models.CheckConstraint(
                condition=Q(agency__isnull=False) | ~Q(other_organisation=""),
                name="training_practitioner_has_an_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"Practitioner {self.pk}"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def may_book(self) -> bool:
        """Verified, and not working for an organisation the business unit refused."""
        return self.is_verified and self.agency_status != self.AgencyStatus.REFUSED

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
