"""The results of evaluations: return rates and the change in confidence computed on a small set,
and the quotes of a year, as the results page and the annual report read them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from assure.partnerships.years import financial_year_of
from assure.training.models import Quote, Session
from assure.training.selectors.evaluations import (
    confidence_change,
    evaluation_rates,
    evaluations_for_session_page,
    quotes_for_year,
)
from assure.training.tests.evaluation_helpers import answered, attended_booking, held_session
from assure.training.tests.factories import BookingFactory, EvaluationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    return financial_year_of(timezone.localdate() - dt.timedelta(days=3))


@pytest.fixture
def small_set(course):
    """One session held three days ago: four delegates attended, one did not come. Three gave their
    evaluation after the course; two of them also before. Two follow-ups were sent, one returned."""
    session = held_session(course)
    first, second, third, fourth = (attended_booking(session) for _ in range(4))
    BookingFactory(session=session, attendance="no-show")
    answered(first, "before", scores=(2, 3, 1))
    answered(second, "before", scores=(3, 3, 2))
    answered(first, "after", scores=(4, 4, 3))
    answered(second, "after", scores=(5, 4, 4))
    answered(third, "after", scores=(4, 5, 3))
    answered(fourth, "after", scores=(1, 1, 1), submit=False)  # started, not submitted: not counted
    answered(first, "follow-up")
    EvaluationFactory(booking=second, stage="follow-up", sent_at=timezone.now())
    return session


def test_after_course_return_rate(small_set, partnership, year):
    rates = evaluation_rates(partnership=partnership, year=year)
    assert (rates["attended"], rates["after_returned"], rates["after_percent"]) == (4, 3, 75)


def test_follow_up_return_rate(small_set, partnership, year):
    rates = evaluation_rates(partnership=partnership, year=year)
    assert (rates["follow_up_sent"], rates["follow_up_returned"], rates["follow_up_percent"]) == (2, 1, 50)


def test_confidence_before_and_after_each_outcome(small_set, partnership, year):
    first = confidence_change(partnership=partnership, year=year)[0]
    # Before: 2 and 3, mean 2.5; after: 4, 5 and 4, mean 4.3; change 1.8.
    assert (first["before"], first["after"], first["change"]) == (Decimal("2.5"), Decimal("4.3"), Decimal("1.8"))


def test_confidence_is_given_per_outcome_of_the_course(small_set, partnership, year):
    assert len(confidence_change(partnership=partnership, year=year)) == 3


def test_a_cancelled_session_is_not_counted(small_set, partnership, year):
    Session.objects.filter(pk=small_set.pk).update(status=Session.Status.CANCELLED)
    assert evaluation_rates(partnership=partnership, year=year)["attended"] == 0


def test_another_year_is_not_counted(small_set, partnership, year):
    earlier = f"{int(year[:4]) - 1}-{int(year[:4]) % 100:02d}"
    assert evaluation_rates(partnership=partnership, year=earlier)["attended"] == 0


def test_nothing_asked_gives_no_rate(partnership, year):
    assert evaluation_rates(partnership=partnership, year=year)["after_percent"] is None


def test_session_page_shows_its_own_rates_to_the_business_unit(small_set, business_unit, partnership):
    shown = evaluations_for_session_page(user=business_unit, partnership=partnership, session=small_set)
    assert shown["evaluation_rates"].after_percent == 75


def test_session_page_shows_nothing_of_evaluations_to_a_practitioner(small_set, practitioner, partnership):
    assert evaluations_for_session_page(user=practitioner, partnership=partnership, session=small_set) == {}


def test_quotes_for_year_are_the_chosen_words(small_set, partnership, year):
    evaluation = small_set.bookings.filter(evaluations__stage="after").first().evaluations.get(stage="after")
    Quote.objects.create(
        partnership=partnership, evaluation=evaluation, question="after-differently", text="A", year=year
    )
    assert quotes_for_year(partnership=partnership, year=year) == ["A"]
