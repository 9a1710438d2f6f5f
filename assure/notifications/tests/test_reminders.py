"""Scheduled reminders: the library's rules, the daily command and its task."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from assure.core.daily import daily_commands
from assure.library.selectors import current_items
from assure.notifications.models import Reminder
from assure.notifications.reminders import (
    ReminderDue,
    digest_weekday,
    is_due,
    reminder_rules,
    scheduled_reminders_send,
)

TODAY = dt.date(2026, 3, 2)
ISOLATED = "test-rule"  # a key of no source Assure registers, so only the fake source is asked


@pytest.fixture
def only(reminder_source, monkeypatch):
    """Make the fake source the only one registered, with the given rule."""
    from assure.notifications import reminders

    def use(dues, *, before=(14, 3), every=7):
        monkeypatch.setattr(reminders, "_sources", {})
        monkeypatch.setattr(
            reminders,
            "reminder_rules",
            lambda: {ISOLATED: reminders.Rule(key=ISOLATED, before_deadline_days=before, overdue_every_days=every)},
        )
        reminder_source(ISOLATED, dues)

    return use


def due(agency, partnership, recipient, *, deadline, before_days=None):
    return ReminderDue(
        target=agency,
        partnership=partnership,
        recipients=[recipient],
        deadline=deadline,
        subject="Your data return is due",
        body="Please complete your data return.",
        path="/p/northshire/performance/returns/1/",
        kind="performance.return_reminder",
        before_days=before_days,
    )


def test_the_library_has_a_rule_for_every_kind_of_deadline(db):
    assert set(reminder_rules()) == {
        "data-return",
        "section11-return",
        "report-section",
        "action",
        "exception-commentary",
        "challenge",
        "risk-review",
        "audit-answers",
        "review-contribution",
        "cdop-agency-report",
        "lado-update-request",
        "training-session",
        "training-offer",
        "training-evaluation",
        "register-upload",
    }


def test_every_rule_says_when_before_and_how_often_after_the_deadline(db):
    for rule in reminder_rules().values():
        assert rule.before_deadline_days
        assert rule.overdue_every_days >= 1


def test_the_digest_goes_out_on_the_librarys_weekday(db):
    item = current_items(kind="reminder-rule").get(code="digest")
    assert item.data["digest"]["weekday"] == "monday"
    assert digest_weekday() == 0


@pytest.mark.parametrize("days_left", [14, 3])
def test_a_record_is_reminded_on_each_day_before_its_deadline_the_rule_lists(days_left):
    deadline = TODAY + dt.timedelta(days=days_left)
    assert is_due(deadline=deadline, today=TODAY, before_days=(14, 3), overdue_every_days=7)


@pytest.mark.parametrize("days_left", [13, 4, 2, 0])
def test_a_record_is_not_reminded_on_other_days_before_its_deadline(days_left):
    deadline = TODAY + dt.timedelta(days=days_left)
    assert not is_due(deadline=deadline, today=TODAY, before_days=(14, 3), overdue_every_days=7)


@pytest.mark.parametrize("days_overdue", [1, 7, 14, 21])
def test_an_overdue_record_is_reminded_the_first_day_and_then_every_so_many_days(days_overdue):
    deadline = TODAY - dt.timedelta(days=days_overdue)
    assert is_due(deadline=deadline, today=TODAY, before_days=(14, 3), overdue_every_days=7)


@pytest.mark.parametrize("days_overdue", [2, 6, 8, 13])
def test_an_overdue_record_is_not_reminded_between_times(days_overdue):
    deadline = TODAY - dt.timedelta(days=days_overdue)
    assert not is_due(deadline=deadline, today=TODAY, before_days=(14, 3), overdue_every_days=7)


def test_a_record_without_a_deadline_is_never_reminded():
    assert not is_due(deadline=None, today=TODAY, before_days=(14, 3), overdue_every_days=7)


def test_the_daily_job_reminds_a_record_due_today(
    only, agency, partnership, agency_lead, django_capture_on_commit_callbacks
):
    only([due(agency, partnership, agency_lead, deadline=TODAY + dt.timedelta(days=14))])
    with django_capture_on_commit_callbacks(execute=True):
        run = scheduled_reminders_send(today=TODAY)
    assert len(run.reminded) == 1
    assert [m.to for m in mail.outbox] == [[agency_lead.email]]
    assert Reminder.objects.get().sent_by is None


def test_the_daily_job_leaves_a_record_not_due_today(only, agency, partnership, agency_lead):
    only([due(agency, partnership, agency_lead, deadline=TODAY + dt.timedelta(days=10))])
    assert scheduled_reminders_send(today=TODAY).reminded == []
    assert not Reminder.objects.exists()


def test_a_records_own_days_before_the_deadline_replace_the_rules(only, agency, partnership, agency_lead):
    only([due(agency, partnership, agency_lead, deadline=TODAY + dt.timedelta(days=10), before_days=(10,))])
    assert len(scheduled_reminders_send(today=TODAY).reminded) == 1


def test_the_daily_job_reminds_a_record_once_however_often_it_runs_that_day(
    only, agency, partnership, agency_lead, django_capture_on_commit_callbacks
):
    only([due(agency, partnership, agency_lead, deadline=TODAY - dt.timedelta(days=1))])
    with django_capture_on_commit_callbacks(execute=True):
        scheduled_reminders_send(today=TODAY)
        second = scheduled_reminders_send(today=TODAY)
    assert second.reminded == [] and second.already == 1
    assert len(mail.outbox) == 1


def test_the_command_sends_the_days_reminders(only, agency, partnership, agency_lead):
    today = timezone.localdate()
    only([due(agency, partnership, agency_lead, deadline=today + dt.timedelta(days=3))])
    out = io.StringIO()
    call_command("reminders_send", stdout=out)
    assert "Sent 1 reminders" in out.getvalue()
    assert Reminder.objects.get().sent_on == today


def test_the_task_sends_the_days_reminders(only, agency, partnership, agency_lead):
    from assure.notifications.tasks import reminders_send

    only([due(agency, partnership, agency_lead, deadline=timezone.localdate() + dt.timedelta(days=3))])
    assert reminders_send.enqueue().return_value == 1


def test_reminders_are_among_the_daily_jobs():
    assert "reminders_send" in daily_commands()
