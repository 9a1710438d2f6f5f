"""Actions of the personas' partnership: one owned by the agency lead's agency, one by another
agency, and the dates tests compare them with."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.actions.tests.factories import ActionFactory


@pytest.fixture
def today() -> dt.date:
    return timezone.localdate()


@pytest.fixture
def own_action(partnership, agency, business_unit):
    """An action owned by the agency lead's agency."""
    return ActionFactory(
        partnership=partnership, owner_agency=agency, created_by=business_unit, title="Refresh the escalation policy"
    )


@pytest.fixture
def other_action(partnership, other_agency, business_unit):
    """An action owned by another agency of the same partnership."""
    return ActionFactory(
        partnership=partnership, owner_agency=other_agency, created_by=business_unit, title="Audit custody records"
    )
