"""Setting a panel up, inviting a partnership and joining: the invited partnership's people see
nothing of the panel until its business unit joins."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.audit.models import Event
from assure.cdop.models import PanelPartnership
from assure.cdop.selectors.panels import deaths_visible_to, panels_of
from assure.cdop.services.panels import panel_create, panel_invite, panel_join, panel_leave
from assure.cdop.tests.factories import ChildDeathFactory, PanelFactory
from assure.cdop.waiting_panels import panels_to_join
from assure.notifications.models import Message
from assure.partnerships.tests.factories import SubgroupFactory
from conftest import make_member


@pytest.fixture
def invited_unit(other_partnership):
    return make_member("business-unit", other_partnership, full_name="Ivy Nvited", email="ivy@example.org")


@pytest.fixture
def invited_panel_member(other_partnership):
    member = make_member("panel-member", other_partnership, full_name="Pete Anel", email="pete@example.org")
    RestrictedGrantFactory(user=member, partnership=other_partnership, area="cdop")
    return member


@pytest.fixture
def panel(partnership):
    return PanelFactory(host=partnership)


def test_panel_create_joins_the_host(partnership, business_unit):
    subgroup = SubgroupFactory(partnership=partnership, name="Child Death Overview Panel")
    panel = panel_create(actor=business_unit, partnership=partnership, name="Northshire CDOP", subgroup=subgroup)
    assert list(panels_of(partnership=partnership)) == [panel]
    assert Event.objects.filter(verb="cdop.panel_created").count() == 1


def test_panel_create_refuses_another_partnerships_subgroup(partnership, other_partnership, business_unit):
    with pytest.raises(ValidationError) as error:
        panel_create(
            actor=business_unit,
            partnership=partnership,
            name="Northshire CDOP",
            subgroup=SubgroupFactory(partnership=other_partnership),
        )
    assert "subgroup" in error.value.message_dict


def test_panel_create_needs_cdop_setup(partnership, panel_member):
    with pytest.raises(PermissionDenied):
        panel_create(
            actor=panel_member, partnership=partnership, name="X", subgroup=SubgroupFactory(partnership=partnership)
        )


def test_invite_tells_the_invited_business_unit(partnership, other_partnership, business_unit, panel, invited_unit):
    place = panel_invite(actor=business_unit, partnership=partnership, panel=panel, invited=other_partnership)
    message = Message.objects.get(kind="cdop.panel_invited")
    assert message.recipient == invited_unit
    assert f"/invitations/{place.pk}/" in message.path


def test_invited_partnership_sees_nothing_before_joining(
    partnership, other_partnership, business_unit, panel, invited_panel_member
):
    ChildDeathFactory(panel=panel)
    panel_invite(actor=business_unit, partnership=partnership, panel=panel, invited=other_partnership)
    assert not panels_of(partnership=other_partnership).exists()
    assert not deaths_visible_to(user=invited_panel_member, partnership=other_partnership).exists()


def test_after_joining_its_panel_member_reads_the_panels_deaths(
    partnership, other_partnership, business_unit, panel, invited_unit, invited_panel_member
):
    death = ChildDeathFactory(panel=panel)
    place = panel_invite(actor=business_unit, partnership=partnership, panel=panel, invited=other_partnership)
    panel_join(actor=invited_unit, partnership=other_partnership, place=place, accept=True)
    assert list(deaths_visible_to(user=invited_panel_member, partnership=other_partnership)) == [death]


def test_declining_leaves_the_partnership_out(partnership, other_partnership, business_unit, panel, invited_unit):
    place = panel_invite(actor=business_unit, partnership=partnership, panel=panel, invited=other_partnership)
    place = panel_join(actor=invited_unit, partnership=other_partnership, place=place, accept=False)
    assert place.status == PanelPartnership.Status.LEFT
    assert not panels_of(partnership=other_partnership).exists()


def test_only_the_invited_partnership_answers(partnership, other_partnership, business_unit, panel):
    place = panel_invite(actor=business_unit, partnership=partnership, panel=panel, invited=other_partnership)
    with pytest.raises(PermissionDenied):
        panel_join(actor=business_unit, partnership=partnership, place=place, accept=True)


def test_inviting_twice_is_refused(partnership, other_partnership, business_unit, panel):
    panel_invite(actor=business_unit, partnership=partnership, panel=panel, invited=other_partnership)
    with pytest.raises(ValidationError):
        panel_invite(actor=business_unit, partnership=partnership, panel=panel, invited=other_partnership)


def test_leaving_hides_the_panels_deaths(
    partnership, other_partnership, business_unit, invited_unit, invited_panel_member
):
    panel = PanelFactory(host=partnership, partnerships=[other_partnership])
    ChildDeathFactory(panel=panel)
    panel_leave(actor=invited_unit, partnership=other_partnership, panel=panel)
    assert not deaths_visible_to(user=invited_panel_member, partnership=other_partnership).exists()


def test_the_host_cannot_leave(partnership, business_unit, panel):
    with pytest.raises(ValidationError):
        panel_leave(actor=business_unit, partnership=partnership, panel=panel)


def test_an_invitation_waits_for_the_invited_business_unit(
    partnership, other_partnership, business_unit, panel, invited_unit
):
    panel_invite(actor=business_unit, partnership=partnership, panel=panel, invited=other_partnership)
    items = panels_to_join(user=invited_unit, partnership=other_partnership, today=None)
    assert [item.title for item in items] == [f"Invitation to join {panel.name}"]
