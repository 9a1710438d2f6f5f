"""The demo's findings, recommendations and action plans, written into reviews made for the test
(the whole demo region is loaded by the reviews part's own demo test)."""

import datetime as dt

import pytest

from assure.actions.models import Action
from assure.demo import region
from assure.partnerships.tests.factories import AgencyFactory, MeetingFactory, SubgroupFactory
from assure.reviews.demo import recommendations as demo
from assure.reviews.models import Review
from assure.reviews.tests.factories import ReviewFactory
from assure.reviews.waiting_recommendations import without_actions
from tests.real_names import real_names_in

pytestmark = pytest.mark.django_db

AGENCY_KEYS = ("shropshire-csc", "sssft", "police", "shropshire-ccg")


@pytest.fixture
def loaded(partnership, business_unit):
    agencies = {key: AgencyFactory(partnerships=[partnership], name=f"Agency {key}") for key in AGENCY_KEYS}
    subgroup = SubgroupFactory(partnership=partnership, name=demo.SUBGROUP)
    for held_on in (dt.date(2014, 11, 27), dt.date(2015, 2, 26)):
        MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=held_on)
    reviews = {
        key: ReviewFactory(partnership=partnership, reference=f"RV-00{n}", kind=kind, status=Review.Status.COMPLETED)
        for n, (key, kind) in enumerate(
            (("scr", "scr"), ("scie", "scie-systems"), ("audit-1", "multi-agency-audit")), 1
        )
    }
    made = {"reviews": reviews}
    demo.load(
        partnerships={region.SHROPSHIRE: partnership},
        agencies=agencies,
        users={(region.SHROPSHIRE, "business-unit"): business_unit},
        today=dt.date(2026, 12, 7),
        made=made,
    )
    return reviews


def test_nothing_is_written_without_the_reviews(partnership, business_unit):
    made: dict = {}
    demo.load(partnerships={}, agencies={}, users={}, today=dt.date(2026, 12, 7), made=made)
    assert made == {}


def test_the_serious_case_reviews_five_findings_become_an_action_plan(loaded):
    scr = loaded["scr"]
    assert scr.findings.count() == 5
    assert [r.finding.number for r in scr.recommendations.order_by("number")] == [5, 3, 1, 4, 2]
    assert scr.progress_reports.count() == 2


def test_some_actions_are_completed_and_some_in_progress(loaded):
    statuses = set(Action.objects.values_list("status", flat=True))
    assert statuses == {Action.Status.COMPLETED, Action.Status.IN_PROGRESS}
    assert not Action.objects.filter(status=Action.Status.IN_PROGRESS, due_on__lt=dt.date(2026, 12, 7)).exists()


def test_every_action_names_its_review_and_recommendation(loaded):
    labels = set(Action.objects.values_list("source_label", flat=True))
    assert "RV-001 recommendation 1" in labels
    assert all(label.startswith("RV-00") for label in labels)


def test_one_recommendation_waits_for_its_actions(loaded, partnership):
    [waiting] = without_actions(partnership)
    assert waiting.review == loaded["scie"]


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
