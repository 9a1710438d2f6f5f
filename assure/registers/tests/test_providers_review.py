"""The business unit's list of private providers and its check of one: verified (they may notify
from then on) or refused with a reason, the provider e-mailed either way; what waits on its home
page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import escape

from assure.notifications.models import Message
from assure.registers.models import Provider
from assure.registers.services.providers import provider_refuse, provider_verify
from assure.registers.tests.factories import ProviderFactory
from assure.registers.waiting_providers import to_verify_waiting

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"registers:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def to_review(partnership):
    return ProviderFactory(
        partnership=partnership,
        organisation="Meadow View Care Ltd",
        status=Provider.Status.TO_REVIEW,
        reviewed_at=None,
        user__full_name="Sam Quarrendon",
        user__email="sam@meadowview.example.org",
    )


def test_the_list_shows_the_partnerships_providers(client, partnership, business_unit, to_review):
    client.force_login(business_unit)
    html = client.get(url("providers", partnership)).content.decode()
    assert "Meadow View Care Ltd" in html and escape(to_review.user.full_name) in html


def test_the_list_filters_those_waiting_for_the_check(client, partnership, business_unit, to_review, provider):
    client.force_login(business_unit)
    html = client.get(url("providers", partnership), {"status": "to-review"}).content.decode()
    assert "Meadow View Care Ltd" in html and "Hillside Care Homes Ltd" not in html


def test_the_list_searches_by_e_mail(client, partnership, business_unit, to_review, provider):
    client.force_login(business_unit)
    html = client.get(url("providers", partnership), {"q": "meadowview.example"}).content.decode()
    assert "Meadow View Care Ltd" in html and "Hillside Care Homes Ltd" not in html


def test_the_list_downloads_without_markup(client, partnership, business_unit, to_review):
    client.force_login(business_unit)
    rows = client.get(url("providers", partnership), {"_export": "csv"}).content.decode().splitlines()
    assert rows[0].startswith("Provider,Person,E-mail address") and "<" not in "".join(rows)
    assert "Waiting for the business unit" in rows[1]


def test_the_list_has_no_other_partnerships_providers(client, partnership, business_unit, other_partnership):
    ProviderFactory(partnership=other_partnership, organisation="Elsewhere Homes")
    client.force_login(business_unit)
    assert "Elsewhere Homes" not in client.get(url("providers", partnership)).content.decode()


def test_an_agency_lead_may_not_see_the_list(client, partnership, agency_lead):
    client.force_login(agency_lead)
    assert client.get(url("providers", partnership)).status_code == 403


def test_the_business_unit_verifies_a_provider(client, partnership, business_unit, to_review):
    client.force_login(business_unit)
    response = client.post(url("provider_review", partnership, pk=to_review.pk), {"decision": "verify"})
    to_review.refresh_from_db()
    assert response.status_code == 302 and to_review.status == Provider.Status.VERIFIED
    assert to_review.may_notify and to_review.reviewed_by == business_unit


def test_a_verified_provider_is_told_by_e_mail(partnership, business_unit, to_review):
    provider_verify(actor=business_unit, partnership=partnership, provider=to_review)
    message = Message.objects.get(kind="registers.provider_verified")
    assert message.recipient == to_review.user and message.path == url("notifications_mine", partnership)


def test_the_business_unit_refuses_a_provider_with_a_reason(client, partnership, business_unit, to_review):
    client.force_login(business_unit)
    client.post(
        url("provider_review", partnership, pk=to_review.pk),
        {"decision": "refuse", "reason": "Runs no home in the area."},
    )
    to_review.refresh_from_db()
    assert to_review.status == Provider.Status.REFUSED and to_review.refused_reason == "Runs no home in the area."
    assert not to_review.may_notify


def test_a_refused_provider_is_told_why(partnership, business_unit, to_review):
    provider_refuse(actor=business_unit, partnership=partnership, provider=to_review, reason="Runs no home here.")
    message = Message.objects.get(kind="registers.provider_refused")
    assert message.recipient == to_review.user and "Runs no home here." in message.body


def test_a_refusal_needs_a_reason(client, partnership, business_unit, to_review):
    client.force_login(business_unit)
    response = client.post(url("provider_review", partnership, pk=to_review.pk), {"decision": "refuse"})
    to_review.refresh_from_db()
    assert response.status_code == 200 and "Say why the provider is refused" in response.content.decode()
    assert to_review.status == Provider.Status.TO_REVIEW


def test_a_provider_already_verified_is_not_checked_again(partnership, business_unit, provider):
    profile = provider.provider_profiles.get()
    with pytest.raises(ValidationError):
        provider_refuse(actor=business_unit, partnership=partnership, provider=profile, reason="Changed our mind.")


def test_a_provider_who_has_not_confirmed_their_e_mail_cannot_be_verified(partnership, business_unit):
    unconfirmed = ProviderFactory(partnership=partnership, status=Provider.Status.TO_REVIEW, verified_at=None)
    with pytest.raises(ValidationError):
        provider_verify(actor=business_unit, partnership=partnership, provider=unconfirmed)


def test_only_the_business_unit_verifies(partnership, agency_lead, to_review):
    with pytest.raises(PermissionDenied):
        provider_verify(actor=agency_lead, partnership=partnership, provider=to_review)


def test_the_business_unit_sees_providers_to_verify_waiting(partnership, business_unit, to_review, provider):
    items = to_verify_waiting(user=business_unit, partnership=partnership, today=None)
    assert [item.title for item in items] == ["Provider to verify: Meadow View Care Ltd"]
    assert items[0].url == url("provider_review", partnership, pk=to_review.pk)


def test_an_unconfirmed_sign_up_does_not_wait_for_the_business_unit(partnership, business_unit):
    ProviderFactory(partnership=partnership, status=Provider.Status.TO_REVIEW, verified_at=None)
    assert to_verify_waiting(user=business_unit, partnership=partnership, today=None) == []


def test_providers_to_verify_wait_for_no_one_else(partnership, board_member, to_review):
    assert to_verify_waiting(user=board_member, partnership=partnership, today=None) == []


def test_the_home_page_lists_the_provider_to_verify(client, partnership, business_unit, to_review):
    client.force_login(business_unit)
    html = client.get(reverse("partnerships:home", kwargs={"partnership": partnership.slug})).content.decode()
    assert "Provider to verify: Meadow View Care Ltd" in html
