"""Fixtures of the panel's analysis tests: a panel hosted by the partnership on its child death
overview panel subgroup, one of its meetings, a death it reviews and a panel member with the
grant."""

import datetime as dt

import pytest

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.cdop.tests.factories import ChildDeathFactory, PanelFactory
from assure.partnerships.tests.factories import MeetingFactory, SubgroupFactory


@pytest.fixture
def panel(partnership):
    subgroup = SubgroupFactory(partnership=partnership, name="Child Death Overview Panel")
    return PanelFactory(host=partnership, subgroup=subgroup)


@pytest.fixture
def meeting(panel):
    return MeetingFactory(partnership=panel.host, subgroup=panel.subgroup, held_on=dt.date(2014, 9, 30))


@pytest.fixture
def death(panel):
    return ChildDeathFactory(panel=panel, date_of_death=dt.date(2014, 6, 10))


@pytest.fixture
def member(panel_member, partnership):
    RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    return panel_member
