"""The seed's engagement, counted from the demo's records: the Say Something If You See Something
campaign's measures, the e-safety surveys year on year, the voices heard and chosen, the events
under the Communication priority, and the computed indicators."""

import datetime as dt
from decimal import Decimal

import pytest

from assure.demo import region
from assure.engagement.models import Campaign, Event, Survey, Voice
from assure.engagement.selectors.surveys import survey_comparison
from assure.engagement.selectors.voices import chosen_quotes
from assure.partnerships.models import Partnership
from tests.real_names import real_names_in


@pytest.fixture
def shropshire(demo_region, db):
    return Partnership.objects.get(slug=region.SHROPSHIRE)


@pytest.fixture
def business_unit(shropshire):
    return shropshire.memberships.get(role="business-unit").user


def test_the_campaign_holds_the_seeds_measures(shropshire):
    campaign = Campaign.objects.get(partnership=shropshire, title="Say Something If You See Something")
    measures = {m.kind: m.value for m in campaign.measures.all()}
    assert measures == {
        "venues": Decimal(36),
        "audience": Decimal(5000),
        "average-reach": Decimal(21392),
        "reach": Decimal(427821),
    }
    assert campaign.starts_on == dt.date(2015, 3, 2)
    assert campaign.priority.title == "Communication"


def test_fewer_met_a_stranger_and_more_would_tell_a_parent(shropshire, business_unit):
    survey = Survey.objects.get(partnership=shropshire, opens_on__year=2015)
    compared = survey_comparison(user=business_unit, partnership=shropshire, survey=survey)
    (met,) = [row for row in compared.yes_rows if row.code == "met-stranger"]
    assert [figure.percent for figure in met.figures] == [14, 9]
    telling = next(q for q in compared.questions if q.code == "would-tell")
    rises = {c.answer: c.points for c in telling.changes}
    assert rises["A parent or carer"] > 0 and rises["A teacher"] > 0 and rises["A friend"] > 0


def test_the_parents_feedback_is_quoted_in_2014_15(shropshire, business_unit):
    quotes = chosen_quotes(user=business_unit, partnership=shropshire, year="2014-15")
    assert "parent" in {voice.source_type for voice in quotes}
    assert all(voice.priority.title == "Communication" for voice in quotes)


def test_a_voice_waits_for_review(shropshire):
    assert Voice.objects.filter(partnership=shropshire, status=Voice.Status.TO_REVIEW).exists()


def test_three_community_workshops_in_april_and_may_2015(shropshire):
    workshops = Event.objects.filter(partnership=shropshire, kind="community-workshop")
    assert sorted(e.held_on.month for e in workshops) == [4, 5, 5]
    assert {e.held_on.year for e in workshops} == {2015}


def test_the_esafety_conference_counts_the_training_register(shropshire):
    conference = Event.objects.get(partnership=shropshire, kind="conference")
    assert conference.training_session.startswith("TS-")
    assert conference.attendees is None


def test_the_computed_indicators_hold_the_seeds_reach(shropshire):
    from assure.performance.models import Observation

    stored = {
        (o.indicator.code, o.period.label): int(o.value)
        for o in Observation.objects.filter(
            partnership=shropshire, source=Observation.Source.COMPUTED, indicator__code__startswith="engagement-"
        ).select_related("indicator", "period")
    }
    assert stored[("engagement-campaign-reach", "2014-15")] == 427821
    assert stored[("engagement-survey-responses", "2013-14")] == 300
    assert stored[("engagement-survey-responses", "2014-15")] == 312


def test_the_voices_name_nobody_real(shropshire):
    texts = " ".join(Voice.objects.filter(partnership=shropshire).values_list("text", flat=True))
    assert not real_names_in(texts)
