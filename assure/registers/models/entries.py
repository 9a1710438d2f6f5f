"""An entry of a register: one case, episode, notification or referral, as the agency that holds
it recorded it. Its kind (library kind ``register-kind``) says which fields it has, which
identifiers it may carry and for how long it is kept; the entry keeps the version of the kind it
was recorded on.

Identifiers are minimised by design: the agency's own reference, and only those of age in years,
month of birth, sex and area that the kind asks for. Never a name, a full date of birth or an
address (``identifiers.py`` refuses what looks like one)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Upload(models.Model):
    """A monthly extract from an agency's own system, uploaded as CSV or XLSX; every row passed
    validation, or nothing of it was written."""

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    kind = models.ForeignKey(
        "library.LibraryItem", on_delete=models.PROTECT, related_name="+", help_text="The register kind's version."
    )
    kind_code = models.CharField(max_length=60, db_index=True)
    agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(help_text="The first day of the month the extract covers.")
    filename = models.CharField(max_length=200)
    rows = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"Register upload {self.pk}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Entry(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    class Source(models.TextChoices):
        FORM = "form", "Recorded on the form"
        UPLOAD = "upload", "Uploaded in a monthly extract"
        PROVIDER = "provider", "Notified by a provider"

    SUBMITTED_Q = Q(status="submitted")

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    kind = models.ForeignKey(
        "library.LibraryItem",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The version of the register kind the entry was recorded on.",
    )
    kind_code = models.CharField(max_length=60, db_index=True)
    number = models.CharField(max_length=20, help_text="e.g. RG-0042; sequential in the partnership.")
    agency = models.ForeignKey(
        "partnerships.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The agency that holds the case and recorded the entry.",
    )
    agency_reference = models.CharField(
        "the agency's reference",
        max_length=40,
        help_text="The case or person reference in the agency's own system: never a name.",
    )
    age = models.PositiveSmallIntegerField("age in years", null=True, blank=True)
    birth_month = models.DateField(
        "month of birth", null=True, blank=True, help_text="Stored as the first day of the month: never the day."
    )
    sex = models.CharField(max_length=20, blank=True)
    area = models.CharField(max_length=80, blank=True, help_text="An area of the partnership, never an address.")
    occurred_on = models.DateField(help_text="The date the register counts the entry by (its kind's `counted_by`).")
    values = models.JSONField(default=dict, blank=True, help_text="The kind's fields, by code.")
    response = models.OneToOneField(
        "questionnaires.Response",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The answers to the questionnaire the kind embeds (e.g. the CSE risk assessment).",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, null=True, blank=True, related_name="entries")
    provider = models.ForeignKey(
        "registers.Provider", on_delete=models.PROTECT, null=True, blank=True, related_name="entries"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        indexes = [models.Index(fields=["partnership", "kind_code", "occurred_on"])]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="registers_entry_number_once"),
        ]

    def __str__(self) -> str:
        return f"Register entry {self.number or self.pk}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
