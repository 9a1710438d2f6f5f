"""The records a challenge may be about, offered through ``assure/core/links.py`` by the apps that
hold them (an exception report's item, a Section 11 return), and a challenge itself as a record
other parts may point at: each found only by someone who may see it."""

import pytest
from django.contrib.contenttypes.models import ContentType

from assure.core.links import linkable_kinds, linked_record, linked_url
from assure.performance.tests.factories import ExceptionItemFactory, ExceptionReportFactory, indicator
from assure.section11.models import Return
from assure.section11.tests.factories import CycleFactory, ReturnFactory

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def exception_item(partnership, agency, business_unit):
    report = ExceptionReportFactory(partnership=partnership, created_by=business_unit)
    return ExceptionItemFactory(report=report, indicator=indicator("csc-referrals"), owner_agency=agency)


def test_exception_items_and_section11_returns_may_prompt_a_challenge():
    keys = {kind.key for kind in linkable_kinds(use="challenge")}
    assert {"performance.exception-item", "section11.return"} <= keys


def test_an_exception_item_is_found_for_a_member_of_its_partnership(board_member, partnership, exception_item):
    found = linked_record(
        user=board_member, partnership=partnership, key="performance.exception-item", pk=str(exception_item.pk)
    )
    assert found[1] == exception_item


def test_an_exception_item_of_another_partnership_is_not_found(outsider, other_partnership, exception_item):
    found = linked_record(
        user=outsider, partnership=other_partnership, key="performance.exception-item", pk=str(exception_item.pk)
    )
    assert found is None


def test_a_section11_returns_address_is_in_the_partnership_it_was_found_in(business_unit, partnership, agency):
    cycle = CycleFactory(lead_partnership=partnership, created_by=business_unit)
    record = ReturnFactory(cycle=cycle, agency=agency, status=Return.Status.SUBMITTED)
    kind, found = linked_record(user=business_unit, partnership=partnership, key="section11.return", pk=str(record.pk))
    assert kind.url(found) == f"/p/{partnership.slug}/section11/returns/{record.pk}/"


def test_a_challenge_is_a_paper_a_meeting_may_discuss(business_unit, partnership, agency):
    challenge = ChallengeFactory(partnership=partnership, agency=agency, raised_by=business_unit)
    kind, found = linked_record(
        user=business_unit, partnership=partnership, key="governance.challenge", pk=str(challenge.pk)
    )
    assert (found, "paper" in kind.uses) == (challenge, True)


def test_a_challenge_to_another_agency_has_no_address_for_an_agency_lead(
    agency_lead, partnership, other_agency, business_unit
):
    challenge = ChallengeFactory(partnership=partnership, agency=other_agency, raised_by=business_unit)
    address = linked_url(
        user=agency_lead,
        partnership=partnership,
        content_type=ContentType.objects.get_for_model(challenge),
        object_id=str(challenge.pk),
    )
    assert address == ""
