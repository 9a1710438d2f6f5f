"""Child protection conferences quality-assured: one checklist response (the questionnaire
engine) for each conference, from which the board's year-on-year "% yes" table and the analysis
of agencies absent are computed (the seed's §5.8–5.9)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Conference(models.Model):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="conferences_checked"
    )
    held_on = models.DateField("date of the conference")
    chair = models.CharField(max_length=120, help_text="The conference chair (a member of staff, never the family).")
    case_reference = models.CharField(
        max_length=60, blank=True, help_text="Children's social care's reference for the case, if recorded."
    )
    response = models.OneToOneField(
        "questionnaires.Response", on_delete=models.PROTECT, related_name="conference", null=True, blank=True
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["partnership", "held_on"])]

    def __str__(self) -> str:
        return f"Conference of {self.held_on:%-d %B %Y}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
