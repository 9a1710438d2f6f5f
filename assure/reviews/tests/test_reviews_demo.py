"""The demo's case reviews (assure/reviews/demo/reviews.py), loaded into a partnership made for the
test: the serious case review another board led, the reviews the chair's decisions commissioned
(commissioned here when the referrals' part made none), their conversations, completion and
publication in fresh words naming nobody."""

import datetime as dt

import pytest

from assure.demo import region
from assure.partnerships.tests.factories import AgencyFactory
from assure.questionnaires.identifying import looks_like_a_name
from assure.reviews.demo import reviews as demo
from assure.reviews.models import Contribution, Conversation, Review
from assure.reviews.tests.factories import ReviewFactory
from tests.real_names import real_names_in

pytestmark = pytest.mark.django_db

KEYS = ("scr", "audit-1", "audit-2", "audit-3", "scie")


def _load(partnership, business_unit, chair, auditor, agency_lead, made: dict) -> dict:
    agency_keys = {*demo.CONTRIBUTORS, "shropshire-voluntary"}
    agencies = {key: AgencyFactory(partnerships=[partnership], name=f"Agency {key}") for key in agency_keys}
    demo.load(
        partnerships={region.SHROPSHIRE: partnership},
        agencies=agencies,
        users={
            (region.SHROPSHIRE, "business-unit"): business_unit,
            (region.SHROPSHIRE, "chair"): chair,
            (region.SHROPSHIRE, "auditor"): auditor,
            (region.SHROPSHIRE, "agency-lead"): agency_lead,
        },
        today=dt.date(2026, 12, 7),
        made=made,
    )
    return made


@pytest.fixture
def made(partnership, business_unit, chair, auditor, agency_lead) -> dict:
    return _load(partnership, business_unit, chair, auditor, agency_lead, {})


def test_every_review_is_handed_on_by_its_key(made):
    assert tuple(made["reviews"]) == KEYS


def test_the_reviews_the_referrals_commissioned_are_completed_not_made_again(
    partnership, business_unit, chair, auditor, agency_lead
):
    commissioned = {
        key: ReviewFactory(partnership=partnership, reference=f"RV-00{n}", kind=kind, decided_on=decided)
        for n, (key, (kind, _, decided)) in enumerate(demo.FROM_REFERRALS.items(), 1)
    }
    made = _load(partnership, business_unit, chair, auditor, agency_lead, {"referral_reviews": commissioned})
    assert all(made["reviews"][key].pk == review.pk for key, review in commissioned.items())
    assert Review.objects.count() == 5


def test_the_serious_case_review_was_led_elsewhere_and_published_in_2015(made):
    scr = made["reviews"]["scr"]
    assert (scr.kind, scr.led_elsewhere, scr.decided_on.year) == ("scr", demo.SCR["led_elsewhere"], 2014)
    assert scr.status == Review.Status.PUBLISHED and scr.published_on.year == 2015 and scr.sent_to_panel_on


def test_shropshires_agencies_chronologies_were_all_received(made):
    asked = Contribution.objects.filter(review=made["reviews"]["scr"])
    assert asked.count() == len(demo.CONTRIBUTORS) and all(c.is_received for c in asked)


def test_the_scie_review_heard_practitioners_named_by_role_only(made):
    conversations = Conversation.objects.filter(review=made["reviews"]["scie"])
    assert conversations.count() == 4
    assert not any(looks_like_a_name("a " + c.practitioner_role) for c in conversations)


def test_one_audit_was_followed_by_a_learning_event(made):
    audits = [made["reviews"][key] for key in ("audit-1", "audit-2", "audit-3")]
    assert [a.learning_event_on is not None for a in audits] == [True, False, False]


def test_every_review_ended_2014_15_completed_or_published_with_a_summary(made):
    for key in ("audit-1", "audit-2", "audit-3", "scie"):
        review = made["reviews"][key]
        assert review.status in (Review.Status.COMPLETED, Review.Status.PUBLISHED)
        assert dt.date(2014, 4, 1) <= review.completed_on <= dt.date(2015, 3, 31) and review.summary


def test_the_demo_names_no_real_person(made):
    text = "\n".join(
        f"{r.title} {r.lead_reviewer} {r.terms_of_reference} {r.panel} {r.summary}" for r in Review.objects.all()
    ) + "\n".join(c.notes for c in Conversation.objects.all())
    assert real_names_in(text) == []
