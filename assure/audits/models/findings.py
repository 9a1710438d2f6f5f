"""What an audit found: strengths and areas for development, each under a theme, which can
raise actions (the one Action, ``source`` the finding) and be linked to a learning event."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Finding(models.Model):
    class Kind(models.TextChoices):
        STRENGTH = "strength", "Strength"
        DEVELOPMENT = "development", "Area for development"

    audit = models.ForeignKey("audits.Audit", on_delete=models.CASCADE, related_name="findings")
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(
        "audits.CaseAudit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
        help_text="The case file it came from, if one; most findings are across the files.",
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    theme = models.CharField(max_length=200, help_text="e.g. the voice of the child, core groups, planning.")
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)
    # A learning event (or any record of Assure) the finding was taken to.
    link_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    link_id = models.CharField(max_length=40, blank=True)
    link = GenericForeignKey("link_type", "link_id")
    link_label = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["audit", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.theme}"

    def get_absolute_url(self) -> str:
        return reverse("audits:finding_detail", kwargs={"partnership": self.partnership.slug, "pk": self.pk})

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
