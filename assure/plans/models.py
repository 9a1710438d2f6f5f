"""The business plan (the seed's §4: a plan for 2014-17 with four priorities and strategic
objectives under each, reviewed each year against "what have we done, what difference have we
made, what will we do next"). The scorecard groups its indicators under the plan's priorities and
the annual report's priority sections are written about them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class Plan(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(max_length=200, help_text="For example: Business plan 2014-17.")
    period = models.CharField(
        max_length=9, blank=True, help_text="The years the plan covers, as the board writes them, e.g. 2014-17."
    )
    first_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the plan's first financial year starts, e.g. 2014 for 2014-15."
    )
    last_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the plan's last financial year starts, e.g. 2016 for 2016-17."
    )
    vision = models.TextField(blank=True, help_text="What the board wants for the area's children.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["partnership", "-first_year", "-pk"]

    def __str__(self) -> str:
        return self.title

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Priority(models.Model):
    """One of the plan's priorities, under which the scorecard groups indicators and every system
    hangs its work."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="priorities")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["partnership", "position", "pk"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.title

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class Objective(models.Model):
    """A strategic objective under a priority; the actions that deliver it are the one Action,
    raised with the objective as their source."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="objectives")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["priority", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    def trail_partnership_ids(self) -> list[int]:
        return [self.priority.partnership_id]


class PriorityReview(models.Model):
    """One year's review of a priority: the plan's three questions answered."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="reviews")
    year = models.CharField(max_length=7, help_text="The financial year reviewed, e.g. 2014-15.")
    what_done = models.TextField("what have we done", blank=True)
    what_difference = models.TextField("what difference have we made", blank=True)
    what_next = models.TextField("what will we do next", blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["priority", "-year"]
        constraints = [models.UniqueConstraint(fields=["priority", "year"], name="priority_review_unique")]

    def __str__(self) -> str:
        return f"{self.priority} — {self.year}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.priority.partnership_id]


class ReviewEvidence(models.Model):
    """Evidence linked to a year's review from anywhere in Assure: an indicator and its movement,
    a Section 11 cycle's results, an audit, a review, training, an action completed."""

    review = models.ForeignKey(PriorityReview, on_delete=models.CASCADE, related_name="evidence")
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    target_id = models.CharField(max_length=40)
    target = GenericForeignKey("target_type", "target_id")
    label = models.CharField(max_length=200, help_text="The record, as shown to readers.")
    note = models.CharField(max_length=300, blank=True, help_text="What the evidence shows, in a sentence.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["review", "position", "pk"]

    def __str__(self) -> str:
        return self.label

    def trail_partnership_ids(self) -> list[int]:
        return self.review.trail_partnership_ids()
