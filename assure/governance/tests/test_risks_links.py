"""The risk register as a whole, offered as a meeting's paper through ``assure/core/links.py``."""

import pytest

from assure.core.links import linkable_kinds, linked_record
from assure.core.navigation import partnership_url
from assure.governance.services.agendas import agenda_item_add
from assure.partnerships.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_the_risk_register_may_be_a_meetings_paper():
    assert "governance.risk-register" in {kind.key for kind in linkable_kinds(use="paper")}


def test_the_register_is_one_choice_for_someone_who_may_see_risks(board_member, partnership):
    kind = next(k for k in linkable_kinds(use="paper") if k.key == "governance.risk-register")
    assert kind.choices(user=board_member, partnership=partnership) == [(str(partnership.pk), "The risk register")]


def test_the_register_is_not_offered_to_someone_who_may_not_see_risks(agency_lead, partnership):
    kind = next(k for k in linkable_kinds(use="paper") if k.key == "governance.risk-register")
    assert kind.choices(user=agency_lead, partnership=partnership) == []


def test_another_partnerships_register_is_not_found(board_member, partnership, other_partnership):
    found = linked_record(
        user=board_member, partnership=partnership, key="governance.risk-register", pk=str(other_partnership.pk)
    )
    assert found is None


def test_an_agenda_item_with_the_register_as_its_paper_links_to_the_register(business_unit, partnership):
    meeting = MeetingFactory(partnership=partnership)
    item = agenda_item_add(
        actor=business_unit,
        meeting=meeting,
        title="The risk register",
        paper=f"governance.risk-register:{partnership.pk}",
    )
    kind, record = linked_record(
        user=business_unit, partnership=partnership, key="governance.risk-register", pk=item.paper_id
    )
    assert item.paper_label == "The risk register"
    assert kind.url(record) == partnership_url("governance:risks", partnership)
