"""The pages of an audit's findings: adding one (taken to another record, warned when it may name
a child), the audit page's list with the actions raised and their progress, raising an action,
reordering and deleting."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory, ActionUpdateFactory
from assure.audits.models import Audit, Finding
from assure.governance.tests.factories import ChallengeFactory
from assure.partnerships.tests.factories import AgencyFactory

from .factories import AuditFactory, FindingFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"audits:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def page(client, user, address) -> str:
    client.force_login(user)
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def audit(partnership, agency, business_unit):
    return AuditFactory(
        partnership=partnership, created_by=business_unit, agencies=[agency], status=Audit.Status.MODERATION
    )


@pytest.fixture
def finding(audit, business_unit):
    return FindingFactory(audit=audit, created_by=business_unit, theme="Core groups", text="Core groups met late.")


def _posted(**fields) -> dict:
    return {"kind": "development", "theme": "Core groups", "text": "Core groups met late.", "case": "", "link": ""} | (
        fields
    )


def test_the_audit_page_shows_each_finding_with_its_actions_and_their_progress(
    client, business_unit, partnership, agency, audit, finding
):
    action = ActionFactory(
        partnership=partnership,
        owner_agency=agency,
        created_by=business_unit,
        title="Hold core groups within ten working days",
        status=Action.Status.IN_PROGRESS,
        source=finding,
        source_label="The finding",
    )
    ActionUpdateFactory(action=action, author=business_unit, text="Chairs now book the first core group.")
    html = page(client, business_unit, audit.get_absolute_url())
    assert "Core groups met late." in html
    assert action.reference in html
    assert "In progress" in html
    assert "Chairs now book the first core group." in html
    assert "0 of 1 completed" in html


def test_an_agency_lead_reads_only_their_own_agencys_actions_on_a_finding(
    client, agency_lead, partnership, other_agency, business_unit, audit, finding
):
    other = ActionFactory(
        partnership=partnership,
        owner_agency=other_agency,
        created_by=business_unit,
        title="Police briefing",
        source=finding,
    )
    html = page(client, agency_lead, finding.get_absolute_url())
    assert "Core groups met late." in html
    assert other.reference not in html


def test_an_agency_lead_of_an_agency_not_taking_part_gets_no_finding(client, partnership, business_unit, finding):
    from conftest import make_member

    outsider_agency = AgencyFactory(name="Northshire Probation", partnerships=[partnership])
    lead = make_member("agency-lead", partnership, agency=outsider_agency)
    client.force_login(lead)
    assert client.get(finding.get_absolute_url()).status_code == 404


def test_adding_a_finding_taken_to_a_challenge(client, business_unit, partnership, agency, audit):
    challenge = ChallengeFactory(partnership=partnership, agency=agency, raised_by=business_unit)
    client.force_login(business_unit)
    response = client.post(
        url("finding_create", partnership, audit=audit.pk), _posted(link=f"governance.challenge:{challenge.pk}")
    )
    assert response.status_code == 302
    finding = Finding.objects.get(audit=audit)
    assert finding.link == challenge
    assert challenge.reference in finding.link_label
    html = page(client, business_unit, finding.get_absolute_url())
    assert f'href="{challenge.get_absolute_url()}"' in html


def test_text_that_may_name_a_child_is_saved_only_once_warned(client, business_unit, partnership, audit):
    client.force_login(business_unit)
    address = url("finding_create", partnership, audit=audit.pk)
    warned = client.post(address, _posted(text="The record shows Jayden Smith was not seen alone."))
    assert warned.status_code == 200
    assert "may name a child" in warned.content.decode()
    assert not Finding.objects.filter(audit=audit).exists()
    saved = client.post(address, _posted(text="The record shows Jayden Smith was not seen alone.", warned="1"))
    assert saved.status_code == 302
    assert Finding.objects.filter(audit=audit).count() == 1


def test_a_finding_with_a_blank_theme_shows_the_error(client, business_unit, partnership, audit):
    client.force_login(business_unit)
    response = client.post(url("finding_create", partnership, audit=audit.pk), _posted(theme=""))
    assert response.status_code == 200
    assert "Enter the theme of the finding" in response.content.decode()


def test_raising_an_action_from_a_finding(client, business_unit, partnership, agency, finding):
    client.force_login(business_unit)
    due = timezone.localdate() + dt.timedelta(days=60)
    response = client.post(
        url("finding_action", partnership, pk=finding.pk),
        {"title": "Core groups within ten working days", "owner_agency": agency.pk, "due_on": due.isoformat()},
    )
    assert response.status_code == 302
    assert response.url == finding.get_absolute_url()
    action = Action.objects.get(title="Core groups within ten working days")
    assert action.source == finding
    # The action's page links back to the finding that raised it.
    html = page(client, business_unit, action.get_absolute_url())
    assert f'href="{finding.get_absolute_url()}"' in html


def test_moving_a_finding_down(client, business_unit, partnership, audit, finding):
    later = FindingFactory(audit=audit, created_by=business_unit, theme="Planning")
    client.force_login(business_unit)
    response = client.post(url("finding_move", partnership, pk=finding.pk), {"direction": "down"})
    assert response.status_code == 302
    finding.refresh_from_db()
    later.refresh_from_db()
    assert finding.position > later.position


def test_deleting_a_finding_after_confirming(client, business_unit, partnership, finding):
    address = url("finding_delete", partnership, pk=finding.pk)
    assert "Delete the finding on Core groups?" in page(client, business_unit, address)
    assert client.post(address).status_code == 302
    assert not Finding.objects.filter(pk=finding.pk).exists()


def test_a_finding_that_raised_an_action_cannot_be_deleted(client, business_unit, partnership, agency, finding):
    ActionFactory(partnership=partnership, owner_agency=agency, created_by=business_unit, source=finding)
    address = url("finding_delete", partnership, pk=finding.pk)
    assert "stays on the audit" in page(client, business_unit, address)
    client.post(address)
    assert Finding.objects.filter(pk=finding.pk).exists()
