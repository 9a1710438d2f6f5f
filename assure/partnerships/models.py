"""The partnership (the tenant boundary), its agencies, subgroups, meetings and attendance, and
its budget. Agencies are shared across an installation's partnerships: police, probation and
NHS trusts usually serve several."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Partnership(models.Model):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=30, help_text="Abbreviation used in headings, e.g. SSCB.")
    slug = models.SlugField(unique=True)
    la_name = models.CharField("local authority", max_length=120)
    old_la_code = models.CharField("old LA code", max_length=3, help_text="DfE three-digit code, e.g. 893.")
    ons_code = models.CharField("ONS code", max_length=9, help_text="e.g. E06000051.")
    region = models.CharField(max_length=60)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnerships:home", kwargs={"partnership": self.slug})

    def trail_partnership_ids(self) -> list[int]:
        return [self.pk]


class Agency(models.Model):
    """An organisation that takes part in one or more partnerships."""

    name = models.CharField(max_length=200, unique=True)
    agency_type = models.ForeignKey(
        "library.LibraryItem", on_delete=models.PROTECT, related_name="+", limit_choices_to={"kind": "agency-type"}
    )
    sector = models.ForeignKey(
        "library.LibraryItem", on_delete=models.PROTECT, related_name="+", limit_choices_to={"kind": "sector"}
    )
    partnerships = models.ManyToManyField(Partnership, through="PartnershipAgency", related_name="agencies")
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name

    def trail_partnership_ids(self) -> list[int]:
        return list(self.partnership_links.values_list("partnership_id", flat=True))


class PartnershipAgency(models.Model):
    """An agency's place in a partnership: whether it sits on the board, and since when."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="agency_links")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="partnership_links")
    on_board = models.BooleanField("represented on the board", default=True)
    joined_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "agency"], name="partnership_agency_unique"),
        ]
        ordering = ["agency__name"]

    def __str__(self) -> str:
        return f"{self.agency} in {self.partnership}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Subgroup(models.Model):
    """A subgroup, task and finish group or panel of the board, with its terms of reference."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="subgroups")
    name = models.CharField(max_length=200)
    purpose = models.CharField(max_length=300, blank=True)
    terms_of_reference = models.TextField(blank=True)
    terms_reviewed_on = models.DateField("terms of reference last reviewed", null=True, blank=True)
    chair = models.CharField(max_length=150, blank=True, help_text="Name and role of the chair.")
    agencies = models.ManyToManyField(
        Agency, blank=True, related_name="subgroups", help_text="Agencies expected to attend."
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="subgroup_unique_name")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Meeting(models.Model):
    """A meeting of the board (no subgroup) or of one subgroup."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meetings")
    subgroup = models.ForeignKey(Subgroup, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings")
    held_on = models.DateField("date")
    title = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    notes = models.TextField("public notes", blank=True)

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.body_name} — {self.held_on:%d %B %Y}"

    @property
    def body_name(self) -> str:
        return self.subgroup.name if self.subgroup_id else "Board"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Attendance(models.Model):
    """Whether an expected agency was represented at a meeting."""

    class Status(models.TextChoices):
        PRESENT = "present", "Attended"
        DEPUTY = "deputy", "Represented by a deputy"
        APOLOGIES = "apologies", "Sent apologies"
        ABSENT = "absent", "Did not attend"

    ATTENDED = (Status.PRESENT, Status.DEPUTY)

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(max_length=12, choices=Status.choices)
    representative = models.CharField(max_length=150, blank=True, help_text="Who attended, if anyone.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "agency"], name="attendance_unique")]
        ordering = ["agency__name"]

    def __str__(self) -> str:
        return f"{self.agency}: {self.get_status_display()}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.meeting.partnership_id]


class ConfidentialMinute(models.Model):
    """The confidential part of a meeting's minutes (a "part B" item): a restricted record, read
    only with an explicit grant for the confidential-minutes area, and every read is logged."""

    RESTRICTED_AREA = "confidential-minutes"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="confidential_minutes")
    heading = models.CharField(max_length=200)
    text = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return f"Confidential item {self.pk}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.meeting.partnership_id]


class Contribution(models.Model):
    """A partner's contribution to the partnership's budget for one financial year."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="contributions")
    year = models.CharField(max_length=7, help_text="Financial year, e.g. 2014-15.")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="contributions")
    source = models.CharField(max_length=200, blank=True, help_text="Other income, when not from an agency.")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["year", "-amount"]

    def __str__(self) -> str:
        return f"{self.contributor}: £{self.amount:,.2f} ({self.year})"

    @property
    def contributor(self) -> str:
        return self.agency.name if self.agency_id else self.source

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Expenditure(models.Model):
    """A line of the partnership's spending for one financial year: what was planned for it,
    what has been spent so far, and the business unit's forecast for the whole year if it
    records one (``assure.partnerships.selectors.budget`` otherwise projects the spending)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="expenditure")
    year = models.CharField(max_length=7, help_text="Financial year, e.g. 2014-15.")
    line = models.CharField(max_length=200)
    amount = models.DecimalField("spent", max_digits=12, decimal_places=2, default=Decimal("0"))
    planned = models.DecimalField(
        "planned", max_digits=12, decimal_places=2, null=True, blank=True, help_text="The budget set for the year."
    )
    forecast = models.DecimalField(
        "forecast for the year",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="What the business unit expects the line to cost by the end of the year.",
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["year", "-amount"]

    def __str__(self) -> str:
        return f"{self.line}: £{self.amount:,.2f} ({self.year})"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class RegisterVersion(models.Model):
    """A counter moved on by every change to what one of a partnership's registers shows (its
    agencies, meetings or actions). The register pages are cached under it (registers.py), so a
    change is never hidden behind a cached page, whichever process or cache backend serves it."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    register = models.CharField(max_length=40, help_text="The register: 'agencies', 'meetings' or 'actions'.")
    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "register"], name="register_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.partnership_id} {self.register} v{self.version}"
