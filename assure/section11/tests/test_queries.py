"""How many queries the Section 11 pages and the reminders take: as many for many rows as for
few, computed afresh and from the cache, and the framework's rating scales looked up once per
request."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assure.actions.tests.factories import ActionFactory
from assure.partnerships.tests.factories import AgencyFactory
from assure.section11.models import Return
from assure.section11.services.reminders import reminders_due
from conftest import make_member

from .factories import (
    ChallengeMessageFactory,
    CycleFactory,
    EvidenceFileFactory,
    ReturnFactory,
    Section11FrameworkFactory,
    framework_data,
)

TODAY = dt.date.today()


def _url(name, partnership, pk):
    return reverse(f"section11:{name}", kwargs={"partnership": partnership.slug, "pk": pk})


def _queries(call) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        call()
    return [q["sql"] for q in captured.captured_queries]


def _scale_lookups(queries: list[str]) -> int:
    # Each look-up of a current rating scale starts by finding the newest version of each scale document.
    return sum(1 for sql in queries if "MAX(" in sql and "'rating-scale'" in sql)


def _framework_with(criteria_per_standard: int):
    data = framework_data()
    for standard in data["standards"]:
        number = standard["number"]
        standard["criteria"] = [
            {"ref": f"{number}.{n}", "text": f"Criterion {number}.{n}.", "applies_to": []}
            for n in range(1, criteria_per_standard + 1)
        ]
    return Section11FrameworkFactory(data=data)


def _answered_return(partnership, agency, *, criteria_per_standard: int) -> Return:
    """A draft rated red throughout, each criterion with a file, a thread message and an action."""
    cycle = CycleFactory(lead_partnership=partnership, framework=_framework_with(criteria_per_standard))
    return_record = ReturnFactory(cycle=cycle, agency=agency, status=Return.Status.IN_PROGRESS)
    for response in return_record.responses.all():
        response.self_rating = "red"
        response.save()
        EvidenceFileFactory(response=response)
        ChallengeMessageFactory(response=response)
        ActionFactory(partnership=partnership, owner_agency=agency, source=response)
    return return_record


def test_the_return_page_takes_no_more_queries_for_many_criteria(
    client, agency_lead, partnership, agency, django_assert_max_num_queries
):
    few = _answered_return(partnership, agency, criteria_per_standard=1)
    many = _answered_return(partnership, agency, criteria_per_standard=10)
    client.force_login(agency_lead)
    baseline = _queries(lambda: client.get(_url("return_detail", partnership, few.pk)))
    with django_assert_max_num_queries(len(baseline)):
        page = client.get(_url("return_detail", partnership, many.pk))
    rows = page.context["layout"].rows
    assert len(rows) == 20 and all(row.files and row.messages and row.actions for row in rows)
    assert _scale_lookups(baseline) == 1


def test_moderating_a_criterion_reads_a_scale_and_its_pair_in_one_look_up(client, auditor, partnership, agency):
    # A paired scale: the moderator rates on the pair of the agency's scale.
    cycle = CycleFactory(lead_partnership=partnership, framework=Section11FrameworkFactory(scale="self-score-0-3"))
    return_record = ReturnFactory(cycle=cycle, agency=agency, status=Return.Status.SUBMITTED)
    response = return_record.responses.get(criterion="1.1")
    response.self_rating = "3"
    response.save()
    client.force_login(auditor)
    post = {"decision": "accept", "moderate-moderated_rating": "1", "moderate-note": "Overrated."}
    queries = _queries(lambda: client.post(_url("response_moderate", partnership, response.pk), post))
    response.refresh_from_db()
    assert response.moderated_rating == "1"
    assert _scale_lookups(queries) == 1  # the self scale and its pair, read together


def _handed_in(cycle, partnership, count: int) -> None:
    for _ in range(count):
        agency = AgencyFactory(partnerships=list(cycle.partnerships.all()))
        return_record = ReturnFactory(cycle=cycle, agency=agency, status=Return.Status.SUBMITTED)
        return_record.responses.filter(not_applicable=False).update(self_rating="amber", moderated_rating="red")


def _regional_cycle(partnership, other_partnership):
    previous = CycleFactory(lead_partnership=partnership, partnerships=[partnership, other_partnership])
    return CycleFactory(lead_partnership=partnership, partnerships=[partnership, other_partnership], previous=previous)


def test_the_analysis_page_takes_no_more_queries_for_many_returns(
    client, auditor, partnership, other_partnership, django_assert_max_num_queries
):
    few, many = _regional_cycle(partnership, other_partnership), _regional_cycle(partnership, other_partnership)
    for cycle, count in ((few, 1), (many, 6)):
        _handed_in(cycle, partnership, count)
        _handed_in(cycle.previous, partnership, count)
    client.force_login(auditor)
    baseline = _queries(lambda: client.get(_url("analysis", partnership, few.pk)))
    with django_assert_max_num_queries(len(baseline)):
        page = client.get(_url("analysis", partnership, many.pk))
    assert page.status_code == 200
    assert _scale_lookups(baseline) == 2  # one for this cycle's framework, one for the previous cycle's


def test_the_cached_analysis_takes_as_many_queries_for_many_returns(
    client, auditor, partnership, other_partnership, django_assert_max_num_queries
):
    few, many = _regional_cycle(partnership, other_partnership), _regional_cycle(partnership, other_partnership)
    for cycle, count in ((few, 1), (many, 6)):
        _handed_in(cycle, partnership, count)
        _handed_in(cycle.previous, partnership, count)
    client.force_login(auditor)
    for cycle in (few, many):
        client.get(_url("analysis", partnership, cycle.pk))
    baseline = _queries(lambda: client.get(_url("analysis", partnership, few.pk)))
    with django_assert_max_num_queries(len(baseline)):
        page = client.get(_url("analysis", partnership, many.pk))
    assert page.status_code == 200
    # The cycle is read with its versions in one query; nothing of the returns is read again.
    read_again = ('FROM "section11_return"', 'FROM "section11_response"', 'FROM "library_libraryitem"')
    assert not [sql for sql in baseline if any(table in sql for table in read_again)]


def test_the_cycle_page_reads_its_returns_once_however_many(
    client, business_unit, partnership, django_assert_max_num_queries
):
    few = CycleFactory(lead_partnership=partnership, deadline=TODAY - dt.timedelta(days=1))
    many = CycleFactory(lead_partnership=partnership, deadline=TODAY - dt.timedelta(days=1))
    for cycle, count in ((few, 1), (many, 8)):
        for _ in range(count):
            ReturnFactory(cycle=cycle, agency=AgencyFactory(partnerships=[partnership]), with_responses=False)
    client.force_login(business_unit)
    baseline = _queries(lambda: client.get(_url("cycle_detail", partnership, few.pk)))
    with django_assert_max_num_queries(len(baseline)):
        page = client.get(_url("cycle_detail", partnership, many.pk))
    assert (page.context["completion"].overdue, len(page.context["overdue"])) == (8, 8)
    # Once for the counts and the overdue list; the register then counts and pages its own query.
    assert sum(1 for sql in baseline if sql.startswith('SELECT DISTINCT "section11_return"')) == 2


def test_the_cached_cycle_page_takes_as_many_queries_for_many_returns(
    client, business_unit, partnership, django_assert_max_num_queries
):
    few = CycleFactory(lead_partnership=partnership, deadline=TODAY - dt.timedelta(days=1))
    many = CycleFactory(lead_partnership=partnership, deadline=TODAY - dt.timedelta(days=1))
    for cycle, count in ((few, 1), (many, 8)):
        for _ in range(count):
            ReturnFactory(cycle=cycle, agency=AgencyFactory(partnerships=[partnership]), with_responses=False)
    client.force_login(business_unit)
    for cycle in (few, many):
        client.get(_url("cycle_detail", partnership, cycle.pk))
    baseline = _queries(lambda: client.get(_url("cycle_detail", partnership, few.pk)))
    with django_assert_max_num_queries(len(baseline)):
        client.get(_url("cycle_detail", partnership, many.pk))
    assert not [sql for sql in baseline if sql.startswith('SELECT DISTINCT "section11_return"')]


@pytest.mark.parametrize("count", [1, 5])
def test_the_reminders_due_read_the_agency_leads_in_one_query(partnership, count):
    cycle = CycleFactory(lead_partnership=partnership, deadline=TODAY + dt.timedelta(days=3))
    for _ in range(count):
        agency = AgencyFactory(partnerships=[partnership])
        make_member("agency-lead", partnership, agency=agency)
        ReturnFactory(cycle=cycle, agency=agency, with_responses=False)
    queries = _queries(lambda: reminders_due(today=TODAY))
    assert len(reminders_due(today=TODAY)) == count
    assert sum(1 for sql in queries if sql.startswith("SELECT") and '"accounts_membership"' in sql) == 1
    assert len(queries) <= 5


def test_the_list_of_cycles_takes_as_many_queries_for_twice_the_cycles(client, business_unit, partnership):
    url = reverse("section11:cycles", kwargs={"partnership": partnership.slug})

    def more_cycles(count: int) -> None:
        for _ in range(count):
            cycle = CycleFactory(lead_partnership=partnership)
            for _ in range(2):
                ReturnFactory(cycle=cycle, agency=AgencyFactory(partnerships=[partnership]), with_responses=False)

    client.force_login(business_unit)
    more_cycles(2)
    client.get(url)
    cache.clear()  # computed afresh, then served from the cache
    few, few_served = len(_queries(lambda: client.get(url))), len(_queries(lambda: client.get(url)))
    more_cycles(2)
    cache.clear()
    assert (len(_queries(lambda: client.get(url))), len(_queries(lambda: client.get(url)))) == (few, few_served)
    assert few_served < few
