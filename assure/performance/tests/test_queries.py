"""The child's journey asks the database a fixed number of times, however many years of figures
and agencies' returns there are: twice as many, as many queries. (The scorecard's own count is
checked in test_scorecard.py.)"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.periods import period_for_year
from assure.performance.tests.factories import validated_figures

from .test_journey import indicators, journey, url, years  # noqa: F401 (fixtures)


def _queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


@pytest.mark.usefixtures("journey")
def test_the_journey_takes_as_many_queries_for_more_years_and_returns(client, auditor, partnership, request):
    figures = request.getfixturevalue("indicators")
    client.force_login(auditor)
    address = url(partnership)
    client.get(address)
    few = _queries(client, address)
    for label in ("2009-10", "2010-11", "2011-12", "2012-13"):
        validated_figures(
            partnership=partnership,
            agency=AgencyFactory(partnerships=[partnership]),
            period=period_for_year(label),
            figures={figures["sc-referrals"]: 400, figures["sc-plans"]: 200},
        )
    assert _queries(client, address) == few
