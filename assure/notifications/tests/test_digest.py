"""The weekly digest: one e-mail a week for each person who chose it."""

import datetime as dt
import io
import types

import pytest
from django.core import mail
from django.core.management import call_command

from assure.core.daily import daily_commands
from assure.core.navigation import partnership_url
from assure.notifications.models import Delivery, Message, Preference
from assure.notifications.services import notify

MONDAY, TUESDAY = dt.date(2026, 3, 2), dt.date(2026, 3, 3)


@pytest.fixture
def on(monkeypatch):
    """Run the digest command as if today were the day given."""

    def run(day: dt.date) -> str:
        monkeypatch.setattr(
            "assure.notifications.management.commands.notifications_digest.timezone",
            types.SimpleNamespace(localdate=lambda: day),
        )
        out = io.StringIO()
        call_command("notifications_digest", stdout=out)
        return out.getvalue()

    return run


@pytest.fixture
def digest_reader(agency_lead):
    Preference.objects.create(user=agency_lead, delivery=Delivery.DIGEST)
    return agency_lead


def ask(person, partnership, subject, name="partnerships:agencies", **kwargs):
    notify(
        recipients=[person],
        partnership=partnership,
        kind="partnerships.test_request",
        subject=subject,
        body=f"About: {subject}.",
        path=partnership_url(name, partnership, **kwargs),
    )


def test_a_weeks_requests_go_in_one_email(digest_reader, partnership, on):
    ask(digest_reader, partnership, "Check your agency's details")
    ask(digest_reader, partnership, "Look at the budget", name="partnerships:budget")
    ask(digest_reader, partnership, "Look at the meetings", name="partnerships:meetings")
    on(MONDAY)
    assert len(mail.outbox) == 1
    (email,) = mail.outbox
    assert email.to == [digest_reader.email]
    assert email.subject == "Assure: 3 requests this week"
    for subject in ("Check your agency's details", "Look at the budget", "Look at the meetings"):
        assert subject in email.body


def test_the_digest_links_to_each_request(digest_reader, partnership, on, settings):
    settings.ASSURE_SITE_URL = "https://assure.example.org"
    ask(digest_reader, partnership, "Check your agency's details")
    ask(digest_reader, partnership, "Look at the budget", name="partnerships:budget")
    on(MONDAY)
    body = mail.outbox[0].body
    assert f"Open it in Assure: https://assure.example.org/p/{partnership.slug}/agencies/" in body
    assert f"Open it in Assure: https://assure.example.org/p/{partnership.slug}/budget/" in body


def test_the_digests_requests_are_marked_sent(digest_reader, partnership, on):
    ask(digest_reader, partnership, "Check your agency's details")
    on(MONDAY)
    assert not Message.objects.filter(sent_at__isnull=True).exists()


def test_a_request_goes_in_one_digest_only(digest_reader, partnership, on):
    ask(digest_reader, partnership, "Check your agency's details")
    on(MONDAY)
    on(MONDAY)
    assert len(mail.outbox) == 1


def test_each_digest_reader_gets_their_own(digest_reader, board_member, partnership, on):
    Preference.objects.create(user=board_member, delivery=Delivery.DIGEST)
    ask(digest_reader, partnership, "Check your agency's details")
    ask(board_member, partnership, "Read the papers")
    on(MONDAY)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([digest_reader.email, board_member.email])
    assert all("1 request this week" in m.subject for m in mail.outbox)


def test_requests_sent_straight_away_are_not_repeated_in_the_digest(
    partnership, agency_lead, on, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask(agency_lead, partnership, "Check your agency's details")
    on(MONDAY)
    assert len(mail.outbox) == 1  # the immediate one


def test_no_digest_goes_out_on_other_days(digest_reader, partnership, on):
    ask(digest_reader, partnership, "Check your agency's details")
    assert "not today" in on(TUESDAY)
    assert mail.outbox == []


def test_the_digest_reads_the_waiting_messages_in_a_constant_number_of_queries(
    digest_reader, board_member, partnership, django_assert_max_num_queries
):
    from assure.notifications.delivery import digests_send

    Preference.objects.create(user=board_member, delivery=Delivery.DIGEST)
    for n in range(5):
        ask(digest_reader, partnership, f"Request {n}")
        ask(board_member, partnership, f"Request {n}")
    # One read, then a claim for each person's e-mail.
    with django_assert_max_num_queries(3):
        assert digests_send() == 2


def test_the_digest_is_among_the_daily_jobs():
    assert "notifications_digest" in daily_commands()
