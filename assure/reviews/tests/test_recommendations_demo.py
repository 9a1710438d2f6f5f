"""The demo's findings, recommendations and action plans, read in the shared demo region."""

import datetime as dt

import pytest

from assure.actions.models import Action
from assure.demo import region
from assure.reviews.demo import recommendations as demo
from assure.reviews.models import Review
from assure.reviews.waiting_recommendations import without_actions
from tests.real_names import real_names_in

pytestmark = pytest.mark.django_db

AGENCY_KEYS = ("shropshire-csc", "sssft", "police", "shropshire-ccg")


def test_nothing_is_written_without_the_reviews(partnership, business_unit):
    made: dict = {}
    demo.load(partnerships={}, agencies={}, users={}, today=dt.date(2026, 12, 7), made=made)
    assert made == {}


def test_the_demos_words_name_no_real_person():
    texts = [text for plan in demo.PLANS for text in plan.findings]
    texts += [r.text for plan in demo.PLANS for r in plan.recommendations]
    texts += [a.owner_name + a.title for plan in demo.PLANS for r in plan.recommendations for a in r.actions]
    assert [name for text in texts for name in real_names_in(text)] == []


# --- in the demo region --------------------------------------------------------------------------


@pytest.fixture
def region_demo(demo_region, db):
    """The shared demo region (conftest.py), each test in a transaction of its own."""
    return demo_region


def test_the_demos_serious_case_review_has_its_action_plan(region_demo):
    scr = Review.objects.get(partnership__slug=region.SHROPSHIRE, kind="scr")
    assert (scr.findings.count(), scr.recommendations.count(), scr.progress_reports.count()) == (5, 5, 2)


def test_the_demos_annual_report_shows_the_years_case_reviews(region_demo):
    from assure.reports.models import Block, Report

    report = Report.objects.get(partnership__slug=region.SHROPSHIRE, kind=Report.Kind.ANNUAL, year="2014-15")
    data = Block.objects.get(section__report=report, kind="case-reviews").data
    references = [row[0] for row in data["tables"][0]["rows"]]
    scr = Review.objects.get(partnership__slug=region.SHROPSHIRE, kind="scr")
    assert scr.reference in references and len(references) == 5


def _review_actions():
    from django.contrib.contenttypes.models import ContentType

    from assure.reviews.models import Recommendation

    return Action.objects.filter(
        partnership__slug=region.SHROPSHIRE, source_type=ContentType.objects.get_for_model(Recommendation)
    )


def test_the_serious_case_reviews_recommendations_answer_its_findings(region_demo):
    scr = Review.objects.get(partnership__slug=region.SHROPSHIRE, kind="scr")
    assert [r.finding.number for r in scr.recommendations.order_by("number")] == [5, 3, 1, 4, 2]


def test_some_actions_are_completed_and_some_in_progress_none_overdue(region_demo):
    actions = _review_actions()
    assert set(actions.values_list("status", flat=True)) == {Action.Status.COMPLETED, Action.Status.IN_PROGRESS}
    assert not actions.filter(status=Action.Status.IN_PROGRESS, due_on__lt=dt.date.today()).exists()


def test_every_action_names_its_review_and_recommendation(region_demo):
    labels = set(_review_actions().values_list("source_label", flat=True))
    assert labels and all(label.startswith("RV-") and " recommendation " in label for label in labels)


def test_one_recommendation_waits_for_its_actions(region_demo):
    from assure.partnerships.models import Partnership

    [waiting] = without_actions(Partnership.objects.get(slug=region.SHROPSHIRE))
    assert waiting.review.kind == "scie-systems"
