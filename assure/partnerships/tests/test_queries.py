"""The partnership's everyday pages ask the database a fixed number of times, however many
agencies, meetings, attendances and subgroups it has: twice as many records, as many queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assure.actions.tests.factories import ActionFactory

from .factories import AgencyFactory, AttendanceFactory, MeetingFactory, SubgroupFactory


def _queries(client, url: str) -> int:
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
