"""An agency's report on a child's death: the child death review manager asks each involved
agency, by a date; the agency's leads answer in Assure on the questionnaire engine (the library's
``cdop-agency-report`` questionnaire), never seeing the child's name; overdue reports are chased."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class AgencyReport(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        DRAFT = "draft", "Being written"
        SUBMITTED = "submitted", "Submitted"
        WITHDRAWN = "withdrawn", "No longer needed"

    death = models.ForeignKey("cdop.ChildDeath", on_delete=models.CASCADE, related_name="agency_reports")
    agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, related_name="child_death_reports")
    agency_reference = models.CharField(
        max_length=40,
        blank=True,
        help_text="The agency's own record number, so its lead finds the child. Never a name.",
    )
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    response = models.OneToOneField(
        "questionnaires.Response", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    last_reminded = models.DateTimeField(null=True, blank=True)

    OUTSTANDING = Q(status__in=["requested", "draft"])

    class Meta:
        ordering = ["death", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["death", "agency"], name="agency_report_once")]

    def __str__(self) -> str:
        return f"{self.agency}'s report on {self.death.reference}"

    @property
    def is_outstanding(self) -> bool:
        return self.status in (self.Status.REQUESTED, self.Status.DRAFT)

    @property
    def is_overdue(self) -> bool:
        return self.is_outstanding and self.due_on < timezone.localdate()

    def trail_partnership_ids(self) -> list[int]:
        return self.death.trail_partnership_ids()
