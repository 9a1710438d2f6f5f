"""Training figures that come from outside Assure's bookings: completions of the partnership's
e-learning module (imported from the e-learning platform's CSV, with the least identifying data
that lets a completion be counted once), and each agency's yearly return of the single-agency
safeguarding training its staff completed, with its workforce (the denominator of the
representation figures)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ElearningCompletion(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    course = models.ForeignKey("training.Course", on_delete=models.PROTECT, related_name="completions")
    learner = models.CharField(
        max_length=64, help_text="The digest of the platform's learner identifier: counts a learner once, names nobody."
    )
    agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    organisation = models.CharField(max_length=200, blank=True)
    completed_on = models.DateField()
    imported_at = models.DateTimeField(default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-completed_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "learner", "completed_on"], name="training_elearning_completion_once"
            ),
        ]

    def __str__(self) -> str:
        return f"E-learning completion {self.pk}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class TrainingReturn(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    class Route(models.TextChoices):
        FORM = "form", "Answered on the form"
        UPLOAD = "upload", "Uploaded as a spreadsheet"

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey("partnerships.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.CharField(max_length=7, help_text="The reporting year, e.g. 2014-15.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    route = models.CharField(max_length=10, choices=Route.choices, default=Route.FORM)
    response = models.OneToOneField(
        "questionnaires.Response", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    workforce = models.PositiveIntegerField(
        null=True, blank=True, help_text="Staff and volunteers who work with children or their families."
    )
    completions = models.JSONField(
        default=dict, blank=True, help_text="Staff who completed single-agency training in the year, by training-level."
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["year", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "agency", "year"], name="training_return_once_per_year"),
        ]

    def __str__(self) -> str:
        return f"Training return {self.pk}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
