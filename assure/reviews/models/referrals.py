"""A case consideration (the seed's §3.19): a practitioner refers a case to the partnership on one
of the form's three routes; the business unit acknowledges it, the learning and improvement
subgroup considers it at a meeting and recommends, and the chair decides.

The child is identified by the lead agency's case reference and age, never by name. The case
reference, the reasons and the chronology are named case-review content: only people with the
``case-review`` grant read them, and every read is logged."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Referral(models.Model):
    class Status(models.TextChoices):
        AWAITING_CONFIRMATION = "awaiting-confirmation", "Awaiting the referrer's confirmation"
        SUBMITTED = "submitted", "Received"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        CONSIDERED = "considered", "Considered by the subgroup"
        DECIDED = "decided", "Decided"
        WITHDRAWN = "withdrawn", "Withdrawn"

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="referrals")
    reference = models.CharField(max_length=20, help_text="Sequential within the partnership, e.g. CC-007.")
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.SUBMITTED)

    # Who referred it: a member signed in (referred_by) or a practitioner through the public form,
    # identified by the work e-mail address they confirmed.
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    referrer_name = models.CharField("your name", max_length=200)
    referrer_email = models.EmailField("your work e-mail address")
    referrer_role = models.CharField("your role", max_length=200)
    referrer_agency = models.ForeignKey(
        "partnerships.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    referrer_agency_other = models.CharField("your organisation, if not listed", max_length=200, blank=True)

    # The case.
    route = models.CharField(max_length=40, help_text="A route code of the review scheme (library kind review-scheme).")
    lead_agency = models.ForeignKey(
        "partnerships.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The agency whose case reference identifies the child.",
    )
    case_reference = models.CharField(
        max_length=40, help_text="The lead agency's own case reference for the child. Never the child's name."
    )
    child_age_years = models.PositiveSmallIntegerField("the child's age in years")
    agencies_involved = models.ManyToManyField("partnerships.Agency", related_name="referrals", blank=True)
    reasons = models.TextField(help_text="Why the case meets the route chosen.")
    chronology = models.TextField(help_text="A short chronology of the agencies' involvement.")

    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # The subgroup's consideration and recommendation.
    considered_at = models.ForeignKey(
        "partnerships.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recommendation = models.CharField(max_length=40, blank=True, help_text="A decision code of the review scheme.")
    recommendation_notes = models.TextField(blank=True)

    # The chair's decision, and the letter to the referrer made from the library's template.
    decision = models.CharField(max_length=40, blank=True, help_text="A decision code of the review scheme.")
    decision_reasons = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    letter = models.TextField(blank=True, help_text="The decision letter as sent, made from the library's template.")
    letter_template = models.ForeignKey(
        "library.LibraryItem", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # A practitioner's one-time confirmation and their status link: only digests are kept.
    confirmation_digest = models.CharField(max_length=64, blank=True)
    confirmation_expires_at = models.DateTimeField(null=True, blank=True)
    status_digest = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        ordering = ["partnership", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "reference"], name="referral_reference_once"),
        ]

    def __str__(self) -> str:
        return f"Case consideration {self.reference}"

    @property
    def is_public(self) -> bool:
        """Referred through the public form rather than by a member signed in."""
        return self.referred_by_id is None

    @property
    def referrer_organisation(self) -> str:
        return self.referrer_agency.name if self.referrer_agency_id else self.referrer_agency_other

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
