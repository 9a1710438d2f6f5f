"""The demo's analysis (assure/cdop/demo/analysis.py): review meetings on the unexpected deaths,
the factors of the five Shropshire deaths with modifiable factors identified, and six
recommendations raised as Shropshire's actions, one completed, naming no child."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from assure.actions.models import Action
from assure.audit.models import Event
from assure.cdop.models import ChildDeath, Factor
from assure.partnerships.models import Partnership


@pytest.fixture
def shropshire(demo_region, db) -> Partnership:
    return Partnership.objects.get(slug="shropshire")


def _reviewed(shropshire):
    return ChildDeath.objects.filter(partnership=shropshire, status="reviewed", reviewed_on__lt=dt.date(2015, 4, 1))


def test_every_unexpected_death_reviewed_had_a_review_meeting(shropshire):
    unexpected = _reviewed(shropshire).filter(expected="unexpected")
    assert unexpected.count() == 8
    assert not unexpected.filter(review_meeting_on__isnull=True).exists()


def test_each_death_with_modifiable_factors_identified_has_a_modifiable_factor(shropshire):
    for death in _reviewed(shropshire).filter(modifiable="identified"):
        assert death.factors.filter(modifiable=True).exists(), death.reference


def test_some_factors_were_unlikely_to_have_contributed(shropshire):
    assert Factor.objects.filter(death__partnership=shropshire, contribution="unlikely").exists()


def _actions(shropshire):
    return Action.objects.filter(partnership=shropshire, source_type=ContentType.objects.get_for_model(ChildDeath))


def test_six_recommendations_were_raised_as_actions(shropshire):
    assert _actions(shropshire).count() == 6


def test_one_is_completed_and_the_others_still_open(shropshire):
    statuses = sorted(_actions(shropshire).values_list("status", flat=True))
    assert statuses.count("completed") == 1 and set(statuses) - {"completed"} <= {"open", "in_progress"}


def test_the_actions_are_labelled_by_the_deaths_reference(shropshire):
    assert all(a.source_label.startswith("Child death review CD-") for a in _actions(shropshire))


def test_no_child_is_named_in_the_actions_or_events(shropshire):
    names = set(ChildDeath.objects.exclude(child_name="").values_list("child_name", flat=True))
    said = [f"{a.title} {a.description} {a.source_label}" for a in _actions(shropshire)]
    said += [e.summary for e in Event.objects.filter(verb__startswith="cdop.")]
    assert not [text for text in said if any(name in text for name in names)]


def test_review_meetings_are_dated_as_they_happened(shropshire):
    recorded = Event.objects.filter(verb="cdop.review_meeting_recorded")
    assert recorded.exists() and all(e.occurred_at.date() < dt.date(2015, 4, 1) for e in recorded)
