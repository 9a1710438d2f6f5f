"""Requests and reminders that reach people.

Every request Assure makes of a person goes through ``notify``: one ``Message`` for each
recipient, with the path of the thing asked about, so the e-mail links straight to it. Mail is
sent by the task worker after the transaction commits, never while a page waits. A person who
chose the weekly digest gets the request in their next digest instead.

``notify_address`` writes, the same way, to someone without an account at an e-mail address
(a practitioner who referred a case through a public form): always straight away.

``reminder_send`` is the one way to chase a record: by a person of the business unit (the "Send a
reminder" button) or by the scheduled rules (``actor=None``). It records the reminder, at most one
a day for each record, and sends it as a request."""

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from assure.audit.services import event_record

from .models import Delivery, Message, Preference, Reminder

# Set while records are made that nobody should be e-mailed about (the demo region being loaded).
_held: ContextVar[bool] = ContextVar("notifications_held", default=False)


@contextmanager
def held() -> Iterator[None]:
    """Record requests made inside this block but send nothing: the demo's history of requests
    is kept without e-mailing its invented people (or printing every message on the console)."""
    token = _held.set(True)
    try:
        yield
    finally:
        _held.reset(token)


def _people(recipients: Iterable) -> list:
    """Each active person with an address, once."""
    seen, people = set(), []
    for person in recipients:
        if person is None or not person.is_active or not person.email or person.pk in seen:
            continue
        seen.add(person.pk)
        people.append(person)
    return people


@transaction.atomic
def notify(
    *,
    recipients: Iterable,
    partnership,
    kind: str,
    subject: str,
    body: str,
    path: str,
    target: models.Model | None = None,
    immediate: bool = False,
    calendar: str = "",
) -> list[Message]:
    """Ask each recipient something: store one message each and send it by e-mail after commit,
    with a link to ``path`` (an address inside Assure, e.g. from ``partnership_url``). Those who
    chose the weekly digest get it there, unless ``immediate`` (reminders of what is overdue).
    ``calendar`` (an iCalendar text) goes with the e-mail as an .ics attachment, and makes it
    immediate: an event belongs in the calendar now, not in next week's digest."""
    from .tasks import message_deliver

    people = _people(recipients)
    digest = set(Preference.objects.filter(user__in=people, delivery=Delivery.DIGEST).values_list("user_id", flat=True))
    target_type = ContentType.objects.get_for_model(target) if target is not None else None
    messages = Message.objects.bulk_create(
        Message(
            recipient=person,
            partnership=partnership,
            kind=kind,
            subject=subject[:200],
            body=body,
            path=path,
            delivery=Delivery.DIGEST if person.pk in digest and not immediate and not calendar else Delivery.IMMEDIATE,
            target_type=target_type,
            target_id=str(target.pk) if target is not None else "",
            calendar=calendar,
        )
        for person in people
    )
    if _held.get():
        Message.objects.filter(pk__in=[m.pk for m in messages]).update(sent_at=timezone.now())
        return messages
    for message in messages:
        if message.delivery == Delivery.IMMEDIATE:
            transaction.on_commit(lambda pk=message.pk: message_deliver.enqueue(message_id=pk))
    return messages


@transaction.atomic
def notify_address(
    *,
    address: str,
    partnership,
    kind: str,
    subject: str,
    body: str,
    path: str,
    target: models.Model | None = None,
    calendar: str = "",
) -> Message:
    """Write to someone without an account at ``address`` (a practitioner who referred a case
    through a public form): one message, sent straight away by the task worker after commit, with
    a link to ``path`` (a public page of Assure). Never part of a digest. ``calendar`` (an
    iCalendar text) goes with it as an .ics attachment."""
    from .tasks import message_deliver

    address = (address or "").strip()
    if not address:
        raise ValidationError({"address": "There is no e-mail address to write to."})
    message = Message.objects.create(
        recipient=None,
        address=address,
        partnership=partnership,
        kind=kind,
        subject=subject[:200],
        body=body,
        path=path,
        delivery=Delivery.IMMEDIATE,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        calendar=calendar,
    )
    if _held.get():
        Message.objects.filter(pk=message.pk).update(sent_at=timezone.now())
        return message
    transaction.on_commit(lambda pk=message.pk: message_deliver.enqueue(message_id=pk))
    return message


def reminder_send(
    *,
    actor,
    target: models.Model,
    partnership,
    recipients: Iterable,
    subject: str,
    body: str,
    path: str,
    kind: str,
    today: dt.date | None = None,
    addresses: Iterable[str] = (),
) -> Reminder | None:
    """Remind the recipients about ``target``, once a day at most: returns the reminder recorded,
    or None when the record was reminded already today (nothing is sent) or nobody could be
    reminded. ``actor`` is the person who pressed the button, None for a scheduled reminder.
    ``addresses`` are people without an account (an employer's case manager answering by a
    link), written to as ``notify_address`` does."""
    today = today or timezone.localdate()
    people = _people(recipients)
    addresses = list(dict.fromkeys(a.strip() for a in addresses if a and a.strip()))
    if not people and not addresses:
        return None
    target_type = ContentType.objects.get_for_model(target)
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                target_type=target_type,
                target_id=str(target.pk),
                partnership=partnership,
                sent_on=today,
                sent_by=actor if getattr(actor, "is_authenticated", False) else None,
                recipients=len(people) + len(addresses),
            )
            notify(
                recipients=people,
                partnership=partnership,
                kind=kind,
                subject=subject,
                body=body,
                path=path,
                target=target,
                immediate=True,
            )
            for address in addresses:
                notify_address(
                    address=address,
                    partnership=partnership,
                    kind=kind,
                    subject=subject,
                    body=body,
                    path=path,
                    target=target,
                )
            event_record(
                actor=actor,
                verb="notifications.reminder_sent",
                target=target,
                partnership=partnership,
                summary=f"Reminder sent: {target}",
                data={"recipients": len(people) + len(addresses), "scheduled": actor is None},
            )
    except IntegrityError:
        return None  # reminded already today
    return reminder


@transaction.atomic
def preference_set(*, actor, delivery: str) -> Preference:
    """Choose how requests reach the person: each straight away, or together in the weekly digest.
    Reminders of what is overdue always come straight away."""
    if delivery not in Delivery.values:
        raise ValidationError({"delivery": "Choose how you want to receive e-mails from Assure."})
    preference, _ = Preference.objects.get_or_create(user=actor)
    if preference.delivery != delivery:
        preference.delivery = delivery
        preference.save(update_fields=["delivery", "updated_at"])
        event_record(
            actor=actor,
            verb="notifications.preference_set",
            target=preference,
            partnership=None,
            summary=f"E-mails from Assure: {preference.get_delivery_display().lower()}",
            data={"delivery": delivery},
        )
    return preference
