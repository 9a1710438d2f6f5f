"""A learning briefing (§3.20): the common "7-minute briefing" of learning from a local or national
review, or about new legislation or guidance, written by the business unit and published on the
partnership's public learning page. Its sections follow the library's ``briefing-layout``; the
text of each is kept by the section's code."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Briefing(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Source(models.TextChoices):
        LOCAL_REVIEW = "local-review", "A local review"
        NATIONAL_REVIEW = "national-review", "A national review"
        LEGISLATION = "legislation", "New legislation or guidance"

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="briefings")
    slug = models.SlugField(max_length=120, help_text="The briefing's address on the public learning page.")
    title = models.CharField(max_length=200)
    source = models.CharField(max_length=20, choices=Source.choices)
    review = models.ForeignKey(
        "reviews.Review",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="briefings",
        help_text="The local review it shares the learning of.",
    )
    source_note = models.CharField(
        max_length=300, blank=True, help_text="The national review, legislation or guidance it is about."
    )
    layout = models.ForeignKey("library.LibraryItem", on_delete=models.PROTECT, related_name="+")
    sections = models.JSONField(default=dict, help_text="The text of each section of the layout, by its code.")
    search_text = models.TextField(blank=True, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["partnership", "-published_at", "-created_at"]
        constraints = [models.UniqueConstraint(fields=["partnership", "slug"], name="briefing_slug_once")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
