from django.urls import reverse

from assure.audit.models import AccessLog, Event
from assure.partnerships.models import ConfidentialMinute
from assure.partnerships.tests.factories import ConfidentialMinuteFactory


def u(name, partnership, **kwargs):
    return reverse(f"partnerships:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def test_business_unit_adds_a_confidential_item(client, business_unit, partnership, board_meeting):
    client.force_login(business_unit)
    assert client.get(u("confidential_minute_create", partnership, pk=board_meeting.pk)).status_code == 200
    response = client.post(
        u("confidential_minute_create", partnership, pk=board_meeting.pk),
        {"heading": "Staffing matter", "text": "Details of the staffing matter."},
    )
    assert response["Location"] == u("meeting_detail", partnership, pk=board_meeting.pk)
    assert ConfidentialMinute.objects.get().recorded_by == business_unit
    assert "Details of the staffing matter" not in Event.objects.get(verb="confidential_minute.added").summary


def test_board_member_may_not_add_a_confidential_item(client, board_member, partnership, board_meeting):
    client.force_login(board_member)
    assert client.get(u("confidential_minute_create", partnership, pk=board_meeting.pk)).status_code == 403


def test_reading_with_a_grant_shows_the_item_and_logs_the_read(
    client, board_member, partnership, board_meeting, minutes_grant
):
    minute = ConfidentialMinuteFactory(meeting=board_meeting, text="The confidential words.")
    minutes_grant(board_member, partnership)
    client.force_login(board_member)
    response = client.get(u("confidential_minute_detail", partnership, pk=minute.pk))
    assert response.status_code == 200 and "The confidential words." in response.content.decode()
    log = AccessLog.objects.get()
    assert (log.user, log.partnership, log.area, log.record_id) == (
        board_member,
        partnership,
        "confidential-minutes",
        str(minute.pk),
    )
    assert "confidential words" not in log.record_label
    assert "no-store" in response["Cache-Control"]


def test_every_read_is_logged(client, board_member, partnership, board_meeting, minutes_grant):
    minute = ConfidentialMinuteFactory(meeting=board_meeting)
    minutes_grant(board_member, partnership)
    client.force_login(board_member)
    for _ in range(2):
        client.get(u("confidential_minute_detail", partnership, pk=minute.pk))
    assert AccessLog.objects.count() == 2


def test_reading_without_a_grant_answers_404_and_logs_nothing(client, board_member, partnership, board_meeting):
    minute = ConfidentialMinuteFactory(meeting=board_meeting)
    client.force_login(board_member)
    assert client.get(u("confidential_minute_detail", partnership, pk=minute.pk)).status_code == 404
    assert not AccessLog.objects.exists()


def test_missing_item_and_refused_item_look_the_same(client, board_member, partnership, board_meeting):
    minute = ConfidentialMinuteFactory(meeting=board_meeting)
    client.force_login(board_member)
    refused = client.get(u("confidential_minute_detail", partnership, pk=minute.pk))
    missing = client.get(u("confidential_minute_detail", partnership, pk=minute.pk + 1000))
    assert refused.status_code == missing.status_code == 404
    assert refused.content == missing.content


def test_role_without_the_permission_is_refused_even_with_a_grant(
    client, viewer, partnership, board_meeting, minutes_grant
):
    minute = ConfidentialMinuteFactory(meeting=board_meeting)
    minutes_grant(viewer, partnership)
    client.force_login(viewer)
    assert client.get(u("confidential_minute_detail", partnership, pk=minute.pk)).status_code == 403


def test_item_of_another_partnership_answers_404_even_with_a_grant_there(
    client, outsider, other_partnership, board_meeting, minutes_grant
):
    minute = ConfidentialMinuteFactory(meeting=board_meeting)
    minutes_grant(outsider, other_partnership)
    client.force_login(outsider)
    assert client.get(u("confidential_minute_detail", other_partnership, pk=minute.pk)).status_code == 404


def test_meeting_page_lists_headings_to_grant_holders(client, board_member, partnership, board_meeting, minutes_grant):
    ConfidentialMinuteFactory(meeting=board_meeting, heading="Allegation update")
    minutes_grant(board_member, partnership)
    client.force_login(board_member)
    page = client.get(u("meeting_detail", partnership, pk=board_meeting.pk)).content.decode()
    assert "Allegation update" in page
    assert not AccessLog.objects.exists()


def test_meeting_page_shows_only_a_count_to_others(client, viewer, partnership, board_meeting):
    ConfidentialMinuteFactory(meeting=board_meeting, heading="Allegation update")
    ConfidentialMinuteFactory(meeting=board_meeting, heading="Second matter")
    client.force_login(viewer)
    page = client.get(u("meeting_detail", partnership, pk=board_meeting.pk)).content.decode()
    assert "2 confidential items (restricted)" in page
    assert "Allegation update" not in page and "Second matter" not in page
