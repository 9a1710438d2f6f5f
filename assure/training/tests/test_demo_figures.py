"""The seed's training figures, counted from the demo's records by the figures' rules."""

import pytest

from assure.demo import region
from assure.partnerships.models import Partnership
from assure.training.models import Booking, Practitioner
from assure.training.selectors.figures import figures_for_year, year_counts
from tests.real_names import real_names_in


@pytest.fixture
def shropshire(demo_region, db):
    return Partnership.objects.get(slug=region.SHROPSHIRE)


@pytest.fixture
def business_unit(shropshire):
    return shropshire.memberships.get(role="business-unit").user


def test_2013_14_is_35_sessions_and_699_delegates(shropshire):
    counts = year_counts(partnership=shropshire, year="2013-14")
    assert (counts.sessions, counts.delegates) == (35, 699)


def test_2014_15_is_42_sessions_and_948_delegates_with_the_elearning(shropshire):
    counts = year_counts(partnership=shropshire, year="2014-15")
    assert (counts.sessions, counts.delegates, counts.elearning_modules) == (42, 948, 1)


def test_the_november_2014_conference_had_179_delegates(shropshire):
    assert year_counts(partnership=shropshire, year="2014-15").conference_delegates == 179


def test_54_delegates_trained_on_compromised_parenting_in_2014_15(shropshire, business_unit):
    figures = figures_for_year(user=business_unit, partnership=shropshire, year="2014-15")
    assert [(row.label, row.now) for row in figures.priorities] == [("Compromised parenting", 54)]


def test_the_seeds_sentence_is_said(shropshire, business_unit):
    figures = figures_for_year(user=business_unit, partnership=shropshire, year="2014-15")
    assert figures.summary[0] == (
        "In 2014-15, 42 multi-agency training sessions plus 1 e-learning module reached 948 delegates, "
        "against 35 sessions and 699 delegates in 2013-14."
    )


def test_the_computed_indicators_hold_the_seeds_figures(shropshire):
    from assure.performance.models import Observation

    stored = {
        (o.indicator.code, o.period.label): int(o.value)
        for o in Observation.objects.filter(
            partnership=shropshire,
            source=Observation.Source.COMPUTED,
            indicator__code__startswith="training-",
            period__label__in=["2013-14", "2014-15"],
        ).select_related("indicator", "period")
    }
    assert stored == {
        ("training-sessions", "2013-14"): 35,
        ("training-sessions", "2014-15"): 42,
        ("training-delegates", "2013-14"): 699,
        ("training-delegates", "2014-15"): 948,
        ("training-conference-delegates", "2013-14"): 124,
        ("training-conference-delegates", "2014-15"): 179,
        ("training-elearning-completions", "2013-14"): 0,
        ("training-elearning-completions", "2014-15"): 150,
    }


def test_a_session_to_come_has_a_waiting_list(shropshire):
    assert Booking.objects.filter(partnership=shropshire, status=Booking.Status.WAITING).exists()


def test_the_demo_practitioner_has_a_profile_and_bookings(shropshire):
    persona = Practitioner.objects.get(partnership=shropshire, user__email__startswith="practitioner@")
    assert persona.bookings.exists()


def test_no_practitioner_is_a_real_person(shropshire):
    names = Practitioner.objects.filter(partnership=shropshire).values_list("user__full_name", flat=True)
    assert [name for name in names if real_names_in(name)] == []
