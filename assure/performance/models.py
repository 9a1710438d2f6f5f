"""The core dataset: indicators (defined in the library), areas and their statistical
neighbours, periods, observations with their provenance, agency data returns, the partnership's
scorecard (priorities, targets, tolerances) and exception reports."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Area(models.Model):
    """England, a region or a local authority, as the DfE's files name them.

    An area is the authority, not its code: a local authority keeps one Area whatever ONS codes
    it has had (``codes``), so its figures, neighbours and partnerships stay together when it is
    re-coded. ``code`` is the code it has now (or had last, for an abolished authority). An
    authority made or abolished by a reorganisation says when (``began_on``, ``ended_on``), and
    ``successions`` / ``predecessions`` say what it became or came from."""

    class Level(models.TextChoices):
        NATIONAL = "national", "National"
        REGIONAL = "regional", "Regional"
        LOCAL_AUTHORITY = "local_authority", "Local authority"

    level = models.CharField(max_length=20, choices=Level.choices)
    code = models.CharField(
        max_length=9, unique=True, help_text="Its ONS code now (or its last): E92000001, E12000005, E06000051."
    )
    old_la_code = models.CharField("old LA code", max_length=3, blank=True, db_index=True)
    name = models.CharField(max_length=120)
    region = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="members")
    began_on = models.DateField(null=True, blank=True, help_text="Its first day, when a reorganisation made it.")
    ended_on = models.DateField(null=True, blank=True, help_text="Its last day, when a reorganisation ended it.")

    class Meta:
        ordering = ["level", "name"]

    def __str__(self) -> str:
        return self.name

    def existed_during(self, start: dt.date, end: dt.date) -> bool:
        """Whether the authority existed on any day from ``start`` to ``end`` (a period)."""
        return (self.began_on is None or self.began_on <= end) and (self.ended_on is None or self.ended_on >= start)


class AreaCode(models.Model):
    """One ONS code an area has had, with the days it was in use where known. Every code of an
    area resolves to it, so a file that names an authority by an earlier (or a later) code
    finds the same area."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(max_length=9, unique=True)
    valid_from = models.DateField(null=True, blank=True, help_text="First day in use; empty: before the records.")
    valid_to = models.DateField(null=True, blank=True, help_text="Last day in use; empty: still in use.")
    note = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where the code and its dates were checked.")
    verification = models.CharField(max_length=20, blank=True, help_text="verified, paraphrase or check.")

    class Meta:
        ordering = ["area", "valid_from", "code"]

    def __str__(self) -> str:
        return f"{self.code} ({self.area})"


class AreaSuccession(models.Model):
    """One link of a reorganisation: an authority that ended and one of the authorities that
    took over its area on ``took_effect``. A merger is several links to one successor; a split
    one predecessor's links to several."""

    class Kind(models.TextChoices):
        MERGER = "merger", "Merged into"
        SPLIT = "split", "Split into"

    predecessor = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="successions")
    successor = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="predecessions")
    took_effect = models.DateField(help_text="The successor's first day.")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    note = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=300, blank=True)
    verification = models.CharField(max_length=20, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="area_succession_unique"),
        ]
        ordering = ["took_effect", "successor", "predecessor"]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.took_effect})"


class StatisticalNeighbour(models.Model):
    """One of a local authority's ten statistical neighbours in a DfE/NFER model."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="neighbour_links")
    neighbour = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    model = models.CharField(max_length=40, help_text="Which grouping, e.g. 'April 2021'.")
    rank = models.PositiveSmallIntegerField()
    closeness = models.CharField(max_length=30, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "model", "rank"], name="neighbour_rank_unique"),
        ]
        ordering = ["area", "model", "rank"]

    def __str__(self) -> str:
        return f"{self.area} → {self.neighbour} ({self.rank})"


class Indicator(models.Model):
    """A stable handle on an indicator of the library; ``definition`` is its newest version.
    Observations keep the exact version they were recorded against."""

    urn = models.CharField(max_length=200, unique=True)
    code = models.CharField(max_length=100, unique=True)
    definition = models.ForeignKey("library.LibraryItem", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.definition.title

    @property
    def data(self) -> dict:
        return self.definition.data


class Period(models.Model):
    """A month, a quarter or a year. Years are financial years (April to March); the DfE's
    "reporting year" 2015 is the year to 31 March 2015, i.e. 2014-15."""

    class Kind(models.TextChoices):
        MONTH = "month", "Month"
        QUARTER = "quarter", "Quarter"
        YEAR = "year", "Year"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    start = models.DateField()
    end = models.DateField()
    label = models.CharField(max_length=30, help_text="e.g. 2014-15, Q1 2014-15, April 2014.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "start"], name="period_unique")]
        ordering = ["start", "kind"]

    def __str__(self) -> str:
        return self.label


class TextEncoding(models.TextChoices):
    """How an imported CSV file's text was encoded, as its import found it (imports/reader.py)."""

    UTF8 = "utf-8", "UTF-8"
    UTF8_BOM = "utf-8-sig", "UTF-8 with a byte order mark"
    UTF16_LE = "utf-16-le", "UTF-16 (little-endian, with a byte order mark)"
    UTF16_BE = "utf-16-be", "UTF-16 (big-endian, with a byte order mark)"
    CP1252 = "cp1252", "Windows-1252"


ENCODING_HELP = "How the file's text was encoded; empty for a file imported before Assure recorded it."


class Publication(models.Model):
    """Where published or imported figures came from: one file imported once."""

    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=120, default="Department for Education")
    file_name = models.CharField(max_length=300)
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the file.")
    mapping = models.ForeignKey("library.LibraryItem", on_delete=models.PROTECT, related_name="+")
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    imported_at = models.DateTimeField(default=timezone.now)
    rows_read = models.PositiveIntegerField(default=0)
    encoding = models.CharField(max_length=10, choices=TextEncoding.choices, blank=True, help_text=ENCODING_HELP)
    observations_written = models.PositiveIntegerField(default=0)
    observations_updated = models.PositiveIntegerField(
        default=0, help_text="Of those written, how many replaced a different figure of an earlier file."
    )
    observations_unchanged = models.PositiveIntegerField(
        default=0, help_text="Figures the file holds that were already recorded with the same value."
    )
    corrections = models.JSONField(
        default=list,
        blank=True,
        help_text="Each earlier figure this file replaced: indicator, period, area, before and after.",
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["checksum", "mapping"], name="publication_file_mapping")]
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.file_name})"


class Observation(models.Model):
    """One figure: an indicator's value for an area (published), for a partnership and agency
    (a return), or for a partnership, counted from Assure's own records (computed, with its
    ``provenance``), in a period. A suppressed or missing figure keeps its reason, never a zero."""

    class Source(models.TextChoices):
        AGENCY_RETURN = "agency_return", "Agency return"
        LOCAL_IMPORT = "local_import", "Local import"
        PUBLICATION = "publication", "DfE publication"
        COMPUTED = "computed", "Computed from Assure's records"

    class Missing(models.TextChoices):
        CONFIDENTIAL = "c", "Suppressed to protect confidentiality"
        NOT_AVAILABLE = "x", "Not available"
        NOT_APPLICABLE = "z", "Not applicable"
        LOW = "low", "Rounds to zero"
        SMALL = "k", "Fewer than 5"
        UNRELIABLE = "u", "Low reliability"

    # Imports write tens of thousands of published observations at once, and every index is
    # written with each row. Published figures are found by the unique index on (indicator,
    # period, area) below, every read of them naming the indicator; the figures of returns and
    # local imports by the partial indexes below. So no column has an index of its own: every
    # read names the indicator too, and Assure never deletes indicators, library versions,
    # periods, areas or publications (the lookups an index on each would serve).
    #
    # The five references every figure carries (indicator, definition, period, area,
    # publication) are not foreign-key constraints in the database: PostgreSQL checks such a
    # constraint once per new row, and those checks were half of an import's time (about 100,000
    # for one DfE file). An import checks them instead, once per referenced row
    # (``imports.store.references_hold``, which takes the lock the constraint would take); an
    # agency return's figure points only at rows its return holds by constrained keys (the
    # round's period, the return's indicators and their definitions). Django still refuses to
    # delete an indicator, library version, period, area or publication that figures point at
    # (PROTECT works in Django, not only in the database).
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="observations", db_index=False, db_constraint=False
    )
    definition = models.ForeignKey(
        "library.LibraryItem",
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
        help_text="The version recorded against.",
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="observations", db_index=False, db_constraint=False
    )
    source = models.CharField(max_length=20, choices=Source.choices)
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observations",
        db_index=False,
        db_constraint=False,
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="observations",
        db_index=False,
    )
    agency = models.ForeignKey(
        "partnerships.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observations",
        db_index=False,
    )
    value = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    missing = models.CharField(max_length=4, choices=Missing.choices, blank=True)
    publication = models.ForeignKey(
        Publication,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observations",
        db_index=False,
        db_constraint=False,
    )
    data_return = models.ForeignKey(
        "DataReturn",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="observations",
        db_index=False,
    )
    comment = models.TextField(blank=True, help_text="Why a figure changed a lot, or what lies behind it.")
    recorded_at = models.DateTimeField(default=timezone.now)
    provenance = models.CharField(
        max_length=300,
        blank=True,
        help_text="What a computed figure was counted from, and when: "
        "'computed from 23 Section 11 returns on 6 December 2026'.",
    )
    computed_at = models.DateTimeField(null=True, blank=True, help_text="When a computed figure last changed.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "area"],
                condition=models.Q(source="publication"),
                name="observation_published_unique",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period", "data_return"],
                condition=models.Q(source="agency_return"),
                name="observation_return_unique",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period", "partnership"],
                condition=models.Q(source="computed"),
                name="observation_computed_unique",
            ),
        ]
        indexes = [
            # Published figures are found by the unique index above (indicator, period, area);
            # this one is for the others, so an import does not write it.
            models.Index(
                fields=["indicator", "period"],
                condition=~models.Q(source="publication"),
                name="observation_local_figures",
            ),
            models.Index(
                fields=["partnership", "indicator", "period"],
                condition=models.Q(partnership__isnull=False),
                name="observation_partnership",
            ),
            models.Index(fields=["agency"], condition=models.Q(agency__isnull=False), name="observation_agency"),
            models.Index(
                fields=["data_return"], condition=models.Q(data_return__isnull=False), name="observation_data_return"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.value if self.value is not None else self.missing}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id] if self.partnership_id else []


class ReturnRound(models.Model):
    """The business unit asks agencies for their figures for one period, by a deadline."""

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="return_rounds")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    opens_on = models.DateField(default=timezone.localdate)
    deadline = models.DateField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "period"], name="return_round_unique")]
        ordering = ["-period__start"]

    def __str__(self) -> str:
        return f"Returns for {self.period}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class DataReturn(models.Model):
    """One agency's return for one round: the figures for the indicators assigned to it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        RETURNED = "returned", "Returned for correction"
        VALIDATED = "validated", "Validated"

    # The agency may change its figures only while the return is with it.
    EDITABLE = (Status.DRAFT, Status.RETURNED)

    round = models.ForeignKey(ReturnRound, on_delete=models.CASCADE, related_name="returns")
    agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, related_name="data_returns")
    indicators = models.ManyToManyField(Indicator, related_name="+", help_text="What the agency is asked for.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    validated_at = models.DateTimeField(null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    returned_reason = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "agency"], name="data_return_unique")]
        ordering = ["round", "agency__name"]

    def __str__(self) -> str:
        return f"{self.agency} — {self.round.period}"

    def get_absolute_url(self) -> str:
        return reverse("performance:return_detail", kwargs={"partnership": self.round.partnership.slug, "pk": self.pk})

    @property
    def is_editable(self) -> bool:
        """True while the agency may still enter or change figures."""
        return self.status in self.EDITABLE

    def trail_partnership_ids(self) -> list[int]:
        return [self.round.partnership_id]


class ScorecardLine(models.Model):
    """An indicator on the partnership's scorecard, with its target and tolerance."""

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="scorecard")
    # A priority of the business plan (the tenant core's plans app): one set of priorities for the
    # whole partnership. A priority still holding lines cannot be deleted.
    priority = models.ForeignKey("plans.Priority", on_delete=models.RESTRICT, related_name="lines")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    target = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    tolerance = models.DecimalField(
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="How far from the target still counts as amber, in the indicator's unit.",
    )
    owner_agency = models.ForeignKey(
        "partnerships.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "indicator"], name="scorecard_line_unique")]
        ordering = ["priority__position", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.indicator} in {self.priority}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class ExceptionReport(models.Model):
    """The indicators that need the board's attention at one meeting, chosen by the library's
    exception rules."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="exception_reports"
    )
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(
        "partnerships.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One report per board meeting: a second would take the first one's commentary away
            # from the board's papers.
            models.UniqueConstraint(
                fields=["meeting"], condition=models.Q(meeting__isnull=False), name="exception_report_one_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"Exception report, {self.period}"

    def get_absolute_url(self) -> str:
        return reverse("performance:exception_detail", kwargs={"partnership": self.partnership.slug, "pk": self.pk})

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class ExceptionItem(models.Model):
    """One indicator in an exception report: why it was chosen, and the owning agency's answer."""

    report = models.ForeignKey(ExceptionReport, on_delete=models.CASCADE, related_name="items")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    reasons = models.JSONField(default=list, help_text="The rules it met, in words.")
    figures = models.JSONField(
        default=dict, blank=True, help_text="The scorecard's figures for it when the report was made, as shown."
    )
    owner_agency = models.ForeignKey(
        "partnerships.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    commentary = models.TextField(blank=True)
    commentary_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    commentary_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["report", "pk"]

    def __str__(self) -> str:
        return f"{self.indicator} ({', '.join(self.reasons)})"

    def get_absolute_url(self) -> str:
        kwargs = {"partnership": self.report.partnership.slug, "pk": self.report_id}
        return f"{reverse('performance:exception_detail', kwargs=kwargs)}#item-{self.pk}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.report.partnership_id]


class FiguresVersion(models.Model):
    """A counter moved on by every change to figures that a cached page shows: one per
    partnership (its returns, local observations and scorecard lines) and one for the published
    benchmarks (any import). Cached scorecards are keyed by them (see cache.py), so no change is
    ever hidden behind a cached page, whichever process or cache backend serves it."""

    scope = models.CharField(max_length=40, unique=True, help_text="'benchmarks' or 'partnership:<id>'.")
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.scope} v{self.version}"


# --- imports of published statistics ---------------------------------------------------------


class ImportProgress:
    """What an import's page reads of its ``status`` and ``messages``, alike for a statistics file
    and a file of a partnership's own figures."""

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def problems(self) -> list[dict]:
        """The bad rows kept of a rejected file (the first of each kind): line, column, reason."""
        return [message for message in self.messages if "reason" in message]

    @property
    def notes(self) -> list[str]:
        """What the import did, or what it is doing, a sentence each."""
        return [message["note"] for message in self.messages if "note" in message]


class ImportJob(ImportProgress, models.Model):
    """A statistics file uploaded on the installation's import page by its operator, imported by a
    background task. The file is kept privately under MEDIA_ROOT (never served); ``messages``
    holds the problems of a rejected file (the count of each kind and the first of each, see
    imports/problems.py), or notes on a finished one. Published figures belong
    to the installation, so a job has no partnership (jobs from before only operators imported
    keep the partnership whose business unit started them)."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, null=True, blank=True, related_name="import_jobs"
    )
    upload = models.FileField(upload_to="statistics/%Y/%m/", max_length=300)
    file_name = models.CharField(max_length=300, help_text="The file's name as uploaded.")
    mapping = models.ForeignKey("library.LibraryItem", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    messages = models.JSONField(default=list, blank=True)
    publication = models.ForeignKey(
        Publication, on_delete=models.SET_NULL, null=True, blank=True, related_name="import_jobs"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Import of {self.file_name}"

    def get_absolute_url(self) -> str:
        return reverse("statistics:job", kwargs={"pk": self.pk})

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id] if self.partnership_id else []


class LocalImport(ImportProgress, models.Model):
    """A file of the partnership's own figures, uploaded by its business unit on its statistics page
    and imported by a background task (imports/local.py). Its figures are the partnership's
    alone: local-import observations with the partnership set, never a published figure, an area
    or a neighbour. The file is kept privately under MEDIA_ROOT (never served); ``messages``
    holds the problems of a rejected file (as an ImportJob's, see imports/problems.py), or notes
    on a finished one."""

    Status = ImportJob.Status

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="local_imports")
    upload = models.FileField(upload_to="local-statistics/%Y/%m/", max_length=300)
    file_name = models.CharField(max_length=300, help_text="The file's name as uploaded.")
    checksum = models.CharField(max_length=64, blank=True, help_text="SHA-256 of the file.")
    encoding = models.CharField(max_length=10, choices=TextEncoding.choices, blank=True, help_text=ENCODING_HELP)
    status = models.CharField(max_length=10, choices=ImportJob.Status.choices, default=ImportJob.Status.QUEUED)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    observations_created = models.PositiveIntegerField(default=0)
    observations_updated = models.PositiveIntegerField(
        default=0, help_text="Local figures of an earlier file this one replaced with a different figure."
    )
    observations_unchanged = models.PositiveIntegerField(default=0)
    messages = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Import of local figures from {self.file_name}"

    def get_absolute_url(self) -> str:
        return reverse("performance:local_import_job", kwargs={"partnership": self.partnership.slug, "pk": self.pk})

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
