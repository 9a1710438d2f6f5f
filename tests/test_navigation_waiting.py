"""What the landing page of Performance and assurance says is waiting in each part, for the
people who see it: Section 11 returns overdue, data returns to submit or awaiting validation."""

import datetime as dt

from django.urls import reverse

from assure.performance.models import DataReturn
from assure.performance.tests.factories import indicator, return_with
from assure.section11.models import Cycle, Return
from assure.section11.tests.factories import CycleFactory, ReturnFactory


def _landing(client, user, partnership) -> str:
    client.force_login(user)
    response = client.get(reverse("menu:assurance", kwargs={"partnership": partnership.slug}))
    assert response.status_code == 200
    return response.content.decode()


def test_section11_says_how_many_returns_are_overdue(
    client, business_unit, board_member, agency_lead, agency, partnership
):
    late = CycleFactory(lead_partnership=partnership, deadline=dt.date.today() - dt.timedelta(days=1))
    ReturnFactory(cycle=late, agency=agency, status=Return.Status.IN_PROGRESS)
    ReturnFactory(cycle=late, status=Return.Status.NOT_STARTED)
    ReturnFactory(cycle=late, status=Return.Status.SUBMITTED)  # handed in: not overdue
    closed = CycleFactory(
        lead_partnership=partnership, deadline=dt.date.today() - dt.timedelta(days=1), status=Cycle.Status.CLOSED
    )
    ReturnFactory(cycle=closed, status=Return.Status.NOT_STARTED)  # its cycle is over: nothing waits
    ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency)  # not yet due

    assert "2 returns overdue" in _landing(client, business_unit, partnership)
    # Board members follow completion as the business unit does; an agency lead counts their own.
    assert "2 returns overdue" in _landing(client, board_member, partnership)
    assert "1 return overdue" in _landing(client, agency_lead, partnership)


def test_data_returns_say_what_awaits_each_person(
    client, business_unit, agency_lead, agency, other_agency, partnership
):
    asked = [indicator("csc-referrals")]
    return_with(partnership=partnership, agency=agency, indicators=asked)
    return_with(partnership=partnership, agency=other_agency, indicators=asked, status=DataReturn.Status.SUBMITTED)

    assert "1 return awaiting validation" in _landing(client, business_unit, partnership)
    assert "1 return to submit" in _landing(client, agency_lead, partnership)
