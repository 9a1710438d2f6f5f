"""The annual report's engagement blocks: the section's priority's campaigns, events and surveys
of the year; the quotes chosen for it (with whom they came from, never a name); a survey series
year on year."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType

from assure.engagement.models import Survey, Voice
from assure.engagement.tests.factories import (
    CampaignFactory,
    EventFactory,
    MeasureFactory,
    SurveyFactory,
    VoiceFactory,
)
from assure.plans.tests.factories import PriorityFactory
from assure.questionnaires.models import Answer, Response
from assure.reports.blocks import compute_block

pytestmark = pytest.mark.django_db


def compute(kind, partnership, priority=None, year="2014-15", **params):
    data, problem = compute_block(
        kind=kind,
        report=SimpleNamespace(partnership=partnership, year=year, pk=1),
        section=SimpleNamespace(priority=priority, parent=None),
        params=params,
        today=dt.date(2015, 6, 1),
    )
    assert problem == ""
    return data


# --- engagement-summary -------------------------------------------------------------------------


def test_the_summary_shows_the_priority_campaign_with_its_measures(partnership):
    priority = PriorityFactory(partnership=partnership)
    campaign = CampaignFactory(partnership=partnership, priority=priority, starts_on=dt.date(2015, 3, 2))
    MeasureFactory(campaign=campaign, kind="reach", value=427821, measured_on=dt.date(2015, 3, 31))
    MeasureFactory(campaign=campaign, kind="average-reach", value=21392, measured_on=dt.date(2015, 3, 31))
    data = compute("engagement-summary", partnership, priority)
    (row,) = data.tables[0].rows
    assert row[0] == "Say Something If You See Something"
    assert "Reach 427,821" in row[3]
    assert "Average reach per post 21,392" in row[3]


def test_the_summary_leaves_out_another_priority_and_another_year(partnership):
    priority, other = PriorityFactory(partnership=partnership), PriorityFactory(partnership=partnership)
    CampaignFactory(partnership=partnership, priority=other, starts_on=dt.date(2015, 3, 2))
    EventFactory(partnership=partnership, priority=priority, held_on=dt.date(2015, 5, 6))
    data = compute("engagement-summary", partnership, priority)
    assert data.empty.startswith("No campaign, event or survey under this priority")


def test_the_summary_shows_the_events_attendance(partnership):
    priority = PriorityFactory(partnership=partnership)
    EventFactory(partnership=partnership, priority=priority, held_on=dt.date(2014, 10, 15), attendees=26)
    data = compute("engagement-summary", partnership, priority)
    assert data.tables[0].rows[0][3] == "26"


# --- engagement-quotes --------------------------------------------------------------------------


def test_the_quotes_are_the_chosen_voices_of_the_priority_and_year(partnership):
    priority = PriorityFactory(partnership=partnership)
    VoiceFactory(
        partnership=partnership,
        priority=priority,
        heard_on=dt.date(2015, 1, 19),
        status=Voice.Status.APPROVED,
        for_report=True,
        text="This page is really appreciated.",
    )
    VoiceFactory(
        partnership=partnership, priority=priority, heard_on=dt.date(2015, 1, 20), status=Voice.Status.APPROVED
    )
    VoiceFactory(partnership=partnership, heard_on=dt.date(2015, 1, 21), status=Voice.Status.APPROVED, for_report=True)
    VoiceFactory(
        partnership=partnership,
        priority=priority,
        heard_on=dt.date(2015, 5, 1),
        status=Voice.Status.APPROVED,
        for_report=True,
    )
    data = compute("engagement-quotes", partnership, priority)
    assert data.paragraphs == [
        "“This page is really appreciated.” — A parent or carer, The parents' e-safety page of the website"
    ]


def test_a_chosen_voice_that_lost_its_consent_is_not_quoted(partnership):
    VoiceFactory(
        partnership=partnership,
        heard_on=dt.date(2015, 1, 19),
        status=Voice.Status.APPROVED,
        for_report=True,
        consent_to_quote=False,
    )
    assert compute("engagement-quotes", partnership).empty == "No voice heard in 2014-15 was chosen for the report."


# --- survey-comparison --------------------------------------------------------------------------


def _answered(survey, answers: list[dict]) -> None:
    about = ContentType.objects.get_for_model(Survey)
    for values in answers:
        response = Response.objects.create(
            partnership=survey.partnership,
            questionnaire=survey.questionnaire,
            about_type=about,
            about_id=str(survey.pk),
            status=Response.Status.SUBMITTED,
        )
        for code, value in values.items():
            if isinstance(value, list):
                Answer.objects.create(response=response, question=code, choices=value)
            else:
                Answer.objects.create(response=response, question=code, choice=value)


def test_the_survey_is_compared_with_the_one_before(partnership):
    before = SurveyFactory(partnership=partnership, opens_on=dt.date(2014, 2, 3), closes_on=dt.date(2014, 2, 28))
    now = SurveyFactory(partnership=partnership, opens_on=dt.date(2015, 2, 2), closes_on=dt.date(2015, 2, 27))
    _answered(
        before, [{"met-stranger": "yes", "would-tell": ["nobody"]}, {"met-stranger": "no", "would-tell": ["parent"]}]
    )
    _answered(
        now,
        [{"met-stranger": "no", "would-tell": ["parent"]}, {"met-stranger": "no", "would-tell": ["parent", "teacher"]}],
    )
    data = compute("survey-comparison", partnership, series="esafety-young-people")
    yes = {row[0]: row[1:] for row in data.tables[0].rows}
    assert yes["Have you ever met up in real life with someone you only knew online?"] == ["50%", "0%", "-50 points"]
    telling = next(t for t in data.tables if t.caption.startswith("If something online worried you"))
    assert ["A parent or carer", "50%", "100%", "Up 50 percentage points"] in telling.rows
    assert data.charts


def test_a_series_without_a_survey_in_the_year_says_so(partnership):
    data = compute("survey-comparison", partnership, series="esafety-young-people")
    assert data.empty == "No survey of the series esafety-young-people ran in 2014-15."


def test_in_a_priority_section_only_its_priority_survey_is_compared(partnership):
    priority = PriorityFactory(partnership=partnership)
    SurveyFactory(partnership=partnership, opens_on=dt.date(2015, 2, 2), closes_on=dt.date(2015, 2, 27))
    data = compute("survey-comparison", partnership, priority, series="esafety-young-people")
    assert data.empty == "No survey of the series esafety-young-people ran in 2014-15."
