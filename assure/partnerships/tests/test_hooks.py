"""Other apps hear of changes to a partnership through ``on_partnership_changed``, so that the
tenant core never needs to know which apps keep figures about it."""

import pytest

from assure.accounts.tests.factories import MembershipFactory
from assure.partnerships import hooks
from assure.partnerships.services import agency_remove, agency_update


@pytest.fixture
def heard():
    """The partnerships a registered function was told about; it is unregistered afterwards."""
    told: list[int] = []
    listener = hooks.on_partnership_changed(told.append)
    yield told
    hooks._on_changed.remove(listener)


def test_a_registered_function_runs_with_the_partnership(heard, partnership):
    hooks.partnership_changed(partnership.pk)
    assert heard == [partnership.pk]


def test_registering_twice_runs_once(heard, partnership):
    hooks.on_partnership_changed(heard.append)
    hooks.partnership_changed(partnership.pk)
    assert heard == [partnership.pk]


def test_updating_a_shared_agency_tells_every_partnership_of_it(
    heard, outsider, partnership, other_partnership, other_agency
):
    agency_update(
        actor=outsider,
        partnership=other_partnership,
        agency=other_agency,
        name="Mercia Constabulary",
        agency_type=other_agency.agency_type,
        sector=other_agency.sector,
        on_board=True,
    )
    assert sorted(heard) == sorted([partnership.pk, other_partnership.pk])


def test_removing_an_agency_tells_its_partnership(heard, business_unit, partnership, other_agency):
    agency_remove(actor=business_unit, partnership=partnership, agency=other_agency)
    assert heard == [partnership.pk]


def test_removing_an_agency_makes_the_scorecard_recompute(business_unit, partnership, other_agency):
    # The performance app registers its cache on the hook when Assure starts.
    from assure.performance.cache import figures_version

    before = figures_version(partnership=partnership)
    agency_remove(actor=business_unit, partnership=partnership, agency=other_agency)
    assert figures_version(partnership=partnership) != before


def test_linking_an_agency_to_another_partnership_tells_that_partnership(
    heard, business_unit, partnership, other_partnership, agency
):
    MembershipFactory(user=business_unit, partnership=other_partnership, role="business-unit")
    # Nothing about the agency itself changes: only where it belongs.
    agency_update(
        actor=business_unit,
        partnership=partnership,
        agency=agency,
        name=agency.name,
        agency_type=agency.agency_type,
        sector=agency.sector,
        on_board=True,
        partnerships=[partnership, other_partnership],
    )
    assert other_partnership.pk in heard
