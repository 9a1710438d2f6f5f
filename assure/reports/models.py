"""The annual report and board packs, written from what Assure holds.

A report is made from a report template of the library: its sections (numbered, nested) mix
narrative, written in Assure by the business unit or by the agency lead a section is assigned
to, with data blocks computed from the partnership's data. While a report is a draft its blocks
can be refreshed; publishing freezes every block's data in the report, so the published report
can be generated again later with the same content whatever has changed since."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Report(models.Model):
    class Kind(models.TextChoices):
        ANNUAL = "annual", "Annual report"
        BOARD_PACK = "board_pack", "Board pack"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=200)
    year = models.CharField(
        max_length=7, blank=True, help_text="The financial year an annual report covers, e.g. 2014-15."
    )
    meeting = models.ForeignKey(
        "partnerships.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="board_packs",
        help_text="The meeting a board pack is for.",
    )
    template = models.ForeignKey(
        "library.LibraryItem",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "report-template"},
        help_text="The report template version the report was made from.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    edition = models.PositiveSmallIntegerField(
        default=1, help_text="1 for the report as first published; a corrected edition is the next number."
    )
    corrects = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correction",
        help_text="The published edition this edition corrects.",
    )
    correction_note = models.TextField(
        blank=True, help_text="What the corrected edition changed, given when it is published."
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year", "edition"],
                condition=models.Q(kind="annual"),
                name="report_one_annual_per_year",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:report_detail", kwargs={"partnership": self.partnership.slug, "pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def edition_label(self) -> str:
        """ "Edition 2, published 3 July 2015" (a draft edition: "Edition 2, draft")."""
        if self.is_published and self.published_at:
            return f"Edition {self.edition}, published {timezone.localtime(self.published_at):%-d %B %Y}"
        return f"Edition {self.edition}, draft"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Section(models.Model):
    """One numbered section of a report: narrative, data blocks, and who writes it."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        REQUESTED = "requested", "Requested from an agency"
        DRAFTING = "drafting", "Being drafted"
        WRITTEN = "written", "Written"
        ACCEPTED = "accepted", "Accepted"
        OMITTED = "omitted", "Deliberately omitted"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    position = models.PositiveIntegerField(help_text="Order within the report, across all levels.")
    key = models.CharField(max_length=100, help_text="The template's key for the section.")
    title = models.CharField(max_length=200)
    guidance = models.TextField(blank=True, help_text="What the section should say, from the template.")
    body = models.TextField(
        blank=True,
        help_text="Narrative in plain text with simple formatting: headings (#), lists (- or 1.), links, *emphasis*.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    priority = models.ForeignKey(
        "plans.Priority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="For a section about one of the partnership's priorities.",
    )
    agency = models.ForeignKey(
        "partnerships.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_sections",
        help_text="The agency asked to write the section.",
    )
    requested_from = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField("due date", null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    returned_reason = models.TextField(
        blank=True, help_text="Why the business unit last sent the section back to the agency lead."
    )
    omitted_reason = models.TextField(
        blank=True, help_text="Why the business unit left the section out of the report; shown in its place."
    )
    omitted_at = models.DateTimeField(null=True, blank=True)
    omitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["report", "position"]
        constraints = [models.UniqueConstraint(fields=["report", "position"], name="report_section_position")]

    def __str__(self) -> str:
        return self.title

    # Asked of an agency and not yet sent to the business unit: the agency lead has it to write.
    WITH_AGENCY = ("requested", "drafting")

    @property
    def is_with_agency(self) -> bool:
        return self.requested_from_id is not None and self.status in self.WITH_AGENCY

    @property
    def is_overdue(self) -> bool:
        """Asked of an agency, past its due date and not yet written."""
        return self.is_with_agency and self.due_on is not None and self.due_on < timezone.localdate()

    @classmethod
    def with_agency_q(cls) -> models.Q:
        """``is_with_agency`` as a filter."""
        return models.Q(requested_from__isnull=False, status__in=cls.WITH_AGENCY)

    @property
    def is_omitted(self) -> bool:
        return self.status == self.Status.OMITTED

    @property
    def holds_template_wording(self) -> bool:
        """The narrative still holds the template's guidance, word for word (pasted in as a start
        and left): the report would print instructions to its writer instead of the section."""
        guidance = " ".join(self.guidance.split()).casefold()
        return bool(guidance) and guidance in " ".join(self.body.split()).casefold()

    def trail_partnership_ids(self) -> list[int]:
        return [self.report.partnership_id]


class Block(models.Model):
    """A block of a section computed from the data (a table, a chart, figures in words).

    ``data`` holds the block's last computed content in the shape every output reads (see
    assure/reports/blocks/__init__.py). A draft's blocks are refreshed on demand; publishing
    refreshes them one last time and freezes them."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="blocks")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=60, help_text="A block kind of assure.reports.blocks.")
    title = models.CharField(max_length=200, blank=True)
    params = models.JSONField(default=dict, blank=True)
    data = models.JSONField(null=True, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["section", "position", "pk"]

    def __str__(self) -> str:
        return self.title or self.kind

    def trail_partnership_ids(self) -> list[int]:
        return self.section.trail_partnership_ids()


def render_path(instance: "Rendering", filename: str) -> str:
    return f"reports/{instance.report_id}/{instance.token}"


class Rendering(models.Model):
    """One generation of a report's output (PDF, DOCX or HTML), run as a background task."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (DOCX)"
        HTML = "html", "Web page (HTML)"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Being generated"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="renderings")
    format = models.CharField(max_length=4, choices=Format.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent done.")
    stage = models.CharField(max_length=200, blank=True)
    token = models.CharField(max_length=64, unique=True)
    file = models.FileField(upload_to=render_path, max_length=300, blank=True)
    size = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.report} ({self.get_format_display()})"

    def trail_partnership_ids(self) -> list[int]:
        return [self.report.partnership_id]
