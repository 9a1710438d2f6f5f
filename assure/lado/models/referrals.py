"""A referral to the designated officer: the case, from the employer's referral to its outcome.

The children involved are held by age and an agency's reference, never by name. The person the
allegation is about is a restricted ``Person``; the description of what was alleged, the advice
given and the officer's notes are restricted text, masked in the trail. Codes (sector, category,
employment basis, police result and the rest) are items of the library's ``lado-*`` kinds; the
outcome is the library item itself, the version used, so that its definition is shown as it was.

Statuses move through ``assure/lado/pipeline.py``:
awaiting-confirmation (a public referral not yet confirmed by e-mail) → draft (from an employer,
for the officer to accept) → open → closed; a draft may be declined instead."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class Referral(models.Model):
    class Status(models.TextChoices):
        AWAITING_CONFIRMATION = "awaiting-confirmation", "Awaiting the referrer's confirmation"
        DRAFT = "draft", "Draft from an employer"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"
        DECLINED = "declined", "Declined"

    class Route(models.TextChoices):
        OFFICER = "officer", "Recorded by the designated officer"
        MEMBER = "member", "An agency's referral form"
        PUBLIC = "public", "The public referral form"

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=20, help_text="e.g. LA-0012; sequential in the partnership.")
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.OPEN)
    route = models.CharField(max_length=10, choices=Route.choices, default=Route.OFFICER)

    # The referral and its timeliness (the clock allegation-referral: one working day).
    date_known = models.DateField(
        "the date the employer knew", help_text="When the allegation came to the employer's attention."
    )
    date_referred = models.DateField("the date referred to the designated officer")
    referrer_name = models.CharField(max_length=150)
    referrer_role = models.CharField(max_length=150, blank=True)
    referrer_organisation = models.CharField(max_length=200, blank=True)
    referrer_email = models.EmailField(blank=True)
    referrer_phone = models.CharField(max_length=40, blank=True)

    # The employer.
    employer_name = models.CharField(
        "the employer", max_length=200, help_text="The organisation the person works or volunteers for."
    )
    employer_agency = models.ForeignKey(
        "partnerships.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The partnership's agency, when the employer is one.",
    )
    sector = models.CharField(max_length=40, help_text="A code of the library's lado-sector.")

    # The person the allegation is about (restricted), their role and basis.
    person = models.ForeignKey("lado.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="referrals")
    person_role = models.CharField("the person's role", max_length=150)
    employment_basis = models.CharField(max_length=40, help_text="A code of the library's lado-employment-basis.")

    # The allegation.
    category = models.CharField(max_length=40, help_text="A code of the library's lado-category.")
    harm_tests = models.JSONField(
        default=list, blank=True, help_text="Codes of the library's lado-harm-test that apply."
    )
    context = models.CharField(max_length=40, blank=True, help_text="A code of the library's lado-context.")
    description = models.TextField("what was alleged", blank=True, help_text="Restricted.")

    # Initial consideration.
    considered_on = models.DateField("the date of the initial consideration", null=True, blank=True)
    threshold_met = models.BooleanField("the threshold was met", null=True, blank=True)
    advice_given = models.TextField("the advice given to the employer", blank=True, help_text="Restricted.")

    # The police.
    police_investigation = models.BooleanField("a police investigation", null=True, blank=True)
    police_started_on = models.DateField(null=True, blank=True)
    police_result = models.CharField(max_length=40, blank=True, help_text="A code of the library's lado-police-result.")
    police_result_on = models.DateField(null=True, blank=True)

    # The employer's actions.
    suspended = models.BooleanField(default=False)
    suspended_from = models.DateField(null=True, blank=True)
    suspended_to = models.DateField(null=True, blank=True)
    redeployed = models.BooleanField(default=False)
    disciplinary = models.BooleanField("a disciplinary process", default=False)
    employment_outcome = models.CharField(
        max_length=40, blank=True, help_text="A code of the library's lado-employment-outcome."
    )

    # Referrals to the Disclosure and Barring Service and to a regulator.
    dbs_referral = models.BooleanField("referred to the Disclosure and Barring Service", null=True, blank=True)
    dbs_referred_on = models.DateField(null=True, blank=True)
    regulator_referral = models.BooleanField("referred to a regulator", null=True, blank=True)
    regulator = models.CharField(max_length=40, blank=True, help_text="A code of the library's lado-regulator.")
    regulator_referred_on = models.DateField(null=True, blank=True)

    # The outcome.
    outcome = models.ForeignKey(
        "library.LibraryItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The outcome (library kind allegation-outcome), the version used.",
    )
    closed_on = models.DateField("the date closed", null=True, blank=True)
    learning = models.TextField("the learning for the employer", blank=True)
    declined_reason = models.CharField(max_length=300, blank=True)

    # The public form: confirmation by e-mail, then the referrer follows the status by a link.
    confirmation_digest = models.CharField(max_length=64, blank=True, db_index=True)
    confirmation_expires = models.DateTimeField(null=True, blank=True)
    status_digest = models.CharField(max_length=64, blank=True, db_index=True)

    accepted_on = models.DateField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    OPEN = Q(status="open")
    COUNTED = Q(status__in=["open", "closed"])

    class Meta:
        ordering = ["-date_referred", "-pk"]
        constraints = [models.UniqueConstraint(fields=["partnership", "reference"], name="lado_referral_reference")]
        indexes = [models.Index(fields=["partnership", "status", "date_referred"], name="lado_referral_status")]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("lado:referral_detail", kwargs={"partnership": self.partnership.slug, "pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.OPEN)

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Child(models.Model):
    """A child the allegation concerns: age and an agency's reference, never a name."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="children")
    age_years = models.PositiveSmallIntegerField("age in years")
    agency_reference = models.CharField(
        max_length=40,
        blank=True,
        help_text="The reference an agency (usually children's social care) holds the child by.",
    )

    class Meta:
        ordering = ["referral", "pk"]

    def __str__(self) -> str:
        return f"{self.referral.reference} child aged {self.age_years}"

    def trail_partnership_ids(self) -> list[int]:
        return self.referral.trail_partnership_ids()
