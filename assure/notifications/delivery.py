"""Turning stored messages into e-mail: one for a request, one digest for a person's week."""

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.utils import timezone

from .models import Delivery, Message


def link(path: str) -> str:
    """The address of ``path`` on this installation's own site."""
    return settings.ASSURE_SITE_URL.rstrip("/") + path


def deliver(message_id: int) -> bool:
    """Send one stored message by e-mail, once: to its recipient, or to its address when it has
    none (``notify_address``). False when it was sent already (or its recipient can no longer be
    written to)."""
    # Claim the message first, so a task run twice sends it once.
    claimed = Message.objects.filter(pk=message_id, sent_at__isnull=True).update(sent_at=timezone.now())
    if not claimed:
        return False
    message = Message.objects.select_related("recipient").get(pk=message_id)
    recipient = message.recipient
    if recipient is None:
        to = message.address  # someone without an account (notify_address)
    elif not recipient.is_active or not recipient.email:
        return False  # left since the request was made: nobody to write to
    else:
        to = recipient.email
    if not to:
        return False
    try:
        if message.calendar:
            # An event to keep (a training session booked): sent with it as an .ics attachment.
            email = EmailMessage(message.subject, message_text(message), settings.DEFAULT_FROM_EMAIL, [to])
            email.attach("session.ics", message.calendar, "text/calendar")
            email.send()
        else:
            send_mail(message.subject, message_text(message), settings.DEFAULT_FROM_EMAIL, [to])
    except Exception:
        # Not sent after all: release the claim so that the task's retry sends it.
        Message.objects.filter(pk=message_id).update(sent_at=None)
        raise
    return True


def message_text(message: Message) -> str:
    """The e-mail's text: the request, then the link to the thing asked about (none when the
    message has no path: a letter to someone without an account that must not carry a link)."""
    if not message.path:
        return f"{message.body.rstrip()}\n"
    return f"{message.body.rstrip()}\n\nOpen it in Assure: {link(message.path)}\n"


def digests_send() -> int:
    """Send each person who chose the weekly digest one e-mail listing every request still unsent
    to them, each with its link, and mark those sent; returns how many e-mails were sent. Reads
    every waiting message in one query, whatever the number of people."""
    waiting = list(
        Message.objects.filter(delivery=Delivery.DIGEST, sent_at__isnull=True, recipient__isnull=False)
        .select_related("recipient", "partnership")
        .order_by("recipient_id", "created_at", "pk")
    )
    by_person: dict[int, list[Message]] = {}
    for message in waiting:
        by_person.setdefault(message.recipient_id, []).append(message)
    sent = 0
    for messages in by_person.values():
        recipient = messages[0].recipient
        if not recipient.is_active or not recipient.email:
            continue
        # Claim them first, so a second run (or a second worker) does not send them again.
        ids = [m.pk for m in messages]
        if Message.objects.filter(pk__in=ids, sent_at__isnull=True).update(sent_at=timezone.now()) != len(ids):
            Message.objects.filter(pk__in=ids).update(sent_at=None)
            continue
        try:
            send_mail(digest_subject(messages), digest_text(messages), settings.DEFAULT_FROM_EMAIL, [recipient.email])
        except Exception:
            Message.objects.filter(pk__in=ids).update(sent_at=None)
            raise
        sent += 1
    return sent


def digest_subject(messages: list[Message]) -> str:
    count = len(messages)
    return f"Assure: {count} request{'s' if count != 1 else ''} this week"


def digest_text(messages: list[Message]) -> str:
    """One entry for each request: its subject, where it came from, its text and its link."""
    entries = []
    for number, message in enumerate(messages, start=1):
        where = f" ({message.partnership.short_name or message.partnership.name})" if message.partnership else ""
        entries.append(
            f"{number}. {message.subject}{where}\n\n{message.body.rstrip()}\n\nOpen it in Assure: {link(message.path)}"
        )
    return "Your requests from Assure this week.\n\n" + "\n\n---\n\n".join(entries) + "\n"
