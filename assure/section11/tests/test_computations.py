"""Section 11 compliance counted from the returns: only accepted returns, moderated ratings over
self-ratings, the partnership's own agencies, by cycle year; and counted again, at once, when a
return is accepted or reopened."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.models import Observation
from assure.performance.tests.factories import PriorityFactory, ScorecardLineFactory, computed_indicator
from assure.section11.computations import compliance_percent
from assure.section11.models import Return
from assure.section11.services.moderation import response_moderate, return_accept, return_reopen

from .factories import CycleFactory, ReturnFactory

Status = Return.Status


@pytest.fixture
def cycle(partnership):
    return CycleFactory(lead_partnership=partnership)


@pytest.fixture
def compliance(cycle):
    """An indicator counted from the accepted returns of the test framework's cycles."""
    return computed_indicator(
        "test-s11-compliance",
        computation="section11.compliance_percent",
        parameters={"framework": cycle.framework.code},
    )


def handed_in(cycle, agency, ratings: dict[str, str], status=Status.SUBMITTED) -> Return:
    """A return of the agency with its applicable criteria rated (criterion -> rag level)."""
    return_record = ReturnFactory(cycle=cycle, agency=agency, status=status)
    for ref, rating in ratings.items():
        return_record.responses.filter(criterion=ref, not_applicable=False).update(self_rating=rating)
    return return_record


# The test framework asks 1.1, 1.2 and 2.1 of an agency that is not a school (2.2 is for schools).
TWO_OF_THREE = {"1.1": "green", "1.2": "green", "2.1": "red"}
THREE_OF_THREE = {"1.1": "green", "1.2": "green", "2.1": "green"}


def figures(partnership, cycle, **kwargs):
    return [
        (f.year, f.numerator, f.denominator, f.counted_from)
        for f in compliance_percent(partnership=partnership, framework=cycle.framework.code, **kwargs)
    ]


def test_accepted_returns_count_compliant_criteria_out_of_those_rated(partnership, cycle, agency):
    handed_in(cycle, agency, TWO_OF_THREE, status=Status.ACCEPTED)
    assert figures(partnership, cycle) == [("2014-15", 2, 3, "1 Section 11 return")]


def test_returns_not_yet_accepted_do_not_count(partnership, cycle, agency):
    handed_in(cycle, agency, THREE_OF_THREE, status=Status.SUBMITTED)
    handed_in(cycle, AgencyFactory(partnerships=[partnership]), THREE_OF_THREE, status=Status.UNDER_CHALLENGE)
    assert figures(partnership, cycle) == []


def test_the_moderated_rating_counts_over_the_agencys_own(auditor, partnership, cycle, agency):
    return_record = handed_in(cycle, agency, THREE_OF_THREE)
    response = return_record.responses.get(criterion="2.1")
    response_moderate(
        actor=auditor, partnership=partnership, response=response, moderated_rating="amber", note="Policy only."
    )
    return_accept(actor=auditor, partnership=partnership, return_record=return_record)
    assert figures(partnership, cycle) == [("2014-15", 2, 3, "1 Section 11 return")]


def test_only_the_partnerships_own_agencies_count(partnership, other_partnership, agency):
    regional = CycleFactory(lead_partnership=partnership, partnerships=[partnership, other_partnership])
    handed_in(regional, agency, THREE_OF_THREE, status=Status.ACCEPTED)
    theirs = AgencyFactory(partnerships=[other_partnership])
    handed_in(regional, theirs, TWO_OF_THREE, status=Status.ACCEPTED)
    assert figures(partnership, regional) == [("2014-15", 3, 3, "1 Section 11 return")]
    assert figures(other_partnership, regional) == [("2014-15", 2, 3, "1 Section 11 return")]


def test_each_cycle_year_has_its_own_figure(partnership, cycle, agency):
    earlier = CycleFactory(lead_partnership=partnership, framework=cycle.framework, year="2013-14")
    handed_in(earlier, agency, TWO_OF_THREE, status=Status.ACCEPTED)
    handed_in(cycle, agency, THREE_OF_THREE, status=Status.ACCEPTED)
    assert [year for year, *_ in figures(partnership, cycle)] == ["2013-14", "2014-15"]
    assert [year for year, *_ in figures(partnership, cycle, years={"2013-14"})] == ["2013-14"]


def test_another_frameworks_cycles_do_not_count(partnership, cycle, agency):
    handed_in(CycleFactory(lead_partnership=partnership), agency, THREE_OF_THREE, status=Status.ACCEPTED)
    assert figures(partnership, cycle) == []


# --- counted again when a return is accepted or reopened ----------------------------------------


def computed_figure(indicator, partnership) -> Observation | None:
    return Observation.objects.filter(
        source=Observation.Source.COMPUTED, indicator=indicator, partnership=partnership
    ).first()


def test_accepting_a_return_changes_the_computed_figure_and_the_scorecard_shows_it_at_once(
    client, auditor, board_member, partnership, cycle, agency, compliance
):
    ScorecardLineFactory(priority=PriorityFactory(partnership=partnership), indicator=compliance)
    first = handed_in(cycle, agency, TWO_OF_THREE)
    return_accept(actor=auditor, partnership=partnership, return_record=first)
    client.force_login(board_member)
    url = reverse("performance:scorecard", kwargs={"partnership": partnership.slug})
    before = client.get(url).content.decode()  # written to the cache
    assert "66.7%" in before and "Computed from 1 Section 11 return on" in before

    second = handed_in(cycle, AgencyFactory(partnerships=[partnership]), THREE_OF_THREE)
    return_accept(actor=auditor, partnership=partnership, return_record=second)

    assert computed_figure(compliance, partnership).value == Decimal("83.3333")
    after = client.get(url).content.decode()
    assert "83.3%" in after and "66.7%" not in after
    assert "Computed from 2 Section 11 returns on" in after


def test_the_provenance_names_the_returns_it_was_counted_from(auditor, partnership, cycle, agency, compliance):
    return_accept(actor=auditor, partnership=partnership, return_record=handed_in(cycle, agency, TWO_OF_THREE))
    figure = computed_figure(compliance, partnership)
    assert figure.provenance.startswith("computed from 1 Section 11 return on ")
    assert (figure.numerator, figure.denominator) == (2, 3)


def test_reopening_the_only_accepted_return_removes_the_figure(auditor, partnership, cycle, agency, compliance):
    return_record = handed_in(cycle, agency, TWO_OF_THREE)
    return_accept(actor=auditor, partnership=partnership, return_record=return_record)
    return_reopen(actor=auditor, partnership=partnership, return_record=return_record, reason="Evidence missing.")
    assert computed_figure(compliance, partnership) is None
