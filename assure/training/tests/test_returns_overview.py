"""The business unit's view of the single-agency training returns: the year's agencies returned
or not, with the download; the reminder to those not returned; a return's page and its reopening;
and what waits on the home page."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.notifications.models import Message, Reminder
from assure.partnerships.tests.factories import AgencyFactory
from assure.questionnaires.models import Response
from assure.training.models import TrainingReturn
from assure.training.selectors.returns import asked_year
from assure.training.tests.factories import TrainingReturnFactory
from assure.training.waiting_returns import returns_not_made, returns_to_make

pytestmark = pytest.mark.django_db


def _url(name, partnership, **kwargs):
    return reverse(f"training:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def returned(partnership, agency):
    return TrainingReturnFactory(
        partnership=partnership,
        agency=agency,
        year="2014-15",
        status=TrainingReturn.Status.SUBMITTED,
        submitted_at=timezone.now(),
        workforce=420,
        completions={"foundation": 300},
    )


def test_the_overview_shows_returned_and_not_returned(client, business_unit, partnership, returned, other_agency):
    client.force_login(business_unit)
    page = client.get(_url("returns", partnership) + "?year=2014-15").content.decode()
    assert "Returned" in page and "Not started" in page
    assert other_agency.name in page.split("Not yet returned")[1]


def test_the_overview_downloads_the_figures(client, business_unit, partnership, returned):
    client.force_login(business_unit)
    download = client.get(_url("returns", partnership) + "?year=2014-15&_export=csv").content.decode()
    header, row = download.splitlines()[:2]
    assert "Completed: Foundation" in header
    assert row.startswith(f"{returned.agency.name},Returned,") and ",420,300" in row


def test_a_reminder_goes_to_the_agencys_lead(client, business_unit, agency_lead, partnership, agency):
    client.force_login(business_unit)
    response = client.post(_url("return_remind", partnership, agency=agency.pk), {"year": "2014-15"})
    assert response.status_code == 302
    assert Reminder.objects.count() == 1
    assert list(Message.objects.filter(kind="training.return").values_list("recipient", flat=True)) == [agency_lead.pk]


def test_a_reminder_is_sent_once_a_day(client, business_unit, agency_lead, partnership, agency):
    client.force_login(business_unit)
    for _ in range(2):
        client.post(_url("return_remind", partnership, agency=agency.pk), {"year": "2014-15"})
    assert Reminder.objects.count() == 1


def test_reopening_keeps_the_reason_and_makes_it_a_draft(client, business_unit, partnership, agency_lead, agency):
    client.force_login(agency_lead)
    client.post(
        reverse("training:return_mine", kwargs={"partnership": partnership.slug}),
        {
            "workforce": "10",
            "completed-foundation": "1",
            "completed-multi-agency": "1",
            "completed-specialist": "1",
            "completed-designated-lead": "1",
            "action": "submit",
        },
    )
    made = TrainingReturn.objects.get()
    client.force_login(business_unit)
    response = client.post(_url("return_reopen", partnership, pk=made.pk), {"reason": "The workforce is too low."})
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.status == TrainingReturn.Status.DRAFT
    assert Response.objects.get(pk=made.response_id).reopen_reason == "The workforce is too low."


def test_a_draft_cannot_be_reopened(client, business_unit, partnership, agency):
    draft = TrainingReturnFactory(partnership=partnership, agency=agency)
    client.force_login(business_unit)
    page = client.post(_url("return_reopen", partnership, pk=draft.pk), {"reason": "Why not"})
    assert "The return has not been submitted." in page.content.decode()


def test_the_lead_has_the_years_return_waiting_and_late_after_june(agency_lead, partnership, agency):
    [item] = returns_to_make(user=agency_lead, partnership=partnership, today=dt.date(2015, 7, 1))
    assert (item.agency, item.due, item.returns_overdue) == (agency.name, dt.date(2015, 6, 30), True)


def test_a_submitted_return_no_longer_waits(agency_lead, partnership, agency):
    TrainingReturnFactory(partnership=partnership, agency=agency, year="2014-15", status="submitted")
    assert returns_to_make(user=agency_lead, partnership=partnership, today=dt.date(2015, 5, 1)) == []


def test_the_business_unit_sees_each_agency_not_returned(business_unit, partnership, agency, returned):
    late_agency = AgencyFactory(name="Northshire Council", partnerships=[partnership])
    items = returns_not_made(user=business_unit, partnership=partnership, today=dt.date(2015, 8, 1))
    assert [(i.agency, bool(i.remind_url)) for i in items] == [(late_agency.name, True)]
    assert asked_year(dt.date(2015, 8, 1)) == "2014-15"


def test_a_return_page_shows_its_figures(client, business_unit, partnership, returned):
    client.force_login(business_unit)
    page = client.get(_url("return_detail", partnership, pk=returned.pk)).content.decode()
    assert "420" in page and "Reopen the return" in page


def test_the_business_unit_is_shown_nothing_before_the_return_is_due(business_unit, partnership, agency):
    assert returns_not_made(user=business_unit, partnership=partnership, today=dt.date(2015, 6, 30)) == []
