"""The demo's conferences reproduce the seed's §5.8 table and §5.9 absences from their stored
answers, counted by the questionnaire engine's results."""

import pytest
from django.db import transaction

from assure.accounts.tests.factories import UserFactory
from assure.audits.demo.conferences import YES_PERCENT, conferences_demo_load, count_for
from assure.demo import region
from assure.partnerships.tests.factories import PartnershipFactory
from assure.partnerships.years import financial_year_bounds
from assure.questionnaires.models import Answer, Response
from assure.questionnaires.results import compared, percent, question_results
from assure.questionnaires.results import percent as rounded_percent

pytestmark = pytest.mark.django_db

YEARS = ("2013-14", "2014-15")


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Shropshire's demo conferences, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        partnership = PartnershipFactory(name="Shropshire Safeguarding Children Board", slug="shropshire")
        conferences_demo_load(
            partnerships={region.SHROPSHIRE: partnership},
            users={(region.SHROPSHIRE, "business-unit"): UserFactory()},
            today=None,
        )
        yield partnership
        transaction.set_rollback(True)


def _responses(partnership, year):
    first, last = financial_year_bounds(year)
    return Response.objects.filter(
        partnership=partnership, conference__held_on__gte=first, conference__held_on__lte=last
    )


def test_each_year_holds_the_reports_number_of_conferences(loaded):
    counts = [_responses(loaded, year).filter(status="submitted").count() for year in YEARS]
    assert counts == [371, 426]


def test_every_percentage_of_the_table_is_recomputed_from_the_answers(loaded):
    rows = compared(groups={year: _responses(loaded, year) for year in YEARS})
    found = {row.code: tuple(row.figure(year).percent for year in YEARS) for row in rows}
    assert found == YES_PERCENT


def test_the_conditional_question_counts_only_the_conferences_that_asked_it(loaded):
    rows = {row.code: row for row in compared(groups={"2014-15": _responses(loaded, "2014-15")})}
    saw = rows["parents-saw-report"].figure("2014-15")
    assert rows["parents-aware-of-view"].figure("2014-15").asked == saw.asked - saw.count


def test_243_conferences_had_an_agency_absent_in_2014_15_and_44_percent_the_gp(loaded):
    results = {r.code: r for r in question_results(responses=_responses(loaded, "2014-15"))}
    absent = results["agencies-absent"]
    with_absence = absent.asked - absent.choice("none").count
    assert with_absence == 243
    assert percent(absent.choice("gp").count, with_absence) == 44


def test_conferences_where_the_gp_was_absent_lacked_a_key_agency(loaded):
    answers = {}
    for response_id, question, choice, chosen in Answer.objects.filter(
        response__in=_responses(loaded, "2014-15"), question__in=["agencies-absent", "key-agencies-present"]
    ).values_list("response_id", "question", "choice", "choices"):
        answers.setdefault(response_id, {})[question] = chosen or choice
    gp_absent = [given for given in answers.values() if "gp" in given["agencies-absent"]]
    assert len(gp_absent) == 107
    assert {given["key-agencies-present"] for given in gp_absent} == {"no"}


def test_the_counts_round_to_the_percentages_asked():
    assert [rounded_percent(count_for(p, 371), 371) for p in (72, 64, 33)] == [72, 64, 33]
