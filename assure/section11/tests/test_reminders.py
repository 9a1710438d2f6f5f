"""Reminders of returns not handed in: the daily reminders on the cycle's reminder days, and the
business unit's "Send a reminder", both recorded and never twice a day."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from assure.notifications.models import Reminder
from assure.notifications.reminders import scheduled_reminders_send
from assure.section11.models import Cycle, Return
from assure.section11.services.reminders import reminders_due, return_remind

from .factories import CycleFactory, ReturnFactory
from .mailbox import page_of, sent_to

TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _today():
    """Today as the services see it, read for each test: a run that crosses midnight must not
    compare a date taken at import with one taken after it."""
    global TODAY
    TODAY = timezone.localdate()


def _return(partnership, agency, deadline, status=Return.Status.NOT_STARTED, **cycle_fields):
    cycle = CycleFactory(
        lead_partnership=partnership,
        deadline=deadline,
        reminder_days=14,
        opens_on=deadline - dt.timedelta(days=90),
        **cycle_fields,
    )
    return ReturnFactory(cycle=cycle, agency=agency, status=status)


# The returns the daily reminders consider.


def test_a_return_not_handed_in_is_offered_with_its_leads_and_the_cycles_days(agency_lead, partnership, agency):
    return_record = _return(partnership, agency, TODAY + dt.timedelta(days=20))
    [due] = reminders_due(today=TODAY)
    assert (due.target, due.partnership, due.recipients) == (return_record, partnership, [agency_lead])
    assert (due.deadline, due.before_days) == (return_record.cycle.deadline, (14,))
    assert due.path == f"/p/{partnership.slug}/section11/returns/{return_record.pk}/"


@pytest.mark.parametrize("status", [Return.Status.SUBMITTED, Return.Status.UNDER_CHALLENGE, Return.Status.ACCEPTED])
def test_a_return_handed_in_is_not_offered(agency_lead, partnership, agency, status):
    _return(partnership, agency, TODAY + dt.timedelta(days=5), status=status)
    assert reminders_due(today=TODAY) == []


def test_a_return_of_a_closed_cycle_is_not_offered(agency_lead, partnership, agency):
    _return(partnership, agency, TODAY + dt.timedelta(days=5), status=Return.Status.IN_PROGRESS)
    Cycle.objects.update(status=Cycle.Status.CLOSED)
    assert reminders_due(today=TODAY) == []


def test_an_agency_with_nobody_to_answer_is_not_offered(partnership, agency):
    _return(partnership, agency, TODAY + dt.timedelta(days=5))
    assert reminders_due(today=TODAY) == []


def test_the_daily_reminders_remind_on_the_cycles_reminder_day(
    agency_lead, partnership, agency, django_capture_on_commit_callbacks
):
    return_record = _return(partnership, agency, TODAY + dt.timedelta(days=14))
    with django_capture_on_commit_callbacks(execute=True):
        run = scheduled_reminders_send(today=TODAY)
    assert [r.target_id for r in _section11_reminders(run)] == [str(return_record.pk)]
    assert sent_to("Reminder: Section 11 return") == [agency_lead.email]
    assert page_of(mail.outbox[0]).kwargs == {"partnership": partnership.slug, "pk": return_record.pk}


def test_the_daily_reminders_wait_for_the_reminder_day(agency_lead, partnership, agency):
    _return(partnership, agency, TODAY + dt.timedelta(days=20))
    scheduled_reminders_send(today=TODAY)
    assert not Reminder.objects.exists()


def test_the_daily_reminders_chase_a_return_the_day_after_its_deadline(
    agency_lead, partnership, agency, django_capture_on_commit_callbacks
):
    _return(partnership, agency, TODAY - dt.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        scheduled_reminders_send(today=TODAY)
    assert sent_to("Overdue: Section 11 return") == [agency_lead.email]


def test_the_daily_reminders_never_remind_twice_a_day(agency_lead, partnership, agency):
    _return(partnership, agency, TODAY + dt.timedelta(days=14))
    scheduled_reminders_send(today=TODAY)
    scheduled_reminders_send(today=TODAY)
    assert Reminder.objects.count() == 1


def _section11_reminders(run):
    return [r for r in run.reminded if r.target_type.model == "return" and r.target_type.app_label == "section11"]


# The business unit's "Send a reminder".


def test_the_business_unit_reminds_the_agency_lead_with_a_link_to_the_return(
    business_unit, agency_lead, partnership, agency, django_capture_on_commit_callbacks
):
    return_record = _return(partnership, agency, TODAY - dt.timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        reminder = return_remind(actor=business_unit, partnership=partnership, return_record=return_record)
    assert (reminder.sent_by, reminder.recipients) == (business_unit, 1)
    assert sent_to() == [agency_lead.email]
    assert page_of(mail.outbox[0]).kwargs["pk"] == return_record.pk


def test_a_return_reminded_today_is_not_reminded_again(business_unit, agency_lead, partnership, agency):
    return_record = _return(partnership, agency, TODAY - dt.timedelta(days=3))
    return_remind(actor=business_unit, partnership=partnership, return_record=return_record)
    assert return_remind(actor=business_unit, partnership=partnership, return_record=return_record) is None
    assert Reminder.objects.count() == 1


def test_a_submitted_return_cannot_be_chased(business_unit, agency_lead, partnership, agency):
    return_record = _return(partnership, agency, TODAY - dt.timedelta(days=3), status=Return.Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        return_remind(actor=business_unit, partnership=partnership, return_record=return_record)


def test_only_the_business_unit_chases(auditor, agency_lead, partnership, agency):
    return_record = _return(partnership, agency, TODAY - dt.timedelta(days=3))
    with pytest.raises(PermissionDenied):
        return_remind(actor=auditor, partnership=partnership, return_record=return_record)


def test_an_agency_with_nobody_to_remind_is_said_so(business_unit, partnership, agency):
    return_record = _return(partnership, agency, TODAY - dt.timedelta(days=3))
    with pytest.raises(ValidationError, match="invite an agency lead"):
        return_remind(actor=business_unit, partnership=partnership, return_record=return_record)
    assert not Reminder.objects.exists()


# Its page.


def _remind_url(partnership, return_record):
    return reverse("section11:return_remind", kwargs={"partnership": partnership.slug, "pk": return_record.pk})


def _cycle_url(partnership, return_record):
    return reverse("section11:cycle_detail", kwargs={"partnership": partnership.slug, "pk": return_record.cycle_id})


def test_sending_a_reminder_goes_back_to_the_cycle_saying_so(client, business_unit, agency_lead, partnership, agency):
    return_record = _return(partnership, agency, TODAY - dt.timedelta(days=3))
    client.force_login(business_unit)
    page = client.post(_remind_url(partnership, return_record), follow=True)
    assert page.redirect_chain[-1][0] == _cycle_url(partnership, return_record)
    assert f"Reminder sent to {agency.name}’s agency lead." in page.content.decode()
    assert f"Last reminded: {TODAY:%-d %B %Y}" in page.content.decode()


def test_sending_a_reminder_goes_back_to_the_page_that_asked(client, business_unit, agency_lead, partnership, agency):
    return_record = _return(partnership, agency, TODAY - dt.timedelta(days=3))
    home = reverse("partnerships:home", kwargs={"partnership": partnership.slug})
    client.force_login(business_unit)
    response = client.post(_remind_url(partnership, return_record), {"next": home})
    assert response.url == home


def test_a_next_address_on_another_site_is_not_followed(client, business_unit, agency_lead, partnership, agency):
    return_record = _return(partnership, agency, TODAY - dt.timedelta(days=3))
    client.force_login(business_unit)
    response = client.post(_remind_url(partnership, return_record), {"next": "https://elsewhere.example/"})
    assert response.url == _cycle_url(partnership, return_record)


def test_a_second_reminder_the_same_day_is_refused_with_a_banner(
    client, business_unit, agency_lead, partnership, agency
):
    return_record = _return(partnership, agency, TODAY - dt.timedelta(days=3))
    client.force_login(business_unit)
    client.post(_remind_url(partnership, return_record))
    page = client.post(_remind_url(partnership, return_record), follow=True)
    assert "was already reminded today" in page.content.decode()
    assert Reminder.objects.count() == 1


def test_the_page_asks_before_sending(client, business_unit, agency_lead, partnership, agency):
    return_record = _return(partnership, agency, TODAY - dt.timedelta(days=3))
    client.force_login(business_unit)
    page = client.get(_remind_url(partnership, return_record))
    assert page.status_code == 200
    assert "Last reminded" in page.content.decode() and "Never" in page.content.decode()
    assert not Reminder.objects.exists()


def test_the_cycles_page_offers_the_reminder_for_an_overdue_return(
    client, business_unit, agency_lead, partnership, agency
):
    return_record = _return(partnership, agency, TODAY - dt.timedelta(days=3))
    client.force_login(business_unit)
    page = client.get(_cycle_url(partnership, return_record)).content.decode()
    assert "Last reminded: Never." in page
    assert _remind_url(partnership, return_record) in page


def test_the_cycles_register_says_when_each_return_was_last_reminded(
    client, business_unit, agency_lead, partnership, agency
):
    return_record = _return(partnership, agency, TODAY + dt.timedelta(days=3))
    return_remind(actor=business_unit, partnership=partnership, return_record=return_record)
    client.force_login(business_unit)
    page = client.get(_cycle_url(partnership, return_record), {"status": "not_started"}).content.decode()
    assert f"{TODAY:%-d %b %Y}" in page
