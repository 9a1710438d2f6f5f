"""The reviews' figures of the core dataset, each counted from records."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory
from assure.core.computations import computation_named
from assure.reviews.models import Briefing, Recommendation, Referral, Review
from assure.reviews.tests.factories import (
    BriefingFactory,
    IncidentFactory,
    RecommendationFactory,
    ReferralFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db


def _figures(name: str, partnership, **parameters) -> dict:
    found = computation_named(name).compute(partnership=partnership, parameters=parameters)
    return {f.year: (f.numerator, f.denominator) for f in found}


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


def test_referrals_received_are_counted_by_the_day_submitted(partnership, other_partnership):
    ReferralFactory(partnership=partnership, submitted_at=_at(dt.date(2014, 6, 2)))
    ReferralFactory(partnership=partnership, submitted_at=_at(dt.date(2015, 4, 1)))
    ReferralFactory(partnership=partnership, submitted_at=None, status=Referral.Status.AWAITING_CONFIRMATION)
    ReferralFactory(partnership=other_partnership, submitted_at=_at(dt.date(2014, 6, 2)))
    assert _figures("reviews.referrals_received", partnership) == {
        "2014-15": (Decimal(1), None),
        "2015-16": (Decimal(1), None),
    }


def test_referrals_received_on_one_route(partnership):
    ReferralFactory(partnership=partnership, route="scr-criteria")
    ReferralFactory(partnership=partnership, route="audit")
    assert _figures("reviews.referrals_received", partnership, route="scr-criteria") == {"2014-15": (Decimal(1), None)}


def test_referrals_decided_with_one_decision(partnership):
    ReferralFactory(partnership=partnership, decision="scr", decided_on=dt.date(2014, 9, 1))
    ReferralFactory(partnership=partnership, decision="audit", decided_on=dt.date(2014, 10, 1))
    ReferralFactory(partnership=partnership)  # not decided
    assert _figures("reviews.referrals_decided", partnership) == {"2014-15": (Decimal(2), None)}
    assert _figures("reviews.referrals_decided", partnership, decision="scr") == {"2014-15": (Decimal(1), None)}


def test_reviews_commissioned_by_type(partnership):
    ReviewFactory(partnership=partnership, kind="scr", decided_on=dt.date(2014, 5, 1))
    ReviewFactory(partnership=partnership, kind="multi-agency-audit", decided_on=dt.date(2014, 11, 1))
    ReviewFactory(partnership=partnership, kind="scr", decided_on=dt.date(2015, 5, 1), status=Review.Status.CANCELLED)
    assert _figures("reviews.reviews_commissioned", partnership, kind="scr") == {
        "2014-15": (Decimal(1), None),
        "2015-16": (Decimal(1), None),
    }
    assert _figures("reviews.reviews_commissioned", partnership)["2014-15"] == (Decimal(2), None)


def test_reviews_published_by_the_day_of_publication(partnership):
    ReviewFactory(partnership=partnership, status=Review.Status.PUBLISHED, published_on=dt.date(2015, 3, 2))
    ReviewFactory(partnership=partnership, status=Review.Status.COMPLETED)
    assert _figures("reviews.reviews_published", partnership) == {"2014-15": (Decimal(1), None)}


def test_clocks_met_count_the_notifications_stopped_in_the_year(partnership):
    # Aware on Monday 2 March 2026: due the 5th working day after, Monday 9 March.
    IncidentFactory(partnership=partnership, aware_on=dt.date(2026, 3, 2), notified_on=dt.date(2026, 3, 9))
    IncidentFactory(partnership=partnership, aware_on=dt.date(2026, 3, 2), notified_on=dt.date(2026, 3, 10))
    IncidentFactory(partnership=partnership, aware_on=dt.date(2026, 3, 2))  # not notified yet: not counted
    assert _figures("reviews.clocks_met_percent", partnership, clock="serious-incident-notification") == {
        "2025-26": (Decimal(1), Decimal(2))
    }


def test_clocks_met_count_the_rapid_reviews_by_the_day_sent(partnership):
    # Notified on Wednesday 1 April 2026: 15 working days (Good Friday and Easter Monday left out)
    # fall due on Friday 24 April.
    IncidentFactory(
        partnership=partnership,
        aware_on=dt.date(2026, 3, 30),
        notified_on=dt.date(2026, 4, 1),
        rapid_review_on=dt.date(2026, 4, 24),
    )
    assert _figures("reviews.clocks_met_percent", partnership, clock="rapid-review") == {
        "2026-27": (Decimal(1), Decimal(1))
    }


def test_recommendations_done_are_those_whose_actions_are_all_completed(partnership):
    review = ReviewFactory(partnership=partnership, decided_on=dt.date(2014, 7, 1))
    done, partly, bare = (RecommendationFactory(review=review, number=n) for n in (1, 2, 3))

    def action(recommendation, status):
        ActionFactory(
            partnership=partnership,
            source_type=ContentType.objects.get_for_model(Recommendation),
            source_id=str(recommendation.pk),
            status=status,
        )

    action(done, Action.Status.COMPLETED)
    action(done, Action.Status.CANCELLED)
    action(partly, Action.Status.COMPLETED)
    action(partly, Action.Status.IN_PROGRESS)
    RecommendationFactory(review=ReviewFactory(partnership=partnership, status=Review.Status.CANCELLED), number=1)
    assert _figures("reviews.recommendations_done_percent", partnership) == {"2014-15": (Decimal(1), Decimal(3))}


def test_briefings_published_by_the_day_first_published(partnership):
    BriefingFactory(partnership=partnership, status=Briefing.Status.PUBLISHED, published_at=_at(dt.date(2015, 2, 1)))
    BriefingFactory(partnership=partnership, status=Briefing.Status.WITHDRAWN, published_at=_at(dt.date(2015, 3, 1)))
    BriefingFactory(partnership=partnership)  # a draft
    assert _figures("reviews.briefings_published", partnership) == {"2014-15": (Decimal(2), None)}


def test_the_figures_of_the_years_asked_only(partnership):
    ReviewFactory(partnership=partnership, decided_on=dt.date(2014, 5, 1))
    ReviewFactory(partnership=partnership, decided_on=dt.date(2016, 5, 1))
    found = computation_named("reviews.reviews_commissioned").compute(
        partnership=partnership, parameters={}, years=["2016-17"]
    )
    assert [f.year for f in found] == ["2016-17"]
