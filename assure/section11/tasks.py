"""Background tasks of Section 11 (Django's tasks framework, as the performance app's)."""

from django.tasks import task


@task
def section11_reminders() -> int:
    """Send the day's Section 11 reminders (see services/reminders.py); returns how many returns
    were reminded."""
    from .services.reminders import reminders_send

    return len(reminders_send().reminded)
