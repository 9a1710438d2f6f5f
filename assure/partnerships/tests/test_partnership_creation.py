"""The operator creates a partnership for a local authority Assure holds and invites its first
business unit officer, from the installation's pages or the commands; the invitee chooses a
password from the e-mailed link and sets up two-step verification at first sign-in."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from assure.accounts.models import Membership
from assure.accounts.tests.factories import totp_code
from assure.audit.models import Event
from assure.partnerships import hooks
from assure.partnerships.models import Partnership
from assure.partnerships.selectors import first_steps_of, partnerships_for_operator
from assure.partnerships.services import business_unit_invite, partnership_create

WESTSHIRE = hooks.LocalAuthority(ons_code="E06000099", old_la_code="899", name="Westshire", region="South West")
PASSWORD = "a long memorable passphrase"


@pytest.fixture(autouse=True)
def westshire(monkeypatch):
    """A local authority the loaded areas would give (the performance app provides the real ones)."""
    monkeypatch.setattr(hooks, "_local_authorities", [lambda: [WESTSHIRE]])


def _create(actor, **overrides):
    fields = {"name": "Westshire Safeguarding Children Partnership", "short_name": "WSCP", "area_code": "E06000099"}
    return partnership_create(actor=actor, **(fields | overrides))


def _link(message) -> str:
    return re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", message.body).group(1)


# Services


def test_the_operator_creates_a_partnership_for_a_local_authority(operator):
    created = _create(operator)
    assert (created.slug, created.la_name, created.old_la_code, created.region) == (
        "westshire-safeguarding-children-partnership",
        "Westshire",
        "899",
        "South West",
    )
    assert Event.objects.filter(verb="partnership.created", partnership=created, actor=operator).exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": "northshire safeguarding children board"}, "name"),
        ({"slug": "northshire"}, "slug"),
        ({"area_code": "E09999999"}, "area_code"),
        ({"short_name": ""}, "short_name"),
    ],
)
def test_names_and_addresses_are_unique_and_the_area_is_one_assure_holds(operator, partnership, overrides, field):
    with pytest.raises(ValidationError) as error:
        _create(operator, **overrides)
    assert field in error.value.message_dict
    assert not Partnership.objects.filter(ons_code="E06000099").exists()


@pytest.mark.parametrize("persona", ["business_unit", "outsider"], indirect=True)
def test_no_partnership_role_may_create_a_partnership(persona):
    with pytest.raises(PermissionDenied):
        _create(persona)


def test_the_invitee_gets_the_business_unit_role_and_a_link_to_choose_a_password(client, rf, operator, partnership):
    from allauth.core.context import request_context

    with request_context(rf.get("/")):
        membership = business_unit_invite(
            actor=operator, partnership=partnership, email="Wendy@Example.org", full_name="Wendy Start"
        )
    assert (membership.role, membership.user.email, membership.user.has_usable_password()) == (
        "business-unit",
        "wendy@example.org",
        False,
    )
    assert Event.objects.filter(verb="member.invited", partnership=partnership).exists()
    [message] = mail.outbox
    assert message.to == ["wendy@example.org"] and "The operator of Assure" in message.body
    form_page = client.get(_link(message), follow=True)
    assert "Choose your password" in form_page.content.decode()
    client.post(form_page.redirect_chain[-1][0], {"password1": PASSWORD, "password2": PASSWORD})
    client.post(reverse("account_login"), {"login": "wendy@example.org", "password": PASSWORD})
    # The business unit must set up two-step verification before reaching the partnership.
    home = reverse("partnerships:home", kwargs={"partnership": partnership.slug})
    sent = client.get(home)
    assert sent.status_code == 302 and sent.url != home
    activate = client.get(reverse("mfa_activate_totp"), follow=True)
    if activate.redirect_chain:  # asked to confirm the password first
        client.post(activate.redirect_chain[-1][0], {"password": PASSWORD})
        activate = client.get(reverse("mfa_activate_totp"))
    assert "Set up an authenticator app" in activate.content.decode()
    client.post(reverse("mfa_activate_totp"), {"code": totp_code(client.session["mfa.totp.secret"])})
    assert client.get(home).status_code == 200


def test_an_existing_account_is_not_invited(operator, partnership, business_unit):
    with pytest.raises(ValidationError) as error:
        business_unit_invite(actor=operator, partnership=partnership, email=business_unit.email, full_name="X")
    assert "email" in error.value.message_dict
    assert mail.outbox == []


def test_a_business_unit_officer_may_not_invite_through_the_operators_service(business_unit, partnership):
    with pytest.raises(PermissionDenied):
        business_unit_invite(actor=business_unit, partnership=partnership, email="new@example.org", full_name="N")


# What the operator sees


def test_the_operator_lists_every_partnership_but_reads_none_of_their_records(client, operator, partnership):
    assert list(partnerships_for_operator(user=operator)) == [partnership]
    client.force_login(operator)
    listing = client.get(reverse("installation_partnerships:list")).content.decode()
    assert partnership.name in listing
    assert client.get(reverse("partnerships:home", kwargs={"partnership": partnership.slug})).status_code == 404
    agencies = reverse("partnerships:agencies", kwargs={"partnership": partnership.slug})
    assert client.get(agencies).status_code == 404


def test_others_get_no_list(business_unit, partnership):
    assert list(partnerships_for_operator(user=business_unit)) == []


# Pages


def test_the_operator_creates_a_partnership_and_invites_from_the_pages(client, operator):
    client.force_login(operator)
    form = client.get(reverse("installation_partnerships:create")).content.decode()
    assert "Westshire (E06000099)" in form
    created = client.post(
        reverse("installation_partnerships:create"),
        {
            "name": "Westshire Safeguarding Children Partnership",
            "short_name": "WSCP",
            "slug": "westshire",
            "area_code": "E06000099",
        },
    )
    assert created.url == reverse("installation_partnerships:invite", kwargs={"slug": "westshire"})
    invited = client.post(created.url, {"full_name": "Wendy Start", "email": "wendy@example.org"})
    assert invited.url == reverse("installation_partnerships:list")
    assert Membership.objects.get(user__email="wendy@example.org").partnership.slug == "westshire"
    assert len(mail.outbox) == 1


def test_the_pages_show_the_services_errors(client, operator, partnership):
    client.force_login(operator)
    page = client.post(
        reverse("installation_partnerships:create"),
        {"name": partnership.name, "short_name": "X", "area_code": "E06000099"},
    )
    assert page.status_code == 200 and "already exists" in page.content.decode()


def test_the_operator_finds_the_pages_beside_the_statistics(client, operator):
    client.force_login(operator)
    page = client.get(reverse("installation_partnerships:list")).content.decode()
    assert reverse("installation_partnerships:list") in page and reverse("statistics:list") in page


# Commands


def test_the_command_creates_a_partnership_and_invites(operator, settings):
    settings.ALLOWED_HOSTS = ["assure.example.org"]
    call_command(
        "partnership_create",
        "--name=Westshire Safeguarding Children Partnership",
        "--short-name=WSCP",
        "--area=E06000099",
        f"--operator={operator.email}",
        "--invite=wendy@example.org",
        "--invite-name=Wendy Start",
        "--site=https://assure.example.org",
    )
    created = Partnership.objects.get(ons_code="E06000099")
    assert Membership.objects.filter(partnership=created, role="business-unit", user__email="wendy@example.org")
    [message] = mail.outbox
    assert "https://assure.example.org/accounts/password/reset/key/" in message.body


def test_the_command_from_the_shell_needs_no_operator(db):
    call_command("partnership_create", "--name=Westshire SCP", "--short-name=WSCP", "--area=E06000099")
    assert Event.objects.get(verb="partnership.created").actor is None


def test_the_command_explains_a_refusal(partnership):
    with pytest.raises(CommandError, match="already exists"):
        call_command("partnership_create", f"--name={partnership.name}", "--short-name=X", "--area=E06000099")


def test_the_invite_command_needs_the_sites_address(partnership):
    with pytest.raises(CommandError, match="--site"):
        call_command("business_unit_invite", "--partnership=northshire", "--email=w@example.org", "--name=W")
    call_command(
        "business_unit_invite",
        "--partnership=northshire",
        "--email=w@example.org",
        "--name=W",
        "--site=http://testserver",
    )
    assert Membership.objects.filter(partnership=partnership, user__email="w@example.org").exists()


# First steps


def test_a_new_partnerships_overview_lists_its_first_steps_until_they_are_done(client, business_unit, partnership):
    steps = {line.label: line for line in first_steps_of(user=business_unit, partnership=partnership)}
    assert not steps["Add the partnership's agencies"].done
    assert steps["Add the partnership's agencies"].url.endswith("/agencies/add/")
    assert not steps["Load the published statistics"].url
    client.force_login(business_unit)
    page = client.get(reverse("partnerships:home", kwargs={"partnership": partnership.slug})).content.decode()
    assert "First steps" in page and "Choose the scorecard" in page


def test_an_agency_ticks_its_step(business_unit, partnership, agency):
    steps = {line.label: line.done for line in first_steps_of(user=business_unit, partnership=partnership)}
    assert steps["Add the partnership's agencies"]


def test_only_those_who_manage_the_partnership_see_the_first_steps(viewer, partnership):
    assert first_steps_of(user=viewer, partnership=partnership) == []


def test_once_every_first_step_is_taken_the_checklist_stays_away(business_unit, partnership, monkeypatch):
    from assure.partnerships import hooks

    monkeypatch.setattr(hooks, "_first_steps", {})  # a partnership with every step taken
    assert first_steps_of(user=business_unit, partnership=partnership) == []
    asked = []
    step = hooks.FirstStep(label="Never asked", hint="", is_done=lambda p: asked.append(p) or False, order=1)
    monkeypatch.setattr(hooks, "_first_steps", {step.label: step})
    assert first_steps_of(user=business_unit, partnership=partnership) == []
    assert asked == []
