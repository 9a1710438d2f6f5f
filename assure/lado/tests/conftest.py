"""Fixtures of the lado tests: the designated officer with the partnership's ``lado`` grant, and
an open referral with its person."""

import pytest

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.lado.tests.factories import ChildFactory, ReferralFactory


@pytest.fixture
def officer(designated_officer, partnership):
    RestrictedGrantFactory(user=designated_officer, partnership=partnership, area="lado")
    return designated_officer


@pytest.fixture
def referral(partnership):
    referral = ReferralFactory(partnership=partnership)
    ChildFactory(referral=referral)
    return referral
