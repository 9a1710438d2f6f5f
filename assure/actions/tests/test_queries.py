"""The action tracker asks the database a fixed number of times, however many actions, owning
agencies and updates there are: twice as many records, as many queries. It is counted as it is
computed, with nothing in the cache, and as it is served from it."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assure.partnerships.tests.factories import AgencyFactory

from .factories import ActionFactory, ActionUpdateFactory


def _queries(client, url: str, *, fresh: bool = True) -> int:
    """How many queries the tracker takes: computed afresh (``fresh``), or as it is served again."""
    if fresh:
        cache.clear()
    else:
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _more_actions(partnership, count: int) -> None:
    for _ in range(count):
        agency = AgencyFactory(partnerships=[partnership])
        for _ in range(2):
            ActionUpdateFactory(action=ActionFactory(partnership=partnership, owner_agency=agency))


def test_the_tracker_takes_as_many_queries_for_twice_the_actions(client, business_unit, partnership):
    url = reverse("actions:tracker", kwargs={"partnership": partnership.slug})
    client.force_login(business_unit)
    _more_actions(partnership, 4)
    client.get(url)  # the session records the time of the last request once
    few = _queries(client, url)
    _more_actions(partnership, 4)
    assert _queries(client, url) == few


def test_an_agency_lead_sees_their_agency_s_actions_in_as_many_queries(client, agency_lead, partnership, agency):
    url = reverse("actions:tracker", kwargs={"partnership": partnership.slug})
    client.force_login(agency_lead)
    ActionFactory(partnership=partnership, owner_agency=agency)
    client.get(url)
    few = _queries(client, url)
    for _ in range(6):
        ActionUpdateFactory(action=ActionFactory(partnership=partnership, owner_agency=agency))
    assert _queries(client, url) == few


def test_the_tracker_served_again_takes_as_many_queries_for_twice_the_actions(client, business_unit, partnership):
    url = reverse("actions:tracker", kwargs={"partnership": partnership.slug})
    client.force_login(business_unit)
    _more_actions(partnership, 4)
    client.get(url)
    few = _queries(client, url, fresh=False)
    _more_actions(partnership, 4)
    assert _queries(client, url, fresh=False) == few


def test_the_tracker_served_again_reads_no_action_but_its_summary(client, business_unit, partnership):
    url = reverse("actions:tracker", kwargs={"partnership": partnership.slug})
    client.force_login(business_unit)
    _more_actions(partnership, 4)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    reads = [q["sql"] for q in captured.captured_queries if "actions_action" in q["sql"]]
    assert len(reads) == 1 and "COUNT(" in reads[0].upper()  # the summary's counts
