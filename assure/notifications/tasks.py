"""Sending mail on the task worker, so a page never waits for the mail server."""

from django.tasks import task


@task
def message_deliver(message_id: int) -> bool:
    """Send one stored message now; False when it was sent already or is gone."""
    from .delivery import deliver

    return deliver(message_id)


@task
def reminders_send() -> int:
    """Send the day's scheduled reminders (as ``manage.py reminders_send``); returns how many
    records were reminded."""
    from django.utils import timezone

    from .reminders import scheduled_reminders_send

    return len(scheduled_reminders_send(today=timezone.localdate()).reminded)
