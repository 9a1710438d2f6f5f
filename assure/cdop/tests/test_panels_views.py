"""The panels' pages, for the business unit."""

import pytest
from django.urls import reverse

from assure.cdop.models import Panel, PanelPartnership
from assure.cdop.tests.factories import PanelFactory
from assure.partnerships.tests.factories import SubgroupFactory


def _url(name, partnership, **kwargs):
    return reverse(name, kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def signed_in(client, business_unit):
    client.force_login(business_unit)
    return client


def test_the_list_shows_the_hosted_panel(signed_in, partnership):
    panel = PanelFactory(host=partnership)
    response = signed_in.get(_url("cdop:panels", partnership))
    assert panel.name in response.content.decode()


def test_setting_up_a_panel(signed_in, partnership):
    subgroup = SubgroupFactory(partnership=partnership)
    response = signed_in.post(
        _url("cdop:panel_create", partnership), {"name": "Northshire CDOP", "subgroup": subgroup.pk}
    )
    panel = Panel.objects.get(name="Northshire CDOP")
    assert response.url == _url("cdop:panel_detail", partnership, pk=panel.pk)


def test_the_panel_page_lists_its_partnerships(signed_in, partnership, other_partnership):
    panel = PanelFactory(host=partnership, partnerships=[other_partnership])
    response = signed_in.get(_url("cdop:panel_detail", partnership, pk=panel.pk))
    assert other_partnership.name in response.content.decode()


def test_inviting_from_the_page(signed_in, partnership, other_partnership):
    panel = PanelFactory(host=partnership)
    signed_in.post(_url("cdop:panel_invite", partnership, pk=panel.pk), {"invited": other_partnership.pk})
    assert PanelPartnership.objects.get(panel=panel, partnership=other_partnership).status == "invited"


def test_joining_from_the_invitation(signed_in, partnership):
    place = PanelPartnership.objects.create(panel=PanelFactory(), partnership=partnership)
    signed_in.post(_url("cdop:panel_join", partnership, pk=place.pk), {"accept": "yes"})
    place.refresh_from_db()
    assert place.status == PanelPartnership.Status.JOINED


def test_an_invited_panel_has_no_page_before_joining(signed_in, partnership):
    place = PanelPartnership.objects.create(panel=PanelFactory(), partnership=partnership)
    response = signed_in.get(_url("cdop:panel_detail", partnership, pk=place.panel_id))
    assert response.status_code == 404
