"""The demo's 2014-15 evaluations: their return rates, the confidence change and the answers given
on the questionnaires, counted by the rules of ``selectors/evaluations.py``."""

import pytest

from assure.demo import region
from assure.partnerships.models import Partnership
from assure.training.models import Evaluation, Quote
from assure.training.selectors.evaluations import confidence_change, evaluation_rates, evaluation_results


@pytest.fixture
def shropshire(demo_region, db):
    return Partnership.objects.get(slug=region.SHROPSHIRE)


@pytest.fixture
def business_unit(shropshire):
    return shropshire.memberships.get(role="business-unit").user


def test_72_percent_of_2014_15_delegates_returned_the_after_course_evaluation(shropshire):
    rates = evaluation_rates(partnership=shropshire, year="2014-15")
    assert (rates["attended"], rates["after_returned"], rates["after_percent"]) == (977, 707, 72)


def test_25_percent_of_2014_15_follow_ups_were_returned(shropshire):
    rates = evaluation_rates(partnership=shropshire, year="2014-15")
    assert (rates["follow_up_sent"], rates["follow_up_returned"], rates["follow_up_percent"]) == (977, 244, 25)


def test_fewer_return_the_follow_up_than_the_after_course_evaluation(shropshire):
    rates = evaluation_rates(partnership=shropshire, year="2014-15")
    assert rates["follow_up_percent"] < rates["after_percent"]


def test_confidence_rises_on_every_outcome_of_2014_15(shropshire):
    changes = confidence_change(partnership=shropshire, year="2014-15")
    assert len(changes) == 27
    assert all(row["change"] > 0 for row in changes)


def test_every_submitted_evaluation_has_a_submitted_response(shropshire):
    submitted = Evaluation.objects.filter(booking__partnership=shropshire, submitted_at__isnull=False)
    assert submitted.exists()
    assert not submitted.exclude(response__status="submitted").exists()


def test_the_after_questionnaires_results_are_shown_per_question(shropshire, business_unit):
    results = evaluation_results(user=business_unit, partnership=shropshire, year="2014-15")
    content = next(q for q in results.after_questions if q.code == "after-content")
    assert content.answered == 707
    assert content.mean >= 3


def test_the_follow_up_questionnaires_results_are_shown_per_question(shropshire, business_unit):
    results = evaluation_results(user=business_unit, partnership=shropshire, year="2014-15")
    recommend = next(q for q in results.follow_up_questions if q.code == "follow-up-recommend")
    assert recommend.answered == 244


def test_each_quote_is_the_delegates_own_answer(shropshire):
    quotes = list(Quote.objects.filter(partnership=shropshire).select_related("evaluation__response"))
    assert len(quotes) == 3
    assert all(quote.evaluation.response.values()[quote.question] == quote.text for quote in quotes)
