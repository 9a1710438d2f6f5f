"""The pages of a referral's handling: only a designated officer with the ``lado`` grant opens
them, each read is logged and never stored; what the forms send reaches the services, their
errors come back against the fields; closing shows each outcome's definition from the library."""

import datetime as dt

import pytest
from django.urls import reverse

from assure.audit.models import AccessLog
from assure.lado.models import Meeting, Referral
from assure.lado.selectors.handling import handling_for_referral_page
from assure.lado.tests.factories import MeetingFactory, ReferralFactory, UpdateRequestFactory
from assure.library.selectors import current_item, current_items

pytestmark = pytest.mark.django_db

PAGES = ["referral_consideration", "referral_police", "referral_employer", "referral_onward", "referral_close"]


def _url(name, partnership, **kwargs):
    return reverse(f"lado:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.mark.parametrize("name", [*PAGES, "meeting_add", "update_ask"])
def test_the_officer_with_the_grant_opens_each_page_logged_and_not_stored(client, partnership, referral, officer, name):
    client.force_login(officer)
    response = client.get(_url(name, partnership, pk=referral.pk))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert AccessLog.objects.get().record_id == str(referral.pk)


@pytest.mark.parametrize("name", [*PAGES, "meeting_add", "update_ask", "referral_reopen"])
def test_the_officer_without_the_grant_is_refused(client, partnership, referral, designated_officer, name):
    client.force_login(designated_officer)
    assert client.get(_url(name, partnership, pk=referral.pk)).status_code in (403, 404)
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize("persona", ["business_unit", "chair", "agency_lead"], indirect=True)
def test_no_other_role_opens_the_handling(client, partnership, referral, persona):
    client.force_login(persona)
    assert client.get(_url("referral_consideration", partnership, pk=referral.pk)).status_code == 403


def test_another_partnerships_referral_is_not_found(client, partnership, other_partnership, officer):
    theirs = ReferralFactory(partnership=other_partnership)
    client.force_login(officer)
    assert client.get(_url("referral_police", partnership, pk=theirs.pk)).status_code == 404


def test_a_closed_referral_is_not_handled(client, partnership, officer):
    closed = ReferralFactory(
        partnership=partnership,
        status=Referral.Status.CLOSED,
        closed_on=dt.date(2014, 7, 1),
        outcome=current_item(kind="allegation-outcome", code="false"),
    )
    client.force_login(officer)
    assert client.get(_url("referral_consideration", partnership, pk=closed.pk)).status_code == 403
    assert client.get(_url("referral_reopen", partnership, pk=closed.pk)).status_code == 200


def test_the_consideration_is_saved_from_the_form(client, partnership, referral, officer):
    client.force_login(officer)
    response = client.post(
        _url("referral_consideration", partnership, pk=referral.pk),
        {"considered_on": "2014-06-03", "threshold_met": "yes", "advice_given": "Suspend."},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.threshold_met is True and referral.advice_given == "Suspend."


def test_a_services_error_is_shown_against_its_field(client, partnership, referral, officer):
    client.force_login(officer)
    response = client.post(
        _url("referral_consideration", partnership, pk=referral.pk),
        {"considered_on": "2014-05-01", "threshold_met": "no"},
    )
    assert response.status_code == 200
    assert "cannot be before the referral" in response.context["form"].errors["considered_on"][0]


def test_the_close_page_shows_each_outcomes_definition(client, partnership, referral, officer):
    client.force_login(officer)
    page = client.get(_url("referral_close", partnership, pk=referral.pk)).content.decode()
    for item in current_items(kind="allegation-outcome"):
        assert item.title in page
        assert item.data["definition"][:40] in page


def test_the_referral_is_closed_from_the_form(client, partnership, referral, officer):
    client.force_login(officer)
    response = client.post(
        _url("referral_close", partnership, pk=referral.pk),
        {"outcome": "unfounded", "closed_on": "2014-06-06", "learning": ""},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Referral.Status.CLOSED and referral.outcome.code == "unfounded"


def test_closing_a_substantiated_dismissal_without_a_dbs_referral_warns(client, partnership, officer):
    referral = ReferralFactory(partnership=partnership, employment_outcome="dismissed", dbs_referral=False)
    client.force_login(officer)
    response = client.post(
        _url("referral_close", partnership, pk=referral.pk),
        {"outcome": "substantiated", "closed_on": "2014-07-01"},
        follow=True,
    )
    assert "legal duty" in response.content.decode()


def test_a_meeting_is_added_from_the_form(client, partnership, referral, officer):
    client.force_login(officer)
    response = client.post(
        _url("meeting_add", partnership, pk=referral.pk),
        {"kind": "joint-evaluation", "held_on": "2014-06-10", "attendees": "Police", "decisions": ""},
    )
    assert response.status_code == 302
    assert Meeting.objects.get(referral=referral).kind == "joint-evaluation"


def test_removing_a_meeting_asks_first(client, partnership, referral, officer):
    meeting = MeetingFactory(referral=referral)
    client.force_login(officer)
    page = client.get(_url("meeting_remove", partnership, pk=meeting.pk))
    assert page.status_code == 200 and Meeting.objects.exists()
    client.post(_url("meeting_remove", partnership, pk=meeting.pk))
    assert not Meeting.objects.exists()


def test_a_meeting_of_another_partnership_is_not_found(client, partnership, other_partnership, officer):
    meeting = MeetingFactory(referral=ReferralFactory(partnership=other_partnership))
    client.force_login(officer)
    assert client.get(_url("meeting_edit", partnership, pk=meeting.pk)).status_code == 404


def test_the_reopen_page_reopens_with_a_reason(client, partnership, officer):
    closed = ReferralFactory(
        partnership=partnership,
        status=Referral.Status.CLOSED,
        closed_on=dt.date(2014, 7, 1),
        outcome=current_item(kind="allegation-outcome", code="false"),
    )
    client.force_login(officer)
    client.post(_url("referral_reopen", partnership, pk=closed.pk), {"reason": "The police found more."})
    closed.refresh_from_db()
    assert closed.status == Referral.Status.OPEN


# --- the referral page's partials ---------------------------------------------------------------


def test_the_page_context_is_empty_without_the_grant(partnership, referral, designated_officer):
    context = handling_for_referral_page(
        user=designated_officer, partnership=partnership, referral=referral, today=dt.date(2014, 6, 10)
    )
    assert context == {}


def test_the_page_context_gives_the_steps_meetings_updates_and_clocks(partnership, referral, officer):
    MeetingFactory(referral=referral)
    UpdateRequestFactory(referral=referral, due_on=dt.date(2014, 6, 20))
    context = handling_for_referral_page(
        user=officer, partnership=partnership, referral=referral, today=dt.date(2014, 7, 10)
    )
    assert all(key.startswith("handling_") for key in context)
    assert [step["title"] for step in context["handling_steps"]][0] == "Initial consideration"
    assert context["handling_meetings"][0]["kind"] == "Joint evaluation meeting"
    assert context["handling_updates"][0]["status"] == "Overdue"
    assert context["handling_clock_referral_text"] == "Referred on time"
    assert {row["timescale"].code for row in context["handling_clock_resolution"]} == {"month", "quarter", "year"}
    assert context["handling_close_url"] and not context["handling_reopen_url"]


def test_the_partials_render_for_the_officer(partnership, referral, officer, rf):
    from django.template.loader import render_to_string

    MeetingFactory(referral=referral)
    context = handling_for_referral_page(
        user=officer, partnership=partnership, referral=referral, today=dt.date(2014, 7, 10)
    )
    handling = render_to_string("lado/_referral_handling.html", context)
    clocks = render_to_string("lado/_referral_clocks.html", context)
    assert "Joint evaluation meeting" in handling and "Close with the outcome" in handling
    assert "Referred on time" in clocks and "Overdue" in clocks and "80% within one month" in clocks


def test_a_late_referral_says_by_how_many_working_days(partnership, officer):
    late = ReferralFactory(partnership=partnership, date_known=dt.date(2014, 6, 2), date_referred=dt.date(2014, 6, 5))
    context = handling_for_referral_page(
        user=officer, partnership=partnership, referral=late, today=dt.date(2014, 7, 1)
    )
    assert context["handling_clock_referral_text"] == "Referred 2 working days late"


def test_the_referral_page_shows_the_handling_and_the_timescales(client, partnership, referral, officer):
    MeetingFactory(referral=referral)
    client.force_login(officer)
    page = client.get(reverse("lado:referral_detail", kwargs={"partnership": partnership.slug, "pk": referral.pk}))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Timescales" in text and "Initial consideration" in text and "Joint evaluation meeting" in text
    assert _url("referral_close", partnership, pk=referral.pk) in text
