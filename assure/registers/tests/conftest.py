"""Fixtures of the registers' tests: the agency lead's agency is a police force (the factories'
default type), which records MARAC cases, Operation Encompass, custody and missing episodes."""

import pytest

from assure.registers.kinds import kind_for


@pytest.fixture
def marac(partnership):
    """The partnership's MARAC register kind."""
    return kind_for(partnership, "marac-case")


@pytest.fixture
def provider_profile(provider, partnership):
    """The provider persona's profile in the partnership."""
    return provider.provider_profiles.get(partnership=partnership)
