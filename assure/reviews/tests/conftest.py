"""Fixtures shared by the reviews app's tests, one block per part."""

import datetime as dt

import pytest

from assure.accounts.tests.factories import RestrictedGrantFactory

# --- case considerations ---------------------------------------------------------------------------


@pytest.fixture
def case_values(agency, other_agency):
    """What a referral's form sends: the referrer's details and the case's."""
    return {
        "referrer_role": "Health visitor",
        "referrer_agency": agency,
        "route": "learning-review",
        "lead_agency": agency,
        "case_reference": "CSC-20418",
        "child_age_years": 13,
        "agencies_involved": [agency, other_agency],
        "reasons": "Several agencies knew of the missed appointments but did not share what they knew.",
        "chronology": "March: first missed appointment.\nApril: the school raised concerns.",
    }


@pytest.fixture
def subgroup_meeting(partnership):
    """A meeting of the personas' partnership's learning and improvement subgroup."""
    from assure.partnerships.tests.factories import MeetingFactory, SubgroupFactory

    subgroup = SubgroupFactory(partnership=partnership, name="Learning and Improvement")
    return MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=dt.date(2026, 11, 26))


@pytest.fixture
def received_referral(partnership, agency, agency_lead):
    """A referral by the agency lead, received, awaiting acknowledgement."""
    from assure.reviews.tests.factories import ReferralFactory

    return ReferralFactory(
        partnership=partnership,
        reference="CC-001",
        lead_agency=agency,
        referred_by=agency_lead,
        referrer_name=agency_lead.full_name,
        referrer_email=agency_lead.email,
        submitted_at=dt.datetime(2026, 11, 2, 10, tzinfo=dt.UTC),
    )


@pytest.fixture
def considered_referral(received_referral, subgroup_meeting):
    """The agency lead's referral, acknowledged and considered by the subgroup (an audit recommended)."""
    from assure.reviews.models import Referral

    received_referral.status = Referral.Status.CONSIDERED
    received_referral.considered_at = subgroup_meeting
    received_referral.recommendation = "audit"
    received_referral.save()
    return received_referral


# --- serious incidents -----------------------------------------------------------------------------


@pytest.fixture
def case_reader(business_unit, partnership):
    """The business unit holding a case-review grant: reads incidents' case details."""
    RestrictedGrantFactory(user=business_unit, partnership=partnership, area="case-review")
    return business_unit


@pytest.fixture
def incident(partnership, agency, business_unit):
    """An open incident of the personas' partnership, notified, awaiting its rapid review."""
    from assure.reviews.tests.factories import IncidentFactory

    return IncidentFactory(
        partnership=partnership,
        reference="SI-001",
        lead_agency=agency,
        aware_on=dt.date(2026, 3, 2),
        notified_on=dt.date(2026, 3, 5),
        created_by=business_unit,
    )


# --- reviews ---------------------------------------------------------------------------------------


# --- findings, recommendations and action plans ----------------------------------------------------


@pytest.fixture
def review(partnership, business_unit):
    """A learning review of the personas' partnership, under way, commissioned in 2014-15."""
    from assure.reviews.models import Review
    from assure.reviews.tests.factories import ReviewFactory

    return ReviewFactory(
        partnership=partnership, reference="RV-004", status=Review.Status.UNDER_WAY, created_by=business_unit
    )


# --- learning briefings ----------------------------------------------------------------------------


@pytest.fixture
def draft_briefing(partnership, business_unit):
    """A draft briefing of the personas' partnership about new guidance, every section written."""
    from assure.reviews.tests.factories import BriefingFactory

    return BriefingFactory(
        partnership=partnership,
        slug="children-missing-from-care",
        title="Children missing from care",
        search_text="Children missing from care\nReturn interviews were not always offered.",
        created_by=business_unit,
    )


@pytest.fixture
def published_briefing(partnership, business_unit):
    """A briefing of the personas' partnership published on its public learning page."""
    from assure.reviews.tests.factories import PublishedBriefingFactory

    return PublishedBriefingFactory(
        partnership=partnership,
        slug="neglect-seeing-the-whole-child",
        search_text="Neglect: seeing the whole child\nChronic neglect was seen one incident at a time.",
        created_by=business_unit,
    )
