"""The pages of child deaths: the grant they need, every read logged and never stored, the register's
download without names or dates of birth, the manager's notification, and the agency's form whose
draft the lead cannot open again."""

import csv
import io

import pytest
from django.urls import reverse

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.audit.models import AccessLog
from assure.cdop.models import ChildDeath
from assure.cdop.tests.factories import ChildDeathFactory, panel_of
from conftest import make_member

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"cdop:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def granted(user, partnership):
    RestrictedGrantFactory(user=user, partnership=partnership, area="cdop")
    return user


@pytest.fixture
def death(partnership):
    return ChildDeathFactory(panel=panel_of(partnership), child_name="Robin Example")


def test_a_panel_member_without_the_grant_is_refused_the_register(client, panel_member, partnership, death):
    client.force_login(panel_member)
    assert client.get(url("deaths", partnership)).status_code == 403


def test_a_panel_member_without_the_grant_is_refused_the_death(client, panel_member, partnership, death):
    client.force_login(panel_member)
    assert client.get(url("death_detail", partnership, pk=death.pk)).status_code == 403


def test_a_panel_member_with_the_grant_reads_the_death(client, panel_member, partnership, death):
    client.force_login(granted(panel_member, partnership))
    response = client.get(url("death_detail", partnership, pk=death.pk))
    assert response.status_code == 200 and "Robin Example" in response.content.decode()


def test_each_read_of_a_death_is_logged(client, panel_member, partnership, death):
    client.force_login(granted(panel_member, partnership))
    client.get(url("death_detail", partnership, pk=death.pk))
    client.get(url("death_detail", partnership, pk=death.pk))
    assert AccessLog.objects.filter(user=panel_member, area="cdop", record_id=str(death.pk)).count() == 2


def test_a_deaths_page_is_not_stored(client, panel_member, partnership, death):
    client.force_login(granted(panel_member, partnership))
    response = client.get(url("death_detail", partnership, pk=death.pk))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("persona", ["business_unit", "board_member"])
def test_figures_people_are_refused_the_register(client, request, persona, partnership, death):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url("deaths", partnership)).status_code == 403


@pytest.mark.parametrize("persona", ["business_unit", "board_member"])
def test_figures_people_are_refused_the_death(client, request, persona, partnership, death):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url("death_detail", partnership, pk=death.pk)).status_code == 403


def test_another_partnerships_panel_member_does_not_find_the_death(client, other_partnership, partnership, death):
    stranger = granted(make_member("panel-member", other_partnership), other_partnership)
    panel_of(other_partnership)
    client.force_login(stranger)
    assert client.get(url("death_detail", other_partnership, pk=death.pk)).status_code == 404


def test_the_register_lists_the_death_by_reference(client, panel_member, partnership, death):
    client.force_login(granted(panel_member, partnership))
    html = client.get(url("deaths", partnership)).content.decode()
    assert death.reference in html and "Robin Example" not in html


def test_the_register_tags_a_possible_duplicate(client, panel_member, partnership, death):
    ChildDeathFactory(panel=death.panel)
    client.force_login(granted(panel_member, partnership))
    assert "Possible duplicate" in client.get(url("deaths", partnership)).content.decode()


def test_the_download_holds_no_name_and_no_date_of_birth(client, panel_member, partnership, death):
    client.force_login(granted(panel_member, partnership))
    response = client.get(url("deaths", partnership) + "?_export=csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["Reference"] == death.reference and rows[0]["Age at death"] == "1 to 4 years"
    assert "Robin" not in text and "2013-03-04" not in text


def test_the_manager_records_a_death(client, cdop_manager, partnership):
    panel_of(partnership)
    client.force_login(granted(cdop_manager, partnership))
    response = client.post(
        url("death_create", partnership),
        {
            "child_name": "Sam Example",
            "date_of_birth": "2013-03-04",
            "sex": "male",
            "home": str(partnership.pk),
            "date_of_death": "2014-06-10",
            "expected": "expected",
            "notified_on": "2014-06-11",
        },
    )
    death = ChildDeath.objects.get()
    assert response.status_code == 302 and (death.child_name, death.partnership) == ("Sam Example", partnership)


def test_the_manager_confirms_a_draft_on_its_page(client, cdop_manager, partnership):
    draft = ChildDeathFactory(panel=panel_of(partnership), status="draft")
    client.force_login(granted(cdop_manager, partnership))
    client.post(url("death_confirm", partnership, pk=draft.pk))
    draft.refresh_from_db()
    assert draft.status == "notified"


def test_an_agency_lead_notifies_and_sees_the_reference_only(client, agency_lead, partnership):
    panel_of(partnership)
    client.force_login(agency_lead)
    response = client.post(
        url("notify", partnership),
        {
            "child_name": "Sam Example",
            "date_of_birth": "2013-03-04",
            "sex": "male",
            "home": str(partnership.pk),
            "date_of_death": "2014-06-10",
            "expected": "unexpected",
            "notified_on": "2014-06-11",
        },
        follow=True,
    )
    html = response.content.decode()
    death = ChildDeath.objects.get()
    assert death.status == "draft" and death.reference in html and "Sam Example" not in html


def test_the_agency_lead_cannot_open_the_draft(client, agency_lead, partnership):
    draft = ChildDeathFactory(panel=panel_of(partnership), status="draft")
    client.force_login(agency_lead)
    assert client.get(url("death_detail", partnership, pk=draft.pk)).status_code == 403
