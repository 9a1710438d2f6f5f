"""What child deaths have waiting on the manager's home page: agencies' drafts to confirm and
possible duplicates, named by reference only; nothing for a panel member."""

import datetime as dt

import pytest

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.cdop.tests.factories import ChildDeathFactory, panel_of
from assure.cdop.waiting_deaths import drafts_waiting, duplicates_waiting

pytestmark = pytest.mark.django_db
TODAY = dt.date(2015, 1, 1)


@pytest.fixture
def manager(partnership, cdop_manager):
    RestrictedGrantFactory(user=cdop_manager, partnership=partnership, area="cdop")
    return cdop_manager


def test_a_draft_waits_for_the_manager_by_reference(manager, partnership):
    draft = ChildDeathFactory(panel=panel_of(partnership), status="draft", child_name="Robin Example")
    [item] = drafts_waiting(user=manager, partnership=partnership, today=TODAY)
    assert draft.reference in item.title and "Robin" not in item.title + item.detail


def test_a_draft_does_not_wait_for_a_panel_member(panel_member, partnership):
    RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    ChildDeathFactory(panel=panel_of(partnership), status="draft")
    assert drafts_waiting(user=panel_member, partnership=partnership, today=TODAY) == []


def test_a_possible_duplicate_waits_once_a_pair(manager, partnership):
    panel = panel_of(partnership)
    ChildDeathFactory(panel=panel)
    newer = ChildDeathFactory(panel=panel, status="draft")
    [item] = duplicates_waiting(user=manager, partnership=partnership, today=TODAY)
    assert newer.reference in item.title
