"""The sign-in pages (allauth's views with Assure's templates): each one renders in the page
shell with one heading and labelled controls, and no template points at a page Assure does not
have."""

import re
from pathlib import Path

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.template import RequestContext, Template, engines
from django.template.base import Origin
from django.urls import NoReverseMatch, reverse

from assure.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory, totp_code

OVERRIDES = Path(settings.BASE_DIR) / "assure" / "core" / "templates" / "overrides"
ALLAUTH_FOLDERS = ("allauth", "account", "mfa")


def _templates() -> list[Path]:
    return sorted(p for folder in ALLAUTH_FOLDERS for p in (OVERRIDES / folder).rglob("*.html"))


def _check_page(response) -> str:
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    assert len(re.findall(r"<h1[ >]", page)) == 1
    assert re.search(r"<title>\S[^<]*– Assure</title>", page)
    assert 'class="govuk-header"' in page
    for control_id in re.findall(r"<(?:input|select|textarea)\b(?![^>]*type=\"hidden\")[^>]*\bid=\"([^\"]+)\"", page):
        assert f'for="{control_id}"' in page, f"no label for {control_id}"
    assert "signup" not in page
    return page


@pytest.mark.parametrize("template", _templates(), ids=lambda p: str(p.relative_to(OVERRIDES)))
def test_templates_name_only_mounted_urls(template):
    for name in re.findall(r"{%\s*url\s+['\"]([^'\"]+)['\"]", template.read_text()):
        try:
            reverse(name)
        except NoReverseMatch as error:
            assert "is not a valid view function or pattern name" not in str(error), f"{name} is not mounted"


@pytest.mark.parametrize("template", _templates(), ids=lambda p: str(p.relative_to(OVERRIDES)))
def test_templates_have_no_inline_scripts_or_styles(template):
    text = template.read_text()
    assert "<script" not in text and "style=" not in text and "<style" not in text


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key_done",
        "account_inactive",
    ],
)
def test_pages_for_people_not_signed_in(client, db, name):
    _check_page(client.get(reverse(name)))


def test_an_invalid_reset_link_says_so(client, db):
    url = reverse("account_reset_password_from_key", kwargs={"uidb36": "1", "key": "not-a-real-key"})
    assert "This link no longer works" in _check_page(client.get(url))


@pytest.mark.parametrize("name", ["account_logout", "account_change_password", "account_reauthenticate", "mfa_index"])
def test_account_pages_of_a_signed_in_person(client, viewer, name):
    client.force_login(viewer)
    _check_page(client.get(reverse(name)))


def test_someone_without_a_password_is_asked_to_choose_one(client, partnership):
    person = UserFactory()
    person.set_unusable_password()
    person.save()
    client.force_login(person)
    assert "Choose your password" in _check_page(client.get(reverse("account_set_password")))


def test_the_second_sign_in_step(client, business_unit):
    client.post(reverse("account_login"), {"login": business_unit.email, "password": DEFAULT_PASSWORD})
    page = _check_page(client.get(reverse("mfa_authenticate")))
    assert 'autocomplete="one-time-code"' in page


def test_the_authenticator_set_up_shows_the_qr_code_and_the_secret_as_text(client, viewer):
    client.force_login(viewer)
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    page = _check_page(client.get(reverse("mfa_activate_totp")))
    assert re.search(r'<img src="data:image/svg\+xml;base64,[^"]+"[^>]* alt="QR code', page)
    assert 'data-testid="totp-secret"' in page


@pytest.fixture
def officer_with_codes(client, business_unit):
    """A business unit officer signed in through both steps, who has just confirmed their password."""
    RecoveryCodes.activate(business_unit)
    client.post(reverse("account_login"), {"login": business_unit.email, "password": DEFAULT_PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    return business_unit


@pytest.mark.parametrize(
    "name", ["mfa_index", "mfa_deactivate_totp", "mfa_view_recovery_codes", "mfa_generate_recovery_codes"]
)
def test_mfa_pages_of_a_person_with_an_authenticator(client, officer_with_codes, name):
    _check_page(client.get(reverse(name)))


def test_recovery_codes_are_listed_and_can_be_downloaded(client, officer_with_codes):
    codes = RecoveryCodes(officer_with_codes.authenticator_set.get(type="recovery_codes")).get_unused_codes()
    assert codes[0] in client.get(reverse("mfa_view_recovery_codes")).content.decode()
    download = client.get(reverse("mfa_download_recovery_codes"))
    assert download["Content-Disposition"].startswith("attachment")
    assert download.content.decode().split() == codes


def test_the_account_page_does_not_offer_to_turn_off_a_required_authenticator(client, officer_with_codes):
    page = client.get(reverse("mfa_index")).content.decode()
    assert reverse("mfa_deactivate_totp") not in page


def test_the_mfa_reauthentication_page(client, officer_with_codes):
    page = _check_page(client.get(reverse("mfa_reauthenticate")))
    assert "authenticator app" in page


def test_allauth_elements_render_govuk_components(rf, db):
    """Pages Assure does not override (and future allauth pages) still get GOV.UK markup."""
    source = (
        '{% extends "allauth/layouts/manage.html" %}{% load allauth %}{% block content %}'
        "{% element h1 %}Heading{% endelement %}"
        '{% element button href="/x" tags="danger" %}Delete{% endelement %}'
        '{% element button type="submit" tags="outline" %}Back{% endelement %}'
        '{% element field id="codes" type="textarea" readonly=True %}{% slot label %}Codes{% endslot %}{% endelement %}'
        "{% endblock %}"
    )
    engine = engines["django"].engine
    template = Template(source, origin=Origin(name="elements.html", template_name="elements.html"), engine=engine)
    request = rf.get("/")
    request.user = AnonymousUser()
    page = template.render(RequestContext(request, {}))
    assert '<h1 class="govuk-heading-l">Heading</h1>' in page
    assert 'class="govuk-button govuk-button--warning"' in page
    assert '<button class="govuk-button govuk-button--secondary"' in page
    assert '<label class="govuk-label govuk-label--s" for="codes">Codes</label>' in page
