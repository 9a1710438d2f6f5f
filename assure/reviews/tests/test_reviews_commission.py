"""Commissioning a review: numbered in its partnership, the business unit's to do unless another
service has authorised it (the chair's decision, a rapid review's outcome), a type of the scheme,
the partnership's own agencies, the event and the figures told."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.core import computations
from assure.reviews.models import Review
from assure.reviews.services.reviews import review_commission, review_update
from assure.reviews.tests.factories import ReferralFactory, ReviewFactory

pytestmark = pytest.mark.django_db

DECIDED = dt.date(2014, 9, 1)


def _commission(actor, partnership, **extra):
    values = {"kind": "learning-review", "title": "A young person placed far from home", "decided_on": DECIDED}
    return review_commission(actor=actor, partnership=partnership, **{**values, **extra})


def test_the_first_review_is_rv_001_and_the_next_rv_002(business_unit, partnership):
    assert _commission(business_unit, partnership).reference == "RV-001"
    assert _commission(business_unit, partnership).reference == "RV-002"


def test_numbering_follows_the_highest_reference_of_the_partnership_only(business_unit, partnership, other_partnership):
    ReviewFactory(partnership=partnership, reference="RV-009")
    ReviewFactory(partnership=other_partnership, reference="RV-040")
    assert _commission(business_unit, partnership).reference == "RV-010"


def test_only_the_business_unit_commissions_a_review_of_its_own_accord(chair, partnership):
    with pytest.raises(PermissionDenied):
        _commission(chair, partnership)
    assert not Review.objects.exists()


def test_an_agency_lead_cannot_commission_a_review(agency_lead, partnership):
    with pytest.raises(PermissionDenied):
        _commission(agency_lead, partnership)


def test_a_review_authorised_by_the_chairs_decision_needs_no_manage_permission(chair, partnership):
    referral = ReferralFactory(partnership=partnership)
    review = _commission(chair, partnership, kind="scr", referral=referral, authorised=True)
    assert (review.reference, review.referral, review.created_by) == ("RV-001", referral, chair)


def test_a_type_not_in_the_scheme_is_refused(business_unit, partnership):
    with pytest.raises(ValidationError) as refused:
        _commission(business_unit, partnership, kind="inquiry")
    assert "kind" in refused.value.message_dict


def test_an_agency_of_another_partnership_is_refused(business_unit, partnership, other_partnership):
    from assure.partnerships.tests.factories import AgencyFactory

    stranger = AgencyFactory(name="Southshire Police", partnerships=[other_partnership])
    with pytest.raises(ValidationError) as refused:
        _commission(business_unit, partnership, agencies=[stranger])
    assert "agencies" in refused.value.message_dict


def test_a_referral_of_another_partnership_is_refused(business_unit, partnership, other_partnership):
    with pytest.raises(ValidationError) as refused:
        _commission(business_unit, partnership, referral=ReferralFactory(partnership=other_partnership))
    assert "referral" in refused.value.message_dict


def test_a_decision_in_the_future_is_refused(business_unit, partnership):
    with pytest.raises(ValidationError) as refused:
        _commission(business_unit, partnership, decided_on=dt.date.today() + dt.timedelta(days=3))
    assert "decided_on" in refused.value.message_dict


def test_the_agencies_are_kept_and_the_commission_recorded(business_unit, partnership, agency):
    review = _commission(business_unit, partnership, agencies=[agency], lead_reviewer="An independent reviewer")
    assert list(review.agencies.all()) == [agency]
    event = Event.objects.get(verb="reviews.review_commissioned")
    assert event.target_id == str(review.pk)
    assert "RV-001" in event.summary


def test_commissioning_tells_the_figures_of_the_decisions_year(business_unit, partnership, monkeypatch):
    told = []
    monkeypatch.setattr(computations, "_on_records_changed", [lambda owner, **kw: told.append((owner, kw))])
    _commission(business_unit, partnership)
    assert told == [("reviews", {"partnership_ids": [partnership.pk], "years": ["2014-15"]})]


def test_an_update_names_the_fields_changed_and_never_the_terms_of_reference(business_unit, partnership):
    review = _commission(business_unit, partnership, terms_of_reference="How agencies shared information.")
    changed = review_update(actor=business_unit, review=review, terms_of_reference="What agencies knew.")
    assert changed == ["terms_of_reference"]
    event = Event.objects.get(verb="reviews.review_changed")
    assert "What agencies knew" not in event.summary + str(event.data)


def test_an_update_that_changes_nothing_records_nothing(business_unit, partnership):
    review = _commission(business_unit, partnership)
    assert review_update(actor=business_unit, review=review, title=review.title) == []
    assert not Event.objects.filter(verb="reviews.review_changed").exists()


def test_a_published_review_cannot_be_changed(business_unit, partnership):
    review = ReviewFactory(partnership=partnership, status=Review.Status.PUBLISHED)
    with pytest.raises(PermissionDenied):
        review_update(actor=business_unit, review=review, title="Another title")
