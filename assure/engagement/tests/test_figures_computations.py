"""The computations engagement registers for the library's indicators: a campaign measure's total
(only one that adds up), event attendees typed (not those the training register counts), survey
responses submitted and voices heard, a figure per ended financial year."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from assure.core.computations import computation_named
from assure.engagement.models import Survey
from assure.engagement.tests.factories import (
    CampaignFactory,
    EventFactory,
    MeasureFactory,
    SurveyFactory,
    VoiceFactory,
)
from assure.library.selectors import current_items
from assure.questionnaires.models import Response

pytestmark = pytest.mark.django_db


def figures(name, partnership, **parameters) -> dict[str, Decimal]:
    computed = computation_named(name).compute(partnership=partnership, parameters=parameters)
    return {figure.year: figure.numerator for figure in computed}


def test_campaign_reach_adds_the_reach_measures_of_the_year(partnership):
    campaign = CampaignFactory(partnership=partnership, starts_on=dt.date(2015, 3, 2))
    MeasureFactory(campaign=campaign, kind="reach", value=400000, measured_on=dt.date(2015, 3, 20))
    MeasureFactory(campaign=campaign, kind="reach", value=27821, measured_on=dt.date(2015, 3, 31))
    MeasureFactory(campaign=campaign, kind="reach", value=10, measured_on=dt.date(2015, 4, 1))
    MeasureFactory(campaign=campaign, kind="venues", value=36, measured_on=dt.date(2015, 3, 20))
    assert figures("engagement.measure_total", partnership, measure="reach")["2014-15"] == 427821


def test_a_measure_that_does_not_add_up_has_no_total(partnership):
    campaign = CampaignFactory(partnership=partnership, starts_on=dt.date(2015, 3, 2))
    MeasureFactory(campaign=campaign, kind="average-reach", value=21392, measured_on=dt.date(2015, 3, 31))
    assert figures("engagement.measure_total", partnership, measure="average-reach") == {}


def test_another_partnerships_measures_are_not_counted(partnership, other_partnership):
    campaign = CampaignFactory(partnership=other_partnership, starts_on=dt.date(2015, 3, 2))
    MeasureFactory(campaign=campaign, kind="copies", value=500, measured_on=dt.date(2015, 3, 20))
    assert figures("engagement.measure_total", partnership, measure="copies") == {}


def test_event_attendees_leave_out_those_the_training_register_counts(partnership):
    EventFactory(partnership=partnership, held_on=dt.date(2015, 4, 22), attendees=42)
    EventFactory(partnership=partnership, held_on=dt.date(2015, 5, 6), attendees=51)
    EventFactory(partnership=partnership, held_on=dt.date(2015, 5, 7), attendees=120, training_session="TS-0001")
    assert figures("engagement.event_attendees", partnership) == {"2015-16": 93}


def test_survey_responses_count_only_those_submitted(partnership):
    survey = SurveyFactory(partnership=partnership, opens_on=dt.date(2015, 2, 2), closes_on=dt.date(2015, 2, 27))
    moment = timezone.make_aware(dt.datetime(2015, 2, 10, 10, 0))
    for status in (Response.Status.SUBMITTED, Response.Status.SUBMITTED, Response.Status.DRAFT):
        Response.objects.create(
            partnership=partnership,
            questionnaire=survey.questionnaire,
            about_type=ContentType.objects.get_for_model(Survey),
            about_id=str(survey.pk),
            status=status,
            submitted_at=moment if status == Response.Status.SUBMITTED else None,
        )
    assert figures("engagement.survey_responses", partnership) == {"2014-15": 2}


def test_voices_heard_are_counted_by_the_year_heard(partnership):
    VoiceFactory(partnership=partnership, heard_on=dt.date(2014, 10, 15))
    VoiceFactory(partnership=partnership, heard_on=dt.date(2015, 3, 31))
    VoiceFactory(partnership=partnership, heard_on=dt.date(2015, 4, 1))
    assert figures("engagement.voices_heard", partnership) == {"2014-15": 2, "2015-16": 1}


def test_the_year_not_yet_ended_has_no_figure(partnership):
    VoiceFactory(partnership=partnership, heard_on=timezone.localdate())
    assert figures("engagement.voices_heard", partnership) == {}


def test_the_library_names_each_engagement_computation():
    named = {
        item.data["computed"]["computation"]
        for item in current_items(kind="indicator")
        if item.code.startswith("engagement-")
    }
    assert named == {
        "engagement.measure_total",
        "engagement.event_attendees",
        "engagement.survey_responses",
        "engagement.voices_heard",
    }
