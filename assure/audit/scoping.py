"""Ties each field-history entry to the partnership(s) whose records it concerns."""

from .models import TrailScope


def scope_log_entry(sender, instance=None, log_entry=None, **kwargs) -> None:
    """Receiver of auditlog's post_log: every tracked model says which partnerships it belongs
    to through ``trail_partnership_ids()``."""
    if log_entry is None or instance is None or not hasattr(instance, "trail_partnership_ids"):
        return
    TrailScope.objects.bulk_create(
        [TrailScope(log_entry=log_entry, partnership_id=pid) for pid in set(instance.trail_partnership_ids())],
        ignore_conflicts=True,
    )
