import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.audit.models import Event
from assure.governance.models import AgendaItem, MeetingMinutes
from assure.governance.services.agendas import agenda_item_add
from assure.governance.tests.factories import AgendaItemFactory, MeetingMinutesFactory
from assure.partnerships.models import ConfidentialMinute
from assure.partnerships.tests.factories import MeetingFactory


def u(name, partnership, **kwargs):
    return reverse(f"governance:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def meeting(partnership):
    return MeetingFactory(partnership=partnership, held_on=dt.date(2015, 3, 19))


@pytest.fixture
def upcoming(partnership):
    return MeetingFactory(partnership=partnership, held_on=timezone.localdate() + dt.timedelta(days=10))


def test_the_meeting_page_links_to_its_agenda(client, board_member, partnership, meeting):
    client.force_login(board_member)
    page = client.get(
        reverse("partnerships:meeting_detail", kwargs={"partnership": partnership.slug, "pk": meeting.pk})
    )
    assert u("agenda", partnership, meeting=meeting.pk) in page.content.decode()


def test_the_meeting_page_does_not_link_the_agenda_for_the_viewer(client, viewer, partnership, meeting):
    client.force_login(viewer)
    page = client.get(
        reverse("partnerships:meeting_detail", kwargs={"partnership": partnership.slug, "pk": meeting.pk})
    )
    assert u("agenda", partnership, meeting=meeting.pk) not in page.content.decode()


def test_an_empty_agenda_says_so(client, board_member, partnership, meeting):
    client.force_login(board_member)
    page = client.get(u("agenda", partnership, meeting=meeting.pk))
    assert "This meeting has no agenda yet." in page.content.decode()


def test_the_business_unit_adds_an_item_with_an_uploaded_paper(
    client, business_unit, partnership, upcoming, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(business_unit)
    response = client.post(
        u("agenda_item_add", partnership, meeting=upcoming.pk),
        {
            "title": "Training programme",
            "purpose": "decision",
            "presenter": "Training co-ordinator",
            "paper": "",
            "paper_file": SimpleUploadedFile("training.pdf", b"%PDF-1.4 paper"),
        },
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert (item.title, item.purpose, item.paper_file_name) == ("Training programme", "decision", "training.pdf")


def test_a_refused_paper_is_shown_against_its_field(client, business_unit, partnership, upcoming, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(business_unit)
    response = client.post(
        u("agenda_item_add", partnership, meeting=upcoming.pk),
        {"title": "Training", "purpose": "decision", "paper_file": SimpleUploadedFile("run.exe", b"MZ")},
    )
    assert response.status_code == 200
    assert "The paper must be one of" in response.content.decode()
    assert not AgendaItem.objects.exists()


def test_the_paper_downloads_for_an_agenda_reader_and_is_logged(
    client, business_unit, agency_lead, partnership, upcoming, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    item = agenda_item_add(
        actor=business_unit,
        meeting=upcoming,
        title="CSE report",
        upload=SimpleUploadedFile("cse.pdf", b"%PDF-1.4 content"),
    )
    client.force_login(agency_lead)
    response = client.get(u("agenda_paper", partnership, pk=item.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 content"
    assert response["Cache-Control"] == "private, no-store"
    assert Event.objects.filter(verb="governance.paper_downloaded", actor=agency_lead).exists()


def test_a_confidential_paper_needs_the_grant(
    client, business_unit, board_member, partnership, upcoming, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    item = agenda_item_add(
        actor=business_unit,
        meeting=upcoming,
        title="Staffing matter",
        confidential=True,
        upload=SimpleUploadedFile("staff.pdf", b"%PDF-1.4 secret"),
    )
    client.force_login(board_member)
    assert client.get(u("agenda_paper", partnership, pk=item.pk)).status_code == 404
    RestrictedGrantFactory(user=board_member, partnership=partnership, area=ConfidentialMinute.RESTRICTED_AREA)
    assert client.get(u("agenda_paper", partnership, pk=item.pk)).status_code == 200


def test_moving_an_item_down_by_its_button(client, business_unit, partnership, upcoming):
    first = AgendaItemFactory(meeting=upcoming, position=1)
    AgendaItemFactory(meeting=upcoming, position=2)
    client.force_login(business_unit)
    client.post(u("agenda_item_move", partnership, pk=first.pk), {"direction": "down"})
    first.refresh_from_db()
    assert first.position == 2


def test_removing_an_item_asks_first(client, business_unit, partnership, upcoming):
    item = AgendaItemFactory(meeting=upcoming, title="Budget")
    client.force_login(business_unit)
    page = client.get(u("agenda_item_remove", partnership, pk=item.pk))
    assert "Remove “Budget” from the agenda?" in page.content.decode()
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    client.post(u("agenda_item_remove", partnership, pk=item.pk))
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


def test_publishing_asks_first_then_marks_the_agenda_published(client, business_unit, partnership, upcoming):
    AgendaItemFactory(meeting=upcoming)
    client.force_login(business_unit)
    assert (
        "Publish the agenda and papers?"
        in client.get(u("agenda_publish", partnership, meeting=upcoming.pk)).content.decode()
    )
    client.post(u("agenda_publish", partnership, meeting=upcoming.pk))
    assert MeetingMinutes.objects.get(meeting=upcoming).is_agenda_published


def test_recording_an_items_minutes(client, business_unit, partnership, meeting):
    item = AgendaItemFactory(meeting=meeting)
    client.force_login(business_unit)
    client.post(u("agenda_item_minutes", partnership, pk=item.pk), {"decision": "Agreed.", "minutes": "Discussed."})
    item.refresh_from_db()
    assert item.decision == "Agreed."


def test_a_confidential_items_minutes_are_not_on_the_agenda_page(
    client, business_unit, board_member, partnership, meeting
):
    item = AgendaItemFactory(meeting=meeting, confidential=True, title="Staffing matter")
    client.force_login(business_unit)
    client.post(u("agenda_item_minutes", partnership, pk=item.pk), {"minutes": "The confidential words."})
    client.force_login(board_member)
    page = client.get(u("agenda", partnership, meeting=meeting.pk)).content.decode()
    assert "Staffing matter" in page and "The confidential words." not in page
    minutes_page = client.get(u("minutes", partnership, meeting=meeting.pk)).content.decode()
    assert "The confidential words." not in minutes_page


def test_raising_an_action_from_an_item(client, business_unit, partnership, meeting, agency):
    item = AgendaItemFactory(meeting=meeting, title="Audit findings")
    client.force_login(business_unit)
    client.post(
        u("agenda_item_action", partnership, pk=item.pk),
        {
            "title": "Report back",
            "owner_agency": agency.pk,
            "due_on": (timezone.localdate() + dt.timedelta(days=20)).isoformat(),
        },
    )
    page = client.get(u("agenda", partnership, meeting=meeting.pk)).content.decode()
    assert "Report back" in page


def test_approving_the_minutes_at_the_next_meeting(client, business_unit, partnership, meeting):
    MeetingFactory(partnership=partnership, held_on=dt.date(2015, 5, 21))
    AgendaItemFactory(meeting=meeting, minutes="Discussed.")
    client.force_login(business_unit)
    page = client.get(u("minutes_approve", partnership, meeting=meeting.pk)).content.decode()
    assert "21 May 2015" in page
    client.post(u("minutes_approve", partnership, meeting=meeting.pk), {"amendments": ""})
    assert MeetingMinutes.objects.get(meeting=meeting).is_approved
    assert "Approved" in client.get(u("minutes", partnership, meeting=meeting.pk)).content.decode()


def test_approved_minutes_close_the_agenda_to_changes(client, business_unit, partnership, meeting):
    MeetingMinutesFactory(meeting=meeting, status=MeetingMinutes.Status.APPROVED)
    client.force_login(business_unit)
    response = client.get(u("agenda_item_add", partnership, meeting=meeting.pk))
    assert response.status_code == 302


def test_another_partnerships_meeting_is_not_found(client, business_unit, other_partnership):
    foreign = MeetingFactory(partnership=other_partnership)
    client.force_login(business_unit)
    assert client.get(u("agenda", other_partnership, meeting=foreign.pk)).status_code == 404
