"""What retention leaves behind. Entries past their kind's retention period are deleted by a
scheduled job a whole reporting year at a time; before it deletes a year's entries it keeps that
year's figures (every indicator the kind declares, by month too), so the figures pages and the
core dataset still show the years whose entries are gone. Each run of the job is logged."""

from django.db import models
from django.utils import timezone


class RetainedYear(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    kind_code = models.CharField(max_length=60)
    year = models.CharField(max_length=7, help_text="The financial year, e.g. 2014-15.")
    figures = models.JSONField(default=dict, help_text="The year's figures as the figures selector counts them.")
    entries_deleted = models.PositiveIntegerField(default=0)
    kept_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind_code", "year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "kind_code", "year"], name="registers_retained_year_once"),
        ]

    def __str__(self) -> str:
        return f"Retained figures {self.kind_code} {self.year}"


class RetentionRun(models.Model):
    class Outcome(models.TextChoices):
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.RUNNING)
    deleted = models.PositiveIntegerField(default=0, help_text="Entries deleted in the run.")
    detail = models.JSONField(
        default=list, blank=True, help_text="Per partnership, kind and year: entries deleted (no identifiers)."
    )
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"Retention run {self.pk}"
