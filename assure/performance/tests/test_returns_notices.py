"""Requests about data returns that reach people by e-mail, with a link to the return, and the
reminders the business unit sends (by hand or on the library's schedule)."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from assure.audit.models import Event
from assure.notifications.models import Reminder
from assure.notifications.reminders import reminder_sources
from assure.performance.models import DataReturn
from assure.performance.periods import period_for_year
from assure.performance.services.notices import return_remind, returns_reminders_due
from assure.performance.services.returns import return_assign, return_send_back
from assure.performance.tests.factories import ReturnRoundFactory, return_test_indicators, return_with
from conftest import make_member

Status = DataReturn.Status
TODAY = dt.date(2026, 5, 20)


@pytest.fixture
def indicators(db):
    return return_test_indicators()


@pytest.fixture
def referrals(indicators):
    return indicators["returns-test-referrals"]


@pytest.fixture
def second_lead(partnership, agency):
    return make_member("agency-lead", partnership, agency=agency, full_name="Sam Econd", email="sam@example.org")


@pytest.fixture
def other_lead(partnership, other_agency):
    return make_member("agency-lead", partnership, agency=other_agency, full_name="Olly Ther", email="olly@example.org")


@pytest.fixture
def round(partnership):
    return ReturnRoundFactory(partnership=partnership, opens_on=TODAY - dt.timedelta(days=30), deadline=TODAY)


def link_of(message) -> str:
    """The path inside Assure the e-mail links to."""
    found = re.search(r"Open it in Assure: (\S+)", message.body)
    assert found, message.body
    assert found.group(1).startswith(settings.ASSURE_SITE_URL.rstrip("/"))
    return found.group(1)[len(settings.ASSURE_SITE_URL.rstrip("/")) :]


def return_page(partnership, data_return) -> str:
    return reverse("performance:return_detail", kwargs={"partnership": partnership.slug, "pk": data_return.pk})


def test_an_agency_asked_for_figures_has_each_lead_emailed_once_with_a_link_to_the_return(
    client,
    business_unit,
    agency_lead,
    second_lead,
    other_lead,
    partnership,
    agency,
    round,
    referrals,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        data_return = return_assign(actor=business_unit, round=round, agency=agency, indicators=[referrals])
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "sam@example.org"]
    for message in mail.outbox:
        assert str(round.period) in message.subject and agency.name in message.subject
        assert link_of(message) == return_page(partnership, data_return)
    client.force_login(agency_lead)
    response = client.get(link_of(mail.outbox[0]))
    assert response.status_code == 200
    assert agency.name in response.content.decode()


def test_changing_what_a_return_asks_for_sends_no_second_request(
    business_unit, agency_lead, agency, round, indicators, referrals, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        return_assign(actor=business_unit, round=round, agency=agency, indicators=[referrals])
        return_assign(
            actor=business_unit,
            round=round,
            agency=agency,
            indicators=[referrals, indicators["returns-test-rereferrals"]],
        )
    assert len(mail.outbox) == 1


def test_a_return_sent_back_emails_each_lead_the_reason_with_a_link(
    client, business_unit, agency_lead, second_lead, partnership, agency, referrals, django_capture_on_commit_callbacks
):
    data_return = return_with(partnership=partnership, agency=agency, indicators=[referrals], status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        return_send_back(actor=business_unit, data_return=data_return, reason="Referrals look doubled.")
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "sam@example.org"]
    message = next(m for m in mail.outbox if m.to == ["sam@example.org"])
    assert "sent back" in message.subject
    assert "Referrals look doubled." in message.body
    client.force_login(second_lead)
    assert client.get(link_of(message)).status_code == 200


# --- "Send a reminder" --------------------------------------------------------------------------


@pytest.fixture
def overdue(partnership, agency, referrals):
    round = ReturnRoundFactory(
        partnership=partnership, opens_on=TODAY - dt.timedelta(days=60), deadline=TODAY - dt.timedelta(days=7)
    )
    return return_with(partnership=partnership, agency=agency, indicators=[referrals], period=round.period)


def test_a_reminder_emails_the_agency_leads_and_is_recorded(
    business_unit, agency_lead, second_lead, partnership, overdue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reminder = return_remind(actor=business_unit, data_return=overdue, today=TODAY)
    assert reminder is not None and reminder.sent_by == business_unit and reminder.recipients == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "sam@example.org"]
    assert "overdue" in mail.outbox[0].body
    assert link_of(mail.outbox[0]) == return_page(partnership, overdue)
    assert Event.objects.filter(verb="notifications.reminder_sent", target_id=str(overdue.pk)).exists()


def test_a_return_is_not_reminded_twice_in_a_day(
    business_unit, agency_lead, overdue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        return_remind(actor=business_unit, data_return=overdue, today=TODAY)
        again = return_remind(actor=business_unit, data_return=overdue, today=TODAY)
    assert again is None
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_a_return_can_be_reminded_again_the_next_day(business_unit, agency_lead, overdue):
    return_remind(actor=business_unit, data_return=overdue, today=TODAY)
    assert return_remind(actor=business_unit, data_return=overdue, today=TODAY + dt.timedelta(days=1)) is not None


def test_a_submitted_return_is_not_reminded(business_unit, agency_lead, overdue):
    overdue.status = Status.SUBMITTED
    overdue.save()
    with pytest.raises(ValidationError):
        return_remind(actor=business_unit, data_return=overdue, today=TODAY)


def test_an_agency_with_nobody_to_remind_is_said_so(business_unit, partnership, other_agency, referrals):
    data_return = return_with(partnership=partnership, agency=other_agency, indicators=[referrals])
    with pytest.raises(ValidationError, match="no agency lead account"):
        return_remind(actor=business_unit, data_return=data_return, today=TODAY)


def test_an_agency_lead_may_not_send_reminders(agency_lead, overdue):
    with pytest.raises(PermissionDenied):
        return_remind(actor=agency_lead, data_return=overdue, today=TODAY)


def remind_url(partnership, data_return) -> str:
    return reverse("performance:return_remind", kwargs={"partnership": partnership.slug, "pk": data_return.pk})


def round_url(partnership, data_return) -> str:
    return reverse("performance:round_detail", kwargs={"partnership": partnership.slug, "pk": data_return.round_id})


def test_the_button_reminds_and_goes_back_to_the_round_with_a_banner(
    client, business_unit, agency_lead, partnership, agency, overdue
):
    client.force_login(business_unit)
    response = client.post(remind_url(partnership, overdue), follow=True)
    assert response.redirect_chain[-1][0] == round_url(partnership, overdue)
    assert f"Reminder sent to 1 person at {agency.name}" in response.content.decode()
    assert Reminder.objects.filter(target_id=str(overdue.pk)).count() == 1


def test_pressing_it_again_the_same_day_says_it_was_reminded_already(
    client, business_unit, agency_lead, partnership, overdue
):
    client.force_login(business_unit)
    client.post(remind_url(partnership, overdue))
    response = client.post(remind_url(partnership, overdue), follow=True)
    assert "today already" in response.content.decode()
    assert Reminder.objects.count() == 1


def test_the_button_goes_back_to_the_page_it_was_pressed_on(client, business_unit, agency_lead, partnership, overdue):
    home = reverse("partnerships:home", kwargs={"partnership": partnership.slug})
    client.force_login(business_unit)
    response = client.post(remind_url(partnership, overdue), {"next": home})
    assert response.url == home


def test_the_button_never_sends_anyone_to_another_site(client, business_unit, agency_lead, partnership, overdue):
    client.force_login(business_unit)
    response = client.post(remind_url(partnership, overdue), {"next": "https://example.com/p/"})
    assert response.url == round_url(partnership, overdue)
    response = client.post(remind_url(partnership, overdue), {"next": "//example.com/p/"})
    assert response.url == round_url(partnership, overdue)


def test_the_round_page_says_when_each_return_was_last_reminded(
    client, business_unit, agency_lead, partnership, overdue
):
    client.force_login(business_unit)
    assert "Never" in client.get(round_url(partnership, overdue)).content.decode()
    return_remind(actor=business_unit, data_return=overdue)
    page = client.get(round_url(partnership, overdue)).content.decode()
    assert "Never" not in page
    assert dt.date.today().strftime("%-d %b %Y") in page


def test_the_round_page_offers_the_button_to_the_business_unit_only(
    client, business_unit, auditor, agency_lead, partnership, overdue
):
    client.force_login(business_unit)
    assert remind_url(partnership, overdue) in client.get(round_url(partnership, overdue)).content.decode()
    client.force_login(auditor)
    page = client.get(round_url(partnership, overdue)).content.decode()
    assert "Last reminded" in page
    assert remind_url(partnership, overdue) not in page


# --- scheduled reminders ------------------------------------------------------------------------


def test_the_data_return_rule_has_a_source():
    assert reminder_sources()["data-return"] is returns_reminders_due


def test_every_open_return_not_submitted_is_due_a_reminder_with_its_deadline_and_leads(
    agency_lead, other_lead, partnership, agency, other_agency, referrals, overdue
):
    return_with(partnership=partnership, agency=other_agency, indicators=[referrals], status=Status.RETURNED)
    [lead_of_agency, lead_of_other] = sorted(returns_reminders_due(today=TODAY), key=lambda due: due.target.agency.name)
    assert lead_of_agency.recipients == [other_lead] and lead_of_agency.target.agency == other_agency
    assert lead_of_other.recipients == [agency_lead] and lead_of_other.deadline == TODAY - dt.timedelta(days=7)
    assert lead_of_other.path == return_page(partnership, overdue)
    assert lead_of_other.partnership == partnership


def test_a_submitted_return_or_a_round_not_yet_open_is_not_due_a_reminder(partnership, agency, referrals):
    return_with(partnership=partnership, agency=agency, indicators=[referrals], status=Status.SUBMITTED)
    later = ReturnRoundFactory(
        partnership=partnership,
        period=period_for_year("2015-16"),
        opens_on=TODAY + dt.timedelta(days=1),
        deadline=TODAY + dt.timedelta(days=30),
    )
    return_with(partnership=partnership, agency=agency, indicators=[referrals], period=later.period)
    assert returns_reminders_due(today=TODAY) == []


def test_reminders_due_are_read_in_the_same_number_of_queries_however_many_returns(
    partnership, agency, referrals, django_assert_max_num_queries
):
    from assure.partnerships.tests.factories import AgencyFactory

    ReturnRoundFactory(partnership=partnership, opens_on=TODAY - dt.timedelta(days=30), deadline=TODAY)
    return_with(partnership=partnership, agency=agency, indicators=[referrals])
    for n in range(6):
        extra = AgencyFactory(name=f"Agency {n}", partnerships=[partnership])
        make_member("agency-lead", partnership, agency=extra, email=f"lead{n}@example.org")
        return_with(partnership=partnership, agency=extra, indicators=[referrals])
    with django_assert_max_num_queries(3):
        assert len(returns_reminders_due(today=TODAY)) == 7
