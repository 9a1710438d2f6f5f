"""The challenge log's pages: the log with its filters and downloads, raising a challenge about a
record of another part of Assure, a challenge's page with its history, and the steps' forms."""

import csv
import datetime as dt
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from assure.governance.links_agendas import agenda_item_url
from assure.governance.models import Challenge
from assure.governance.services.challenges import challenge_respond
from assure.performance.tests.factories import ExceptionItemFactory, ExceptionReportFactory, indicator

from .factories import AgendaItemFactory, ChallengeFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"governance:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def page(client, user, address, **params) -> str:
    client.force_login(user)
    response = client.get(address, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def challenge(partnership, agency, board_member):
    return ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member)


@pytest.fixture
def exception_item(partnership, agency, business_unit):
    report = ExceptionReportFactory(partnership=partnership, created_by=business_unit)
    return ExceptionItemFactory(report=report, indicator=indicator("csc-referrals"), owner_agency=agency)


def test_the_log_lists_the_partnerships_challenges(client, business_unit, partnership, challenge):
    assert challenge.subject in page(client, business_unit, url("challenges", partnership))


def test_the_log_filters_by_status(client, business_unit, partnership, agency, board_member, challenge):
    ChallengeFactory(
        partnership=partnership,
        agency=agency,
        raised_by=board_member,
        subject="Attendance at board meetings",
        status=Challenge.Status.CLOSED,
    )
    html = page(client, business_unit, url("challenges", partnership), status="closed")
    assert "Attendance at board meetings" in html
    assert challenge.subject not in html


def test_the_log_downloads_as_csv(client, business_unit, partnership, challenge):
    client.force_login(business_unit)
    response = client.get(url("challenges", partnership), {"_export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][:3] == [challenge.reference, challenge.subject, challenge.agency.name]


def test_the_log_shows_open_challenges_by_agency(client, business_unit, partnership, challenge):
    html = page(client, business_unit, url("challenges", partnership))
    assert "Open challenges by agency" in html


def test_raising_about_an_exception_item_names_it_on_the_form(client, board_member, partnership, exception_item):
    html = page(
        client,
        board_member,
        url("challenge_create", partnership),
        about=f"performance.exception-item:{exception_item.pk}",
    )
    assert f'value="performance.exception-item:{exception_item.pk}" selected' in html


def test_raising_a_challenge_about_an_exception_item_links_it(
    client, board_member, partnership, agency, exception_item
):
    client.force_login(board_member)
    response = client.post(
        url("challenge_create", partnership),
        {
            "agency": agency.pk,
            "subject": "Referrals rated red",
            "detail": "Please explain the rise in referrals.",
            "about": f"performance.exception-item:{exception_item.pk}",
            "response_due_on": (timezone.localdate() + dt.timedelta(days=14)).isoformat(),
        },
    )
    challenge = Challenge.objects.get(subject="Referrals rated red")
    assert response.url == challenge.get_absolute_url()
    assert challenge.source == exception_item


def test_a_missing_subject_is_shown_against_its_field(client, board_member, partnership, agency):
    client.force_login(board_member)
    response = client.post(url("challenge_create", partnership), {"agency": agency.pk, "detail": "Why?"})
    assert "Enter what the challenge is about, in a few words." in response.content.decode()


def test_the_exception_report_offers_to_raise_a_challenge_about_an_item(
    client, board_member, partnership, exception_item
):
    html = page(client, board_member, exception_item.get_absolute_url().split("#")[0])
    assert f"?about=performance.exception-item:{exception_item.pk}" in html


def test_a_challenges_page_shows_its_history(client, agency_lead, partnership, challenge):
    challenge_respond(actor=agency_lead, challenge=challenge, response="GPs now send a report.")
    html = page(client, agency_lead, url("challenge_detail", partnership, pk=challenge.pk))
    assert f"Challenge {challenge.reference} response recorded" in html


def test_the_agency_lead_of_another_agency_cannot_open_the_challenge(
    client, partnership, other_agency, board_member, agency_lead
):
    other = ChallengeFactory(partnership=partnership, agency=other_agency, raised_by=board_member)
    client.force_login(agency_lead)
    assert client.get(url("challenge_detail", partnership, pk=other.pk)).status_code == 404


def test_the_agency_lead_records_the_response_from_the_form(client, agency_lead, partnership, challenge):
    client.force_login(agency_lead)
    client.post(url("challenge_respond", partnership, pk=challenge.pk), {"response": "Reports are checked."})
    challenge.refresh_from_db()
    assert (challenge.status, challenge.response) == (Challenge.Status.RESPONDED, "Reports are checked.")


def test_closing_an_answered_challenge_asks_for_the_impact(client, business_unit, agency_lead, partnership, challenge):
    challenge_respond(actor=agency_lead, challenge=challenge, response="Reports are checked.")
    client.force_login(business_unit)
    response = client.post(url("challenge_close", partnership, pk=challenge.pk), {"satisfied": "yes"})
    assert "Say what difference the challenge made" in response.content.decode()


def test_the_remind_button_goes_back_to_the_page_it_was_on(client, business_unit, agency_lead, partnership, challenge):
    client.force_login(business_unit)
    home = reverse("partnerships:home", kwargs={"partnership": partnership.slug})
    response = client.post(url("challenge_remind", partnership, pk=challenge.pk), {"next": home})
    assert response.url == home


def test_a_step_not_open_now_answers_404(client, business_unit, partnership, challenge):
    client.force_login(business_unit)
    assert client.get(url("challenge_reopen", partnership, pk=challenge.pk)).status_code == 404


def test_the_agency_leads_home_page_lists_the_challenge_to_answer(client, agency_lead, partnership, challenge):
    html = page(client, agency_lead, reverse("partnerships:home", kwargs={"partnership": partnership.slug}))
    assert "Challenges from the board to answer" in html
    assert challenge.get_absolute_url() in html


def test_the_board_menu_counts_challenges_to_answer(client, agency_lead, partnership, challenge):
    html = page(client, agency_lead, reverse("menu:board", kwargs={"partnership": partnership.slug}))
    assert "1 challenge to answer" in html


def test_each_agenda_item_offers_to_raise_a_challenge_about_it(client, board_member, partnership):

    item = AgendaItemFactory(meeting__partnership=partnership)
    html = page(client, board_member, url("agenda", partnership, meeting=item.meeting.pk))
    assert f"?about=governance.agenda-item:{item.pk}" in html


def test_the_viewer_is_not_offered_a_challenge_from_an_agenda_item(client, viewer, partnership):

    item = AgendaItemFactory(meeting__partnership=partnership)
    client.force_login(viewer)
    response = client.get(url("agenda", partnership, meeting=item.meeting.pk))
    assert f"?about=governance.agenda-item:{item.pk}" not in response.content.decode()


def test_a_challenge_about_a_confidential_item_does_not_name_its_business(client, board_member, partnership, agency):

    item = AgendaItemFactory(
        meeting__partnership=partnership, title="Investigation of a named member of staff", confidential=True
    )
    client.force_login(board_member)
    client.post(
        url("challenge_create", partnership),
        {
            "agency": agency.pk,
            "subject": "Follow-up of a part B item",
            "detail": "Please report back on the outcome.",
            "about": f"governance.agenda-item:{item.pk}",
            "response_due_on": (timezone.localdate() + dt.timedelta(days=14)).isoformat(),
        },
    )
    challenge = Challenge.objects.get(subject="Follow-up of a part B item")
    assert challenge.source == item
    assert "Investigation" not in challenge.source_label
    assert challenge.source_label.endswith("(confidential item)")


def test_a_challenges_page_links_the_agenda_item_it_is_about(client, board_member, partnership, agency):

    item = AgendaItemFactory(meeting__partnership=partnership)
    challenge = ChallengeFactory(partnership=partnership, agency=agency, raised_by=board_member)
    Challenge.objects.filter(pk=challenge.pk).update(
        source_type=ContentType.objects.get_for_model(item), source_id=str(item.pk), source_label="the item"
    )
    html = page(client, board_member, url("challenge_detail", partnership, pk=challenge.pk))
    assert f'href="{agenda_item_url(item)}"' in html
