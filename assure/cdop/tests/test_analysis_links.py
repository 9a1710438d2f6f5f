"""The case consideration a child death review links to: offered through the reviews' registration
point for the "referral" use only, and only those the person may see."""

import pytest

from assure.core.links import linkable_kinds, linked_record
from assure.reviews.tests.factories import ReferralFactory


def test_case_considerations_serve_the_referral_use_only():
    assert "reviews.referral" in {k.key for k in linkable_kinds(use="referral")}
    assert "reviews.referral" not in {k.key for k in linkable_kinds(use="challenge")}


def test_only_case_considerations_serve_the_referral_use():
    assert {k.key for k in linkable_kinds(use="referral")} == {"reviews.referral"}


@pytest.mark.django_db
def test_a_panel_member_is_offered_their_own_case_considerations(panel_member, partnership):
    own = ReferralFactory(partnership=partnership, referred_by=panel_member)
    ReferralFactory(partnership=partnership)
    kind = next(k for k in linkable_kinds(use="referral") if k.key == "reviews.referral")
    assert [pk for pk, _ in kind.choices(user=panel_member, partnership=partnership)] == [str(own.pk)]


@pytest.mark.django_db
def test_someone_elses_case_consideration_is_not_found(panel_member, partnership):
    other = ReferralFactory(partnership=partnership)
    assert linked_record(user=panel_member, partnership=partnership, key="reviews.referral", pk=str(other.pk)) is None
