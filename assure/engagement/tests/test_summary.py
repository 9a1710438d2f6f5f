"""Engagement this year: the financial year's campaigns with their totals, events and attendance
(typed or the training register's), surveys and their submitted responses, voices by source; the
page, its download, and who may read it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.engagement.selectors.summary import year_summary
from assure.engagement.tests.factories import (
    ActivityFactory,
    CampaignFactory,
    EventFactory,
    MeasureFactory,
    SurveyFactory,
    VoiceFactory,
)
from assure.partnerships.years import financial_year_of
from assure.questionnaires.models import Response
from assure.training.models import Booking, Course
from assure.training.tests.factories import BookingFactory, CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db

YEAR = "2014-15"


def url(name, partnership, query: str = ""):
    return reverse(f"engagement:{name}", kwargs={"partnership": partnership.slug}) + query


def respond(survey, *, status=Response.Status.SUBMITTED) -> Response:
    return Response.objects.create(
        partnership=survey.partnership, questionnaire=survey.questionnaire, about=survey, status=status
    )


def test_the_years_campaign_sums_only_the_years_measures_that_add_up(business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership, starts_on=dt.date(2015, 3, 1))
    ActivityFactory(campaign=campaign, happened_on=dt.date(2015, 3, 5))
    MeasureFactory(campaign=campaign, kind="reach", value=427_821, measured_on=dt.date(2015, 3, 31))
    MeasureFactory(campaign=campaign, kind="reach", value=1_000, measured_on=dt.date(2015, 4, 1))  # next year
    MeasureFactory(campaign=campaign, kind="average-reach", value=21_392, measured_on=dt.date(2015, 3, 31))
    summary = year_summary(user=business_unit, partnership=partnership, year=YEAR)
    [item] = summary.campaigns
    assert item.activities == 1
    assert [(total.code, total.total) for total in item.totals] == [("reach", Decimal(427_821))]


def test_a_campaign_running_into_the_year_is_included_and_one_after_it_is_not(business_unit, partnership):
    running = CampaignFactory(partnership=partnership, starts_on=dt.date(2014, 1, 1), ends_on=None)
    CampaignFactory(partnership=partnership, starts_on=dt.date(2015, 4, 1))
    CampaignFactory(partnership=partnership, starts_on=dt.date(2013, 1, 1), ends_on=dt.date(2014, 3, 31))
    summary = year_summary(user=business_unit, partnership=partnership, year=YEAR)
    assert [item.campaign for item in summary.campaigns] == [running]


def test_the_years_events_count_typed_and_training_attendance(business_unit, partnership):
    course = CourseFactory(partnership=partnership, delivery=Course.Delivery.CONFERENCE)
    starts = timezone.make_aware(dt.datetime(2014, 11, 5, 9, 30))
    session = SessionFactory(
        course=course,
        starts_at=starts,
        booking_opens=starts - dt.timedelta(days=30),
        booking_closes=starts - dt.timedelta(days=2),
        cancel_by=starts - dt.timedelta(days=7),
    )
    for _ in range(3):
        BookingFactory(session=session, attendance=Booking.Attendance.ATTENDED)
    EventFactory(
        partnership=partnership, held_on=dt.date(2014, 11, 5), training_session=session.reference, attendees=None
    )
    EventFactory(partnership=partnership, held_on=dt.date(2014, 5, 1), attendees=45)
    EventFactory(partnership=partnership, held_on=dt.date(2015, 5, 1), attendees=60)  # next year
    summary = year_summary(user=business_unit, partnership=partnership, year=YEAR)
    assert [(item.attendance.number, item.attendance.from_training) for item in summary.events] == [
        (45, False),
        (3, True),
    ]
    assert summary.attended == 48


def test_the_years_surveys_count_submitted_responses_only(business_unit, partnership):
    survey = SurveyFactory(partnership=partnership, opens_on=dt.date(2015, 2, 1), closes_on=dt.date(2015, 2, 28))
    respond(survey)
    respond(survey)
    respond(survey, status=Response.Status.DRAFT)
    SurveyFactory(partnership=partnership, opens_on=dt.date(2014, 2, 1), closes_on=dt.date(2014, 2, 28))  # before
    summary = year_summary(user=business_unit, partnership=partnership, year=YEAR)
    assert [(item.survey, item.responses) for item in summary.surveys] == [(survey, 2)]


def test_voices_are_counted_by_source_in_the_librarys_order(business_unit, partnership):
    VoiceFactory(partnership=partnership, source_type="parent", heard_on=dt.date(2014, 9, 1))
    VoiceFactory(partnership=partnership, source_type="practitioner", heard_on=dt.date(2014, 10, 1))
    VoiceFactory(partnership=partnership, source_type="practitioner", heard_on=dt.date(2015, 1, 1))
    VoiceFactory(partnership=partnership, source_type="child", heard_on=dt.date(2015, 6, 1))  # next year
    summary = year_summary(user=business_unit, partnership=partnership, year=YEAR)
    assert [(item.code, item.heard) for item in summary.voices] == [
        ("child", 0),
        ("parent", 1),
        ("practitioner", 2),
        ("community", 0),
    ]
    assert summary.voices_heard == 3


def test_another_partnerships_engagement_is_not_counted(business_unit, partnership):
    CampaignFactory(starts_on=dt.date(2014, 6, 1))
    EventFactory(held_on=dt.date(2014, 6, 1))
    assert year_summary(user=business_unit, partnership=partnership, year=YEAR).is_empty


def test_someone_who_may_not_read_engagement_gets_no_summary(agency_lead, partnership):
    assert year_summary(user=agency_lead, partnership=partnership, year=YEAR) is None


def test_the_board_reads_the_summary_page_for_a_year(client, board_member, partnership):
    CampaignFactory(partnership=partnership, title="Say Something If You See Something", starts_on=dt.date(2015, 3, 1))
    client.force_login(board_member)
    response = client.get(url("summary", partnership, f"?year={YEAR}"))
    assert response.status_code == 200
    assert response.context["year"] == YEAR
    assert "Say Something If You See Something" in response.content.decode()


def test_the_summary_shows_this_year_when_none_is_asked(client, board_member, partnership):
    client.force_login(board_member)
    response = client.get(url("summary", partnership))
    assert response.context["year"] == financial_year_of(timezone.localdate())


def test_the_summary_downloads(client, board_member, partnership):
    campaign = CampaignFactory(partnership=partnership, title="Say Something", starts_on=dt.date(2015, 3, 1))
    MeasureFactory(campaign=campaign, kind="venues", value=36, measured_on=dt.date(2015, 3, 2))
    client.force_login(board_member)
    response = client.get(url("summary_download", partnership, f"?year={YEAR}&format=csv"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Say Something" in text
    assert "Places reached" in text
    assert "36" in text


def test_an_agency_lead_cannot_open_the_summary(client, agency_lead, partnership):
    client.force_login(agency_lead)
    assert client.get(url("summary", partnership)).status_code == 403
