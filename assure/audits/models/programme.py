"""The quality-assurance framework's audits (the seed's §3.10–3.11 and §5.13): a year's programme
of termly multi-agency case-file audits, themed audits commissioned when the figures move, and
each case file audited, identified only by the agencies' own case references."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Programme(models.Model):
    """A year's audit programme (the financial year starting in ``year``)."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="audit_programmes"
    )
    year = models.PositiveSmallIntegerField(help_text="The year the programme's financial year starts, e.g. 2014.")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="What the programme sets out to learn, in a few lines.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["partnership", "-year"]
        constraints = [models.UniqueConstraint(fields=["partnership", "year"], name="audit_programme_once_a_year")]

    def __str__(self) -> str:
        return self.title

    @property
    def year_label(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Audit(models.Model):
    """One audit: a term's multi-agency case-file audit of the programme, or a themed audit."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", "Termly multi-agency audit"
        THEMED = "themed", "Themed audit"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        AUDITING = "auditing", "Files being audited"
        MODERATION = "moderation", "Awaiting moderation"
        REPORTED = "reported", "Reported to the board"
        CANCELLED = "cancelled", "Cancelled"

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="audits")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, null=True, blank=True, related_name="audits")
    reference = models.CharField(max_length=20, help_text="Sequential within the partnership, e.g. AU-007.")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.PROGRAMME)
    title = models.CharField(max_length=200)
    theme = models.CharField(max_length=200, help_text="What the audit looks at, e.g. compromised parenting.")
    priority = models.ForeignKey(
        "plans.Priority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audits",
        help_text="The business-plan priority the theme serves.",
    )
    tier = models.CharField(max_length=40, help_text="The code of the framework's tier (library kind audit-framework).")
    term = models.CharField(
        max_length=40, blank=True, help_text="The code of the framework's term; blank for a themed audit."
    )
    questionnaire = models.ForeignKey(
        "library.LibraryItem", on_delete=models.PROTECT, related_name="+", help_text="The audit tool's version."
    )
    files_planned = models.PositiveSmallIntegerField(default=10)
    agencies = models.ManyToManyField("partnerships.Agency", related_name="audits", blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(help_text="The date the agencies' answers are due.")
    moderation_meeting = models.ForeignKey(
        "partnerships.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who leads the audit.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    # A themed audit: the question it answers, what commissioned it, and its report to the board.
    question = models.TextField(blank=True, help_text="The question a themed audit sets out to answer.")
    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    source_id = models.CharField(max_length=40, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    source_label = models.CharField(
        max_length=200, blank=True, help_text="The record that commissioned it (an exception, a challenge, a review)."
    )
    summary = models.TextField(blank=True, help_text="The audit's report to the board: what it found, in brief.")
    reported_on = models.DateField(null=True, blank=True)
    follows = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="re_audits",
        help_text="The earlier audit of the same theme this one re-audits.",
    )
    cancel_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["partnership", "reference"], name="audit_reference_unique")]
        indexes = [models.Index(fields=["partnership", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("audits:audit_detail", kwargs={"partnership": self.partnership.slug, "pk": self.pk})

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class CaseAudit(models.Model):
    """One case file audited. It holds no name, no date of birth and no address of the child by
    design: the child is identified by each agency's own case reference (``CaseReference``)."""

    class Status(models.TextChoices):
        ANSWERING = "answering", "Agencies answering"
        GRADING = "grading", "Awaiting the lead auditor's grade"
        MODERATION = "moderation", "Awaiting moderation"
        MODERATED = "moderated", "Moderated"

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="cases")
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="+")
    reference = models.CharField(max_length=20, help_text="The file's number in the audit, e.g. AU-007/03.")
    age = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The child's age in years when audited.")
    lead_auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ANSWERING)
    grade = models.CharField(max_length=40, blank=True, help_text="The lead auditor's overall grade (a choice code).")
    grade_reason = models.TextField(blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)
    agreed_grade = models.CharField(max_length=40, blank=True, help_text="The grade the moderation meeting agreed.")
    moderation_notes = models.TextField(blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["audit", "reference"]
        constraints = [models.UniqueConstraint(fields=["audit", "reference"], name="case_audit_reference_unique")]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("audits:case_detail", kwargs={"partnership": self.partnership.slug, "pk": self.pk})

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class CaseReference(models.Model):
    """An agency's own reference for the case audited: how it finds the file, never the child's name."""

    case = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="references")
    agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=60)

    class Meta:
        ordering = ["case", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["case", "agency"], name="case_reference_once_per_agency")]

    def __str__(self) -> str:
        return self.reference

    def trail_partnership_ids(self) -> list[int]:
        return [self.case.partnership_id]
