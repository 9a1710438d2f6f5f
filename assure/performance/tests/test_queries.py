"""The child's journey asks the database a fixed number of times, however many years of figures
and agencies' returns there are: twice as many, as many queries, computed afresh (nothing in the
cache) or served from the cache. (The scorecard's own count is checked in test_scorecard.py.)"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.periods import period_for_year
from assure.performance.tests.factories import validated_figures

from .test_journey import indicators, journey, url, years  # noqa: F401 (fixtures)


def _queries(client, address: str, *, fresh: bool = True) -> int:
    """How many queries the page takes: computed afresh (``fresh``), or as it is served again."""
    if fresh:
        cache.clear()
    else:
        client.get(address)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def _more_years(partnership, figures) -> None:
    for label in ("2009-10", "2010-11", "2011-12", "2012-13"):
        validated_figures(
            partnership=partnership,
            agency=AgencyFactory(partnerships=[partnership]),
            period=period_for_year(label),
            figures={figures["sc-referrals"]: 400, figures["sc-plans"]: 200},
        )


@pytest.mark.usefixtures("journey")
@pytest.mark.parametrize("fresh", [True, False], ids=["computed", "cached"])
def test_the_journey_takes_as_many_queries_for_more_years_and_returns(client, auditor, partnership, request, fresh):
    figures = request.getfixturevalue("indicators")
    client.force_login(auditor)
    address = url(partnership)
    client.get(address)
    few = _queries(client, address, fresh=fresh)
    _more_years(partnership, figures)
    assert _queries(client, address, fresh=fresh) == few


@pytest.mark.usefixtures("journey")
def test_the_journey_served_again_reads_no_figure(client, auditor, partnership):
    client.force_login(auditor)
    address = url(partnership)
    client.get(address)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    assert not [q["sql"] for q in captured.captured_queries if "performance_observation" in q["sql"]]
