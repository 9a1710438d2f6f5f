"""A serious incident (Working Together 2018 onwards): the local authority becomes aware, notifies
the Child Safeguarding Practice Review Panel within 5 working days, the partners hold a rapid
review and send it to the panel within 15 working days of the notification, the panel responds,
and a local child safeguarding practice review may follow. The clocks are read by
``assure/clocks`` from the dates kept here; the lengths are library data (``statutory-clock``).

The circumstances and the case reference are named case-review content (``case-review`` grant,
every read logged); the incident's existence, its reference, its summary and its clocks are
visible to the business unit and the board."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Incident(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="incidents")
    reference = models.CharField(max_length=20, help_text="Sequential within the partnership, e.g. SI-003.")
    summary = models.CharField(
        max_length=200,
        help_text="What happened in a few words that identify nobody, e.g. 'Serious injury to a baby'.",
    )
    circumstances = models.TextField(blank=True, help_text="Restricted: what is known of the incident.")
    lead_agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, related_name="+")
    case_reference = models.CharField(max_length=40, help_text="The lead agency's case reference. Never a name.")
    child_age_years = models.PositiveSmallIntegerField("the child's age in years", null=True, blank=True)
    referral = models.ForeignKey(
        "reviews.Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="incidents"
    )

    aware_on = models.DateField("the date the local authority became aware")
    notified_on = models.DateField("the date notified to the national panel", null=True, blank=True)
    rapid_review_on = models.DateField(
        "the date the rapid review was sent to the national panel", null=True, blank=True
    )
    rapid_review_outcome = models.CharField(
        max_length=40, blank=True, help_text="A rapid review outcome code of the review scheme."
    )
    rapid_review_reasons = models.TextField(blank=True)
    panel_response = models.CharField(
        max_length=40, blank=True, help_text="A panel response code of the review scheme."
    )
    panel_response_on = models.DateField(null=True, blank=True)
    review = models.ForeignKey(
        "reviews.Review",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="incidents",
        help_text="The local review that followed.",
    )
    closed_on = models.DateField(null=True, blank=True, help_text="When nothing more is awaited.")

    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["partnership", "-aware_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "reference"], name="incident_reference_once"),
        ]

    def __str__(self) -> str:
        return f"Serious incident {self.reference}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
