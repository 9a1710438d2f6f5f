"""The partnership's everyday pages ask the database a fixed number of times, however many
agencies, meetings, attendances and subgroups it has: twice as many records, as many queries.
The registers (agencies, meetings) are counted as they are computed, with nothing in the cache,
and as they are served from it."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assure.actions.tests.factories import ActionFactory

from .factories import AgencyFactory, AttendanceFactory, MeetingFactory, SubgroupFactory


def _queries(client, url: str, *, fresh: bool = True) -> int:
    """How many queries the page takes: computed afresh (``fresh``), or as it is served again."""
    if fresh:
        cache.clear()
    else:
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _more_of_everything(partnership, count: int) -> None:
    for _ in range(count):
        agency = AgencyFactory(partnerships=[partnership])
        subgroup = SubgroupFactory(partnership=partnership)
        subgroup.agencies.add(agency)
        for on in (None, subgroup):
            meeting = MeetingFactory(partnership=partnership, subgroup=on)
            AttendanceFactory(meeting=meeting, agency=agency)
        ActionFactory(partnership=partnership, owner_agency=agency)


@pytest.mark.parametrize("page", ["partnerships:home", "partnerships:agencies", "partnerships:meetings"])
def test_the_page_takes_as_many_queries_for_twice_the_records(client, business_unit, partnership, page):
    url = reverse(page, kwargs={"partnership": partnership.slug})
    client.force_login(business_unit)
    _more_of_everything(partnership, 3)
    client.get(url)  # the session records the time of the last request once
    few = _queries(client, url)
    _more_of_everything(partnership, 3)
    assert _queries(client, url) == few


@pytest.mark.parametrize("page", ["partnerships:agencies", "partnerships:meetings"])
def test_a_register_served_again_takes_as_many_queries_for_twice_the_records(client, business_unit, partnership, page):
    url = reverse(page, kwargs={"partnership": partnership.slug})
    client.force_login(business_unit)
    _more_of_everything(partnership, 3)
    client.get(url)
    few = _queries(client, url, fresh=False)
    _more_of_everything(partnership, 3)
    assert _queries(client, url, fresh=False) == few


@pytest.mark.parametrize("page", ["partnerships:agencies", "partnerships:meetings"])
def test_a_register_served_again_reads_none_of_its_records(client, business_unit, partnership, page):
    url = reverse(page, kwargs={"partnership": partnership.slug})
    client.force_login(business_unit)
    _more_of_everything(partnership, 3)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    tables = ("partnerships_partnershipagency", "partnerships_meeting", "library_libraryitem")
    assert not [q["sql"] for q in captured.captured_queries if any(t in q["sql"] for t in tables)]
