"""A verified provider's placement notifications: the form (the kind's identifiers and fields,
never a name), the draft it makes with the CSE risk assessment to answer, the submit of the
assessment that submits the notification and tells children's social care and the business unit,
and a provider seeing only their own."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from assure.notifications.models import Message
from assure.partnerships.tests.factories import AgencyFactory, library_item
from assure.questionnaires.models import Response
from assure.registers.models import Entry, Provider
from assure.registers.services.providers import notification_submit
from assure.registers.tests.factories import EntryFactory, ProviderFactory
from assure.registers.waiting_providers import drafts_waiting
from conftest import make_member

pytestmark = pytest.mark.django_db

ASSESSMENT = {
    "cse-missing": "yes",
    "cse-older-contacts": "no",
    "cse-gifts": "no",
    "cse-online": "yes",
    "cse-substances": "no",
    "cse-education": "no",
    "cse-known": "no",
    "cse-level": "at-risk",
    "cse-plan": "Staff check her phone contacts with her each evening and keep in touch with school.",
}


def url(name, partnership, **kwargs):
    return reverse(f"registers:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def council(partnership):
    return AgencyFactory(
        partnerships=[partnership],
        name="Shire Council Children's Services",
        agency_type=library_item("agency-type", "childrens-social-care"),
    )


@pytest.fixture
def council_lead(partnership, council):
    return make_member("agency-lead", partnership, agency=council, full_name="Cass Worker", email="cass@example.org")


def posted(**changes) -> dict:
    moved = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    data = {
        "agency_reference": "RCH-0042",
        "age": "14",
        "sex": "female",
        "area": "Ludlow",
        "moved-in-on": moved,
        "notified-on": timezone.localdate().isoformat(),
        "placing-authority": "other-authority",
        "setting": "childrens-home",
        "home": "Oak Lodge",
        "missing-before": "yes",
        "cse-risk": "at-risk",
    }
    data.update(changes)
    return data


@pytest.fixture
def draft(client, partnership, provider, council):
    client.force_login(provider)
    client.post(url("notify", partnership), posted())
    return Entry.objects.get(kind_code="placement-notification")


# --- the form ------------------------------------------------------------------------------------


def test_the_form_asks_the_kinds_identifiers_and_fields(client, partnership, provider, council):
    client.force_login(provider)
    html = client.get(url("notify", partnership)).content.decode()
    assert "The day the child moved in" in html and "The kind of home" in html and "Your reference" in html
    assert "month of birth" not in html.lower()


def test_a_notification_starts_as_a_draft_held_by_childrens_social_care(draft, council, provider):
    assert (draft.status, draft.source, draft.agency, draft.provider.user) == (
        Entry.Status.DRAFT,
        Entry.Source.PROVIDER,
        council,
        provider,
    )
    assert draft.values["home"] == "Oak Lodge" and draft.age == 14


def test_a_notification_starts_its_cse_risk_assessment(draft):
    assert draft.response is not None and draft.response.status == Response.Status.DRAFT


def test_the_form_goes_on_to_the_risk_assessment(client, partnership, provider, council):
    client.force_login(provider)
    response = client.post(url("notify", partnership), posted())
    entry = Entry.objects.get()
    assert response.url == url("notification_answers", partnership, pk=entry.pk)


def test_a_childs_name_as_the_reference_is_refused_and_nothing_is_lost(client, partnership, provider, council):
    client.force_login(provider)
    response = client.post(url("notify", partnership), posted(agency_reference="Jane Smith"))
    html = response.content.decode()
    assert response.status_code == 200 and not Entry.objects.exists()
    assert 'value="Oak Lodge"' in html and "govuk-error-summary" in html


def test_a_missing_field_is_named(client, partnership, provider, council):
    client.force_login(provider)
    html = client.post(url("notify", partnership), posted(setting="")).content.decode()
    assert "The kind of home" in html and not Entry.objects.exists()


def test_without_a_childrens_social_care_agency_the_provider_is_told(client, partnership, provider):
    client.force_login(provider)
    response = client.post(url("notify", partnership), posted())
    assert "no children&#x27;s social care agency" in response.content.decode() and not Entry.objects.exists()


# --- who may notify ------------------------------------------------------------------------------


def test_a_provider_waiting_for_the_check_cannot_notify(client, partnership, provider, council):
    Provider.objects.filter(user=provider).update(status=Provider.Status.TO_REVIEW)
    client.force_login(provider)
    response = client.post(url("notify", partnership), posted())
    assert "The business unit is checking your organisation" in response.content.decode()
    assert not Entry.objects.exists()


def test_a_refused_provider_sees_why_and_cannot_notify(client, partnership, provider, council):
    Provider.objects.filter(user=provider).update(status=Provider.Status.REFUSED, refused_reason="Not in the area.")
    client.force_login(provider)
    html = client.get(url("notifications_mine", partnership)).content.decode()
    assert "Not in the area." in html and url("notify", partnership) not in html
    client.post(url("notify", partnership), posted())
    assert not Entry.objects.exists()


def test_a_board_member_may_not_notify(client, partnership, board_member, council):
    client.force_login(board_member)
    assert client.get(url("notify", partnership)).status_code == 403


# --- the risk assessment -------------------------------------------------------------------------


def test_a_notification_needs_its_risk_assessment_before_it_is_submitted(client, partnership, draft):
    response = client.post(url("notification_answers", partnership, pk=draft.pk), {"action": "submit"})
    draft.refresh_from_db()
    assert response.status_code == 200 and draft.status == Entry.Status.DRAFT
    assert not Message.objects.filter(kind="registers.notification_submitted").exists()


def test_submitting_the_risk_assessment_submits_the_notification(client, partnership, draft):
    response = client.post(url("notification_answers", partnership, pk=draft.pk), {"action": "submit", **ASSESSMENT})
    draft.refresh_from_db()
    assert response.url == url("notification_detail", partnership, pk=draft.pk)
    assert draft.status == Entry.Status.SUBMITTED and draft.response.is_locked


def test_a_submitted_notification_tells_childrens_social_care_and_the_business_unit(
    client, partnership, draft, council_lead, business_unit, agency_lead
):
    client.post(url("notification_answers", partnership, pk=draft.pk), {"action": "submit", **ASSESSMENT})
    messages = Message.objects.filter(kind="registers.notification_submitted")
    assert {message.recipient for message in messages} == {council_lead, business_unit}
    assert all(message.path == url("entry_detail", partnership, pk=draft.pk) for message in messages)


def test_the_e_mail_says_nothing_about_the_child(client, partnership, draft, council_lead):
    client.post(url("notification_answers", partnership, pk=draft.pk), {"action": "submit", **ASSESSMENT})
    message = Message.objects.get(kind="registers.notification_submitted")
    text = message.subject + message.body
    assert draft.number in text
    for detail in ("RCH-0042", "14", "Ludlow", "Oak Lodge", "female", "at risk"):
        assert detail not in text


def test_a_submitted_notification_can_no_longer_be_changed(client, partnership, draft):
    client.post(url("notification_answers", partnership, pk=draft.pk), {"action": "submit", **ASSESSMENT})
    draft.refresh_from_db()
    with pytest.raises(Exception):  # noqa: B017 - refused as changed or as already submitted
        notification_submit(actor=draft.provider.user, partnership=partnership, entry=draft, response=draft.response)


def test_a_provider_refused_since_starting_cannot_submit(client, partnership, draft):
    Provider.objects.filter(pk=draft.provider_id).update(status=Provider.Status.REFUSED, refused_reason="Closed.")
    draft.refresh_from_db()
    with pytest.raises(ValidationError):
        notification_submit(actor=draft.provider.user, partnership=partnership, entry=draft, response=draft.response)


def test_the_notifications_page_shows_the_assessment(client, partnership, draft):
    client.post(url("notification_answers", partnership, pk=draft.pk), {"action": "submit", **ASSESSMENT})
    html = client.get(url("notification_detail", partnership, pk=draft.pk)).content.decode()
    assert "Oak Lodge" in html and "At risk" in html and "phone contacts" in html
    assert "no-store" in client.get(url("notification_detail", partnership, pk=draft.pk))["Cache-Control"]


def test_a_draft_waits_for_the_provider(partnership, draft, provider):
    items = drafts_waiting(user=provider, partnership=partnership, today=None)
    assert [item.url for item in items] == [url("notification_answers", partnership, pk=draft.pk)]


# --- only their own ------------------------------------------------------------------------------


@pytest.fixture
def others(partnership, council):
    other = ProviderFactory(partnership=partnership, organisation="Riverside Children's Homes")
    return EntryFactory(
        partnership=partnership,
        kind_code="placement-notification",
        agency=council,
        agency_reference="RIV-0007",
        values=posted(),
        source=Entry.Source.PROVIDER,
        provider=other,
        recorded_by=other.user,
    )


def test_my_notifications_lists_only_the_providers_own(client, partnership, draft, others):
    html = client.get(url("notifications_mine", partnership)).content.decode()
    assert draft.number in html and others.number not in html


def test_another_providers_notification_is_not_found(client, partnership, provider, others):
    client.force_login(provider)
    assert client.get(url("notification_detail", partnership, pk=others.pk)).status_code == 404
    assert client.get(url("notification_answers", partnership, pk=others.pk)).status_code == 404


def test_my_notifications_download_holds_the_providers_own(client, partnership, draft, others):
    rows = client.get(url("notifications_mine", partnership), {"_export": "csv"}).content.decode().splitlines()
    assert len(rows) == 2 and draft.number in rows[1] and "<" not in rows[1]
