"""What case considerations have waiting on the home page: referrals to acknowledge and to take to
the subgroup for the business unit, referrals to decide for the chair; in a constant number of
queries."""

import datetime as dt

from assure.reviews.models import Referral
from assure.reviews.tests.factories import ReferralFactory
from assure.reviews.waiting_referrals import (
    TO_ACKNOWLEDGE,
    TO_CONSIDER,
    TO_DECIDE,
    referrals_to_acknowledge,
    referrals_to_consider,
    referrals_to_decide,
)

TODAY = dt.date(2026, 12, 7)


def test_the_business_unit_has_referrals_to_acknowledge(partnership, business_unit, received_referral):
    items = referrals_to_acknowledge(user=business_unit, partnership=partnership, today=TODAY)
    assert [(i.kind, i.url) for i in items] == [
        (TO_ACKNOWLEDGE, f"/p/northshire/reviews/referrals/{received_referral.pk}/acknowledge/")
    ]


def test_the_business_unit_has_referrals_to_consider(partnership, business_unit, received_referral):
    received_referral.status = Referral.Status.ACKNOWLEDGED
    received_referral.save()
    items = referrals_to_consider(user=business_unit, partnership=partnership, today=TODAY)
    assert [i.kind for i in items] == [TO_CONSIDER]
    assert referrals_to_acknowledge(user=business_unit, partnership=partnership, today=TODAY) == []


def test_the_chair_has_referrals_to_decide(partnership, chair, considered_referral):
    items = referrals_to_decide(user=chair, partnership=partnership, today=TODAY)
    assert [(i.kind, i.url) for i in items] == [
        (TO_DECIDE, f"/p/northshire/reviews/referrals/{considered_referral.pk}/decide/")
    ]
    assert "Multi-agency audit" in items[0].detail


def test_nothing_waits_for_those_who_may_not_act(partnership, board_member, chair, business_unit, considered_referral):
    assert referrals_to_decide(user=business_unit, partnership=partnership, today=TODAY) == []
    assert referrals_to_decide(user=board_member, partnership=partnership, today=TODAY) == []
    assert referrals_to_acknowledge(user=chair, partnership=partnership, today=TODAY) == []


def test_referrals_awaiting_confirmation_wait_for_no_one(partnership, business_unit, agency):
    ReferralFactory(
        partnership=partnership, lead_agency=agency, status=Referral.Status.AWAITING_CONFIRMATION, referred_by=None
    )
    assert referrals_to_acknowledge(user=business_unit, partnership=partnership, today=TODAY) == []


def test_another_partnerships_referrals_do_not_wait_here(partnership, other_partnership, business_unit):
    ReferralFactory(partnership=other_partnership)
    assert referrals_to_acknowledge(user=business_unit, partnership=partnership, today=TODAY) == []


def test_the_items_read_in_a_constant_number_of_queries(
    partnership, agency, chair, subgroup_meeting, django_assert_max_num_queries
):
    for number in range(8):
        ReferralFactory(
            partnership=partnership,
            lead_agency=agency,
            status=Referral.Status.CONSIDERED,
            considered_at=subgroup_meeting,
            recommendation="audit",
            reference=f"CC-{number + 1:03d}",
        )
    with django_assert_max_num_queries(8):
        assert len(referrals_to_decide(user=chair, partnership=partnership, today=TODAY)) == 8


def test_the_menu_says_what_waits_for_the_business_unit_and_the_chair(
    client, partnership, business_unit, chair, considered_referral, agency
):
    from django.urls import reverse

    ReferralFactory(partnership=partnership, lead_agency=agency, reference="CC-002")
    landing = reverse("menu:reviews", kwargs={"partnership": partnership.slug})
    client.force_login(business_unit)
    assert "1 to acknowledge or consider" in client.get(landing).content.decode()
    client.force_login(chair)
    assert "1 to decide" in client.get(landing).content.decode()
