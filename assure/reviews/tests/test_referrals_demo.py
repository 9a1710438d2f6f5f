"""The demo's case considerations (assure/reviews/demo/referrals.py): Shropshire's five of 2014-15,
each considered by the Learning and Improvement subgroup and decided by the chair with its letter,
the reviews they commissioned, and the current year's two awaiting the business unit and the
chair; all from invented people, naming no child."""

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from assure.accounts.models import RestrictedGrant
from assure.partnerships.models import Partnership
from assure.reviews.demo.referrals import CURRENT_CONSIDERED, CURRENT_RECEIVED, HISTORY
from assure.reviews.models import Referral
from assure.reviews.waiting_referrals import referrals_to_acknowledge, referrals_to_decide
from tests.real_names import real_names_in


@pytest.fixture
def shropshire(demo_region, db) -> Partnership:
    return Partnership.objects.get(slug="shropshire")


def _year(shropshire):
    return Referral.objects.filter(partnership=shropshire, decided_on__lt=dt.date(2015, 4, 1))


def test_the_years_decisions(shropshire):
    assert Counter(_year(shropshire).values_list("decision", flat=True)) == {
        "audit": 3,
        "scie-systems": 1,
        "no-further-action": 1,
    }


def test_each_was_considered_by_the_learning_and_improvement_subgroup_in_2014_15(shropshire):
    for referral in _year(shropshire).select_related("considered_at__subgroup"):
        assert referral.considered_at.subgroup.name == "Learning and Improvement"
        assert dt.date(2014, 4, 1) <= referral.considered_at.held_on < dt.date(2015, 4, 1)


def test_each_was_decided_by_the_chair_with_a_letter(shropshire):
    for referral in _year(shropshire).select_related("decided_by"):
        assert referral.decided_by.email == "chair@shropshire.demo.assure.test"
        assert referral.letter.startswith(f"Dear {referral.referrer_name},")
        assert referral.letter_template is not None


def test_the_decisions_commissioned_their_reviews(shropshire):
    kinds = Counter(review.kind for referral in _year(shropshire) for review in referral.reviews.all())
    assert kinds == {"multi-agency-audit": 3, "scie-systems": 1}


def test_the_current_year_has_one_to_acknowledge_and_one_to_decide(shropshire):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    today = timezone.localdate()
    business_unit = users.get(email="business-unit@shropshire.demo.assure.test")
    chair = users.get(email="chair@shropshire.demo.assure.test")
    assert len(referrals_to_acknowledge(user=business_unit, partnership=shropshire, today=today)) == 1
    assert len(referrals_to_decide(user=chair, partnership=shropshire, today=today)) == 1


def test_the_business_unit_and_the_chair_hold_the_case_review_grant(shropshire):
    holders = set(
        RestrictedGrant.objects.filter(partnership=shropshire, area="case-review").values_list("user__email", flat=True)
    )
    assert {"business-unit@shropshire.demo.assure.test", "chair@shropshire.demo.assure.test"} <= holders


def test_no_real_person_is_named():
    for spec in (*HISTORY, CURRENT_CONSIDERED, CURRENT_RECEIVED):
        text = " ".join([spec.referrer, spec.reasons, spec.chronology, spec.notes, spec.decision_reasons, spec.title])
        assert real_names_in(text) == []
