"""The trail (not case audits): domain events written by services, the access log of reads of
restricted records, and the partnership scope of field-history entries."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class Event(models.Model):
    """Something a service did, in the domain's words ("member.added", "role.changed")."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verb = models.CharField(max_length=80)
    target_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    target_id = models.CharField(max_length=40, blank=True)
    summary = models.CharField(max_length=300, help_text="What happened, as shown in the trail.")
    data = models.JSONField(default=dict, blank=True)
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return self.summary


class AccessLog(models.Model):
    """One read of a restricted record."""

    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="access_log")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    area = models.CharField(max_length=60)
    record_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    record_id = models.CharField(max_length=40)
    record_label = models.CharField(max_length=200)
    accessed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-accessed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user} read {self.record_label}"


class TrailScope(models.Model):
    """Which partnership(s) a field-history entry belongs to, so each business unit sees the
    history of its own records only (a shared agency's history is seen by each of its
    partnerships)."""

    log_entry = models.ForeignKey("auditlog.LogEntry", on_delete=models.CASCADE, related_name="scopes")
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["log_entry", "partnership"], name="trail_scope_unique")]

    def __str__(self) -> str:
        return f"Entry {self.log_entry_id} in partnership {self.partnership_id}"
