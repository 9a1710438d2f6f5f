"""Messages to someone without an account (notify_address): a practitioner who referred a case
through a public form is written to at the work address they gave."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from assure.notifications.delivery import deliver, digests_send
from assure.notifications.models import Delivery, Message
from assure.notifications.services import held, notify_address

SITE = "https://assure.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.ASSURE_SITE_URL = SITE


def write(partnership, **kwargs):
    values = {
        "address": "practitioner@school.example.org",
        "partnership": partnership,
        "kind": "reviews.referral_confirm",
        "subject": "Confirm your case consideration",
        "body": "Confirm the case consideration you sent.",
        "path": "/refer/northshire/confirm/abc/",
    }
    return notify_address(**{**values, **kwargs})


def test_the_message_is_stored_for_the_address_without_a_recipient(partnership):
    message = write(partnership)
    stored = Message.objects.get(pk=message.pk)
    assert (stored.recipient, stored.address, stored.delivery) == (None, "practitioner@school.example.org", "immediate")


def test_it_is_mailed_to_the_address_after_commit(partnership, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        write(partnership)
    assert [m.to for m in mail.outbox] == [["practitioner@school.example.org"]]


def test_nothing_is_mailed_before_the_transaction_commits(partnership, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        write(partnership)
    assert mail.outbox == []


def test_the_email_links_to_the_path_on_the_installations_site(partnership, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        write(partnership)
    assert mail.outbox[0].body.endswith(f"Open it in Assure: {SITE}/refer/northshire/confirm/abc/\n")


def test_a_message_without_a_path_carries_no_link(partnership, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        write(partnership, path="")
    assert "Open it in Assure" not in mail.outbox[0].body


def test_it_is_sent_once(partnership):
    message = write(partnership)
    assert deliver(message.pk) is True
    assert deliver(message.pk) is False
    assert len(mail.outbox) == 1


def test_an_empty_address_is_refused(partnership):
    with pytest.raises(ValidationError):
        write(partnership, address="  ")


def test_the_weekly_digest_leaves_messages_to_an_address_alone(partnership):
    message = write(partnership)
    Message.objects.filter(pk=message.pk).update(delivery=Delivery.DIGEST)
    assert digests_send() == 0
    assert Message.objects.get(pk=message.pk).sent_at is None


def test_held_messages_are_kept_but_not_sent(partnership, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), held():
        message = write(partnership)
    assert mail.outbox == []
    assert Message.objects.get(pk=message.pk).sent_at is not None
