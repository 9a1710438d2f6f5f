import datetime as dt

import pytest

from assure.accounts.permissions import forget_permissions
from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.partnerships.tests.factories import AgencyFactory, MeetingFactory, SubgroupFactory


@pytest.fixture
def foreign_agency(other_partnership):
    """An agency of the other partnership only."""
    return AgencyFactory(name="Southshire Youth Justice Service", partnerships=[other_partnership])


@pytest.fixture
def subgroup(partnership, agency):
    subgroup = SubgroupFactory(partnership=partnership, name="Quality Assurance and Performance")
    subgroup.agencies.add(agency)
    return subgroup


@pytest.fixture
def board_meeting(partnership):
    """A past meeting of the board (in 2014-15)."""
    return MeetingFactory(partnership=partnership, held_on=dt.date(2014, 6, 12), title="Board meeting")


@pytest.fixture
def foreign_meeting(other_partnership):
    return MeetingFactory(partnership=other_partnership, held_on=dt.date(2014, 6, 19), title="Southshire board")


@pytest.fixture
def minutes_grant():
    """Give a person a live grant to read the partnership's confidential minutes."""

    def grant(user, partnership):
        made = RestrictedGrantFactory(user=user, partnership=partnership, area="confidential-minutes")
        forget_permissions(user=user)
        return made

    return grant
