"""A child's death, from the notification to the panel's analysis.

The child is held with the least identifying data the review needs (the library's
``cdop-field`` kind says, field by field, what Assure holds and why): the name and the
circumstances are restricted fields shown only to panel members with the ``cdop`` grant, every
read logged, and masked in the trail; the date of birth is kept for the age and the duplicate
check; the home address, the NHS number, the parents' and other children's details are not held
(the national child mortality database holds them). Everywhere else the death is named by its
reference, the age band and the home partnership.

``panel`` is the panel that reviews the death; ``recorded_by`` the one that first recorded it.
They differ for a child who lived elsewhere: the panel of the area where the child died records
the death and passes it to the home panel (``passed_on_to``), which reviews it; it is never
reviewed twice. A child from outside the installation is recorded, passed on by name of the
receiving panel (``passed_on_to_name``) and counted by neither panel's reviews.

Statuses move through ``assure/cdop/pipeline.py``."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class ChildDeath(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft from an agency"
        NOTIFIED = "notified", "Notified"
        PAUSED = "paused", "Paused"
        REVIEWED = "reviewed", "Reviewed by the panel"
        PASSED_ON = "passed-on", "Passed to the home panel"
        DUPLICATE = "duplicate", "Duplicate"

    class Sex(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        INDETERMINATE = "indeterminate", "Indeterminate"
        NOT_KNOWN = "not-known", "Not known"

    class Expected(models.TextChoices):
        EXPECTED = "expected", "Expected"
        UNEXPECTED = "unexpected", "Unexpected"

    class Modifiable(models.TextChoices):
        IDENTIFIED = "identified", "Modifiable factors identified"
        NONE = "none", "No modifiable factors identified"
        INSUFFICIENT = "insufficient", "Insufficient information"

    panel = models.ForeignKey("cdop.Panel", on_delete=models.PROTECT, related_name="deaths")
    recorded_by = models.ForeignKey(
        "cdop.Panel",
        on_delete=models.PROTECT,
        related_name="deaths_recorded",
        help_text="The panel that first recorded the death.",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="child_deaths",
        help_text="The child's home partnership, when it is one of the installation's.",
    )
    home_area = models.CharField(
        max_length=120,
        blank=True,
        help_text="The child's home area when it is outside the installation's partnerships.",
    )
    reference = models.CharField(
        max_length=20, unique=True, help_text="e.g. CD-0012; sequential across the installation."
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOTIFIED)

    # The child: least identifying data. Name and circumstances are restricted.
    child_name = models.CharField("the child's name", max_length=200, blank=True, help_text="Restricted.")
    date_of_birth = models.DateField("date of birth")
    sex = models.CharField(max_length=14, choices=Sex.choices)
    ethnicity = models.CharField(max_length=40, blank=True, help_text="A code of the library's ethnic groups.")

    # The death and the notification.
    date_of_death = models.DateField("date of death")
    time_of_death = models.TimeField("time of death", null=True, blank=True)
    place_of_death = models.CharField(max_length=40, blank=True, help_text="A code of the library's places of death.")
    expected = models.CharField("expected or unexpected", max_length=10, choices=Expected.choices)
    designated_doctor_confirmed = models.BooleanField(
        "unexpected status confirmed by the designated doctor", null=True, blank=True
    )
    post_mortem_required = models.BooleanField(null=True, blank=True)
    certificate_issued = models.BooleanField("death certificate issued", null=True, blank=True)
    cause_on_certificate = models.TextField("known causes, as on the certificate", blank=True, help_text="Restricted.")
    circumstances = models.TextField(blank=True, help_text="Restricted: a summary of the circumstances.")
    suspected_home_stillbirth = models.BooleanField(default=False)
    notified_on = models.DateField("the date notified")
    notifier_name = models.CharField(max_length=150, blank=True)
    notifier_role = models.CharField(max_length=150, blank=True)
    notifier_agency = models.ForeignKey(
        "partnerships.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agencies_involved = models.ManyToManyField("partnerships.Agency", blank=True, related_name="child_deaths_involved")

    # The joint agency response (the "rapid response" of the seed).
    jar_needed = models.BooleanField("a joint agency response was needed", default=False)
    jar_met_on = models.DateField("the date the joint agency response met", null=True, blank=True)

    # Duplicates: same date of death, date of birth and sex.
    duplicate_of = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    not_duplicate_of = models.ManyToManyField(
        "self", blank=True, symmetrical=True, help_text="Deaths the manager has checked are different children."
    )

    # Passed to the home panel.
    passed_on_to = models.ForeignKey(
        "cdop.Panel", on_delete=models.SET_NULL, null=True, blank=True, related_name="deaths_received"
    )
    passed_on_to_name = models.CharField(max_length=200, blank=True, help_text="A home panel outside the installation.")
    passed_on_on = models.DateField(null=True, blank=True)

    # Pausing, for an inquest, a criminal process or another review.
    paused_on = models.DateField(null=True, blank=True)
    paused_reason = models.CharField(max_length=300, blank=True)
    resumed_on = models.DateField(null=True, blank=True)
    days_paused = models.PositiveIntegerField(default=0, help_text="Days paused in earlier pauses, summed.")

    # The child death review meeting, where one is held.
    review_meeting_on = models.DateField("the date of the child death review meeting", null=True, blank=True)
    review_meeting_notes = models.TextField(blank=True, help_text="Restricted.")

    # The panel's analysis.
    panel_meeting = models.ForeignKey(
        "partnerships.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="child_deaths_reviewed"
    )
    reviewed_on = models.DateField("the date the panel reviewed it", null=True, blank=True)
    category = models.ForeignKey(
        "library.LibraryItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The category of death (library kind cdop-category), the version used.",
    )
    modifiable = models.CharField("modifiable factors", max_length=12, choices=Modifiable.choices, blank=True)
    learning = models.TextField("learning points", blank=True)
    referred_for_review = models.BooleanField(
        "referred to the partnership for a child safeguarding practice review", default=False
    )
    referral_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    referral_id = models.CharField(max_length=40, blank=True)
    referral_label = models.CharField(max_length=200, blank=True)

    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    OPEN = Q(status__in=["notified", "paused"])
    REVIEWABLE = ~Q(status__in=["draft", "passed-on", "duplicate"])

    class Meta:
        ordering = ["-date_of_death", "-pk"]
        indexes = [models.Index(fields=["date_of_death", "date_of_birth", "sex"], name="child_death_match")]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("cdop:death_detail", kwargs={"partnership": self.panel.host.slug, "pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NOTIFIED, self.Status.PAUSED)

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.NOTIFIED, self.Status.PAUSED)

    @property
    def age_in_days(self) -> int:
        return (self.date_of_death - self.date_of_birth).days

    def trail_partnership_ids(self) -> list[int]:
        return self.panel.trail_partnership_ids()


class Factor(models.Model):
    """A factor the panel found in one domain, with how far it contributed (library kinds
    ``cdop-domain`` and ``cdop-contribution``)."""

    death = models.ForeignKey(ChildDeath, on_delete=models.CASCADE, related_name="factors")
    domain = models.CharField(max_length=40, help_text="A code of the library's cdop-domain.")
    description = models.TextField(help_text="Restricted.")
    contribution = models.CharField(max_length=40, help_text="A code of the library's cdop-contribution.")
    modifiable = models.BooleanField(default=False)

    class Meta:
        ordering = ["death", "domain", "pk"]

    def __str__(self) -> str:
        return f"{self.death.reference} factor in {self.domain}"

    def trail_partnership_ids(self) -> list[int]:
        return self.death.trail_partnership_ids()
