"""The report blocks of case reviews and learning: case considerations, the year's reviews, the
statutory clocks met and missed, and the learning briefings published."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory
from assure.reports.blocks import compute_block
from assure.reviews.models import Briefing, Recommendation, Review
from assure.reviews.tests.factories import (
    BriefingFactory,
    IncidentFactory,
    RecommendationFactory,
    ReferralFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2015, 5, 1)


def _compute(kind: str, partnership, year: str = "2014-15", **params):
    data, problem = compute_block(
        kind=kind,
        report=SimpleNamespace(partnership=partnership, year=year, pk=1),
        section=None,
        params=params,
        today=TODAY,
    )
    assert problem == ""
    return data


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


def test_the_referrals_are_counted_by_route_and_by_decision(partnership, other_partnership):
    ReferralFactory(partnership=partnership, route="scr-criteria", decision="scr", decided_on=dt.date(2014, 7, 1))
    ReferralFactory(partnership=partnership, route="audit", decision="audit", decided_on=dt.date(2014, 8, 1))
    ReferralFactory(partnership=partnership, route="audit", submitted_at=_at(dt.date(2015, 3, 3)))
    ReferralFactory(partnership=other_partnership, route="audit")
    data = _compute("review-referrals", partnership)
    assert data.paragraphs == [
        "In 2014-15 the partnership received 3 case considerations and the chair decided 2 case considerations."
    ]
    assert data.tables[0].rows == [
        ["Meets the criteria for a serious case review", "1"],
        ["Worth auditing, or including in a themed multi-agency audit", "2"],
    ]
    assert data.tables[1].rows == [["Serious case review", "1"], ["Multi-agency audit", "1"]]


def test_the_referrals_say_so_when_none_came(partnership):
    assert _compute("review-referrals", partnership).empty == "No case was referred for consideration in 2014-15."


def test_the_case_reviews_give_each_reviews_recommendations_and_actions(partnership):
    review = ReviewFactory(
        partnership=partnership,
        reference="RV-001",
        kind="scr",
        title="A young person placed far from home",
        led_elsewhere="Westshire Safeguarding Children Board",
        decided_on=dt.date(2014, 6, 1),
    )
    first, second = (RecommendationFactory(review=review, number=n) for n in (1, 2))
    for recommendation, status in ((first, Action.Status.COMPLETED), (second, Action.Status.IN_PROGRESS)):
        ActionFactory(
            partnership=partnership,
            source_type=ContentType.objects.get_for_model(Recommendation),
            source_id=str(recommendation.pk),
            status=status,
        )
    data = _compute("case-reviews", partnership)
    assert data.tables[0].rows == [
        [
            "RV-001",
            "A young person placed far from home",
            "Serious case review",
            "Commissioned",
            "Led by Westshire Safeguarding Children Board",
            "2",
            "1 of 2",
        ]
    ]
    assert data.paragraphs[1] == (
        "2 actions were raised to carry them out, 1 of them completed (50%); 1 of the 2 recommendations have every "
        "action completed."
    )


def test_the_case_reviews_never_show_restricted_content(partnership):
    review = ReviewFactory(partnership=partnership, decided_on=dt.date(2014, 6, 1))
    data = _compute("case-reviews", partnership)
    shown = str(data.model_dump())
    assert review.terms_of_reference not in shown and review.panel not in shown


def test_the_years_reviews_take_in_those_still_going_and_leave_out_those_finished(partnership):
    ReviewFactory(partnership=partnership, reference="RV-001", decided_on=dt.date(2013, 11, 1))
    ReviewFactory(
        partnership=partnership,
        reference="RV-002",
        decided_on=dt.date(2013, 6, 1),
        status=Review.Status.COMPLETED,
        completed_on=dt.date(2014, 1, 10),
    )
    ReviewFactory(partnership=partnership, reference="RV-003", decided_on=dt.date(2015, 4, 2))
    assert [row[0] for row in _compute("case-reviews", partnership).tables[0].rows] == ["RV-001"]


def test_the_clocks_count_those_met_and_missed_in_the_year(partnership):
    # Aware on Monday 2 March 2015: the notification falls due on Monday 9 March.
    IncidentFactory(partnership=partnership, aware_on=dt.date(2015, 3, 2), notified_on=dt.date(2015, 3, 9))
    IncidentFactory(partnership=partnership, aware_on=dt.date(2015, 3, 2), notified_on=dt.date(2015, 3, 11))
    data = _compute("review-clocks", partnership)
    assert data.tables[0].rows == [["Serious incident notified to the national panel", "1", "1", "50%"]]


def test_the_clocks_say_so_when_none_stopped(partnership):
    IncidentFactory(partnership=partnership, aware_on=dt.date(2015, 3, 2))
    assert _compute("review-clocks", partnership).empty == "No statutory clock of a review stopped in 2014-15."


def test_the_briefings_published_in_the_year_by_title(partnership):
    BriefingFactory(
        partnership=partnership,
        title="Children missing from care",
        status=Briefing.Status.PUBLISHED,
        published_at=_at(dt.date(2015, 2, 10)),
    )
    BriefingFactory(partnership=partnership, title="A draft")
    data = _compute("learning-briefings", partnership)
    assert data.tables[0].rows == [["Children missing from care", "New legislation or guidance", "10 February 2015"]]
