"""The demo's allegations load on Shropshire alone, with no users or agencies given, as a test of
another part (the figures, the annual report's section) may load them."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.demo import region
from assure.lado.demo import lado_demo_load
from assure.lado.models import Referral
from assure.partnerships.tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def test_the_demo_loads_with_shropshire_alone(db):
    """As a test of the figures may load it: one partnership, no users or agencies given."""
    shropshire = PartnershipFactory(slug=region.SHROPSHIRE)
    made = lado_demo_load(
        partnerships={region.SHROPSHIRE: shropshire}, agencies={}, users={}, today=timezone.localdate()
    )
    referred = Referral.objects.filter(
        partnership=shropshire, status="closed", date_referred__range=(dt.date(2013, 4, 1), dt.date(2014, 3, 31))
    )
    assert referred.exclude(category="low-level-concern").count() == 50
    assert {referral.partnership_id for referral in made.values()} == {shropshire.pk}
