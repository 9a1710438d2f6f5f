import csv
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from assure.accounts.models import Membership, RestrictedGrant, User
from assure.accounts.tests.factories import MembershipFactory, RestrictedGrantFactory
from assure.audit.models import Event

SLUG = "northshire"


def url(name: str, **kwargs) -> str:
    return reverse(f"accounts:{name}", kwargs={"partnership": SLUG, **kwargs})


@pytest.fixture
def bu_client(client, business_unit):
    client.force_login(business_unit)
    return client


# The register


def test_business_unit_sees_the_members_register(bu_client, viewer, agency_lead, agency):
    page = bu_client.get(url("members")).content.decode()
    assert "Vi Ewer" in page and "vi@example.org" in page
    assert "Agency lead" in page and agency.name in page


@pytest.mark.parametrize("persona", ["viewer", "agency_lead", "board_member", "panel_member"], indirect=True)
def test_members_without_members_view_are_refused_the_register(client, persona):
    client.force_login(persona)
    assert client.get(url("members")).status_code == 403


def test_outsider_is_told_the_partnership_does_not_exist(client, outsider, partnership):
    client.force_login(outsider)
    assert client.get(url("members")).status_code == 404


def test_register_filters_by_role(bu_client, viewer, auditor):
    page = bu_client.get(url("members"), {"role": "auditor"}).content.decode()
    assert "Audra Tor" in page and "Vi Ewer" not in page


def test_register_filters_by_agency(bu_client, agency, agency_lead, board_member):
    page = bu_client.get(url("members"), {"agency": agency.pk}).content.decode()
    assert "Ada Leed" in page and "Bob Ord" not in page


def test_register_searches_by_name(bu_client, viewer, auditor):
    page = bu_client.get(url("members"), {"q": "audra"}).content.decode()
    assert "Audra Tor" in page and "Vi Ewer" not in page


def test_register_exports_the_filtered_members_as_csv(bu_client, viewer, auditor):
    response = bu_client.get(url("members"), {"role": "viewer", "_export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Person", "E-mail address", "Role", "Agency", "Since"]
    assert rows[1:] == [["Vi Ewer", "vi@example.org", "Viewer", "", timezone.localdate().isoformat()]]


def test_register_exports_as_xlsx(bu_client, viewer):
    response = bu_client.get(url("members"), {"_export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


# Adding a person


def test_adding_a_new_person_sends_them_a_link_that_lets_them_sign_in(bu_client, partnership, client):
    response = bu_client.post(
        url("member_add"), {"email": "nia@example.org", "full_name": "Nia Ewe", "role": "viewer", "agency": ""}
    )
    membership = Membership.objects.get(user__email="nia@example.org")
    assert response.status_code == 302 and response.url == url("member_detail", pk=membership.pk)
    [message] = mail.outbox
    link = next(line for line in message.body.splitlines() if "/password/reset/key/" in line).strip()
    bu_client.logout()
    form_page = bu_client.get(link, follow=True)
    assert "Choose your password" in form_page.content.decode()
    password = "a long and memorable passphrase"
    done = bu_client.post(form_page.redirect_chain[-1][0], {"password1": password, "password2": password})
    assert done.status_code == 302
    signed_in = bu_client.post(reverse("account_login"), {"login": "nia@example.org", "password": password})
    assert signed_in.status_code == 302
    assert bu_client.session["_auth_user_id"] == str(membership.user.pk)


def test_adding_an_agency_lead_without_an_agency_says_what_is_missing(bu_client):
    response = bu_client.post(
        url("member_add"), {"email": "kit@example.org", "full_name": "Kit Lee", "role": "agency-lead", "agency": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Choose the agency this person acts for as Agency lead." in page
    assert not User.objects.filter(email="kit@example.org").exists()


def test_adding_a_viewer_with_an_agency_is_refused(bu_client, agency):
    response = bu_client.post(
        url("member_add"), {"email": "kit@example.org", "full_name": "Kit Lee", "role": "viewer", "agency": agency.pk}
    )
    assert "The Viewer role does not act for an agency: leave the agency empty." in response.content.decode()


def test_adding_a_new_person_without_a_name_asks_for_it(bu_client):
    response = bu_client.post(url("member_add"), {"email": "kit@example.org", "role": "viewer"})
    assert "Enter the person&#x27;s full name" in response.content.decode()


def test_adding_someone_twice_is_refused(bu_client, viewer):
    response = bu_client.post(url("member_add"), {"email": viewer.email, "role": "viewer"})
    assert "Vi Ewer already has the Viewer role in this partnership." in response.content.decode()
    assert Membership.objects.filter(user=viewer).count() == 1


def test_another_partnerships_agency_cannot_be_chosen(bu_client, foreign_agency):
    response = bu_client.post(
        url("member_add"),
        {"email": "kit@example.org", "full_name": "Kit Lee", "role": "agency-lead", "agency": foreign_agency.pk},
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(user__email="kit@example.org").exists()


def test_the_add_form_offers_every_role_of_the_library(bu_client):
    page = bu_client.get(url("member_add")).content.decode()
    for title in ["Business unit", "Board member", "Agency lead", "Designated officer (LADO)", "Viewer"]:
        assert title in page


# A member's page


def test_member_page_shows_roles_grants_and_mfa_without_secrets(bu_client, panel_member, partnership):
    RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop", reason="Sits on the panel")
    membership = panel_member.memberships.get()
    response = bu_client.get(url("member_detail", pk=membership.pk))
    page = response.content.decode()
    assert "Child death overview panel member" in page
    assert "Child death records" in page and "Sits on the panel" in page
    assert "Set up" in page
    secret = panel_member.authenticator_set.get().data["secret"]
    assert secret not in page


def test_member_page_says_when_mfa_is_missing_but_required(bu_client, partnership):
    officer = MembershipFactory(partnership=partnership, role="designated-officer")
    page = bu_client.get(url("member_detail", pk=officer.pk)).content.decode()
    assert "Not set up" in page and "Their role requires it" in page


def test_member_of_another_partnership_is_not_found(bu_client, outsider):
    assert bu_client.get(url("member_detail", pk=outsider.memberships.get().pk)).status_code == 404


# Changing a role


def test_changing_a_role(bu_client, viewer):
    membership = viewer.memberships.get()
    response = bu_client.post(url("member_role", pk=membership.pk), {"role": "auditor", "agency": ""})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "auditor"
    assert Event.objects.filter(verb="role.changed").exists()


def test_changing_a_role_shows_the_services_refusal(bu_client, viewer):
    membership = viewer.memberships.get()
    response = bu_client.post(url("member_role", pk=membership.pk), {"role": "agency-lead", "agency": ""})
    assert "Choose the agency this person acts for as Agency lead." in response.content.decode()


# Ending a membership


def test_ending_asks_for_confirmation_first(bu_client, viewer):
    membership = viewer.memberships.get()
    response = bu_client.get(url("member_end", pk=membership.pk))
    assert "End this membership?" in response.content.decode()
    membership.refresh_from_db()
    assert membership.is_active


def test_ending_a_membership(bu_client, viewer):
    membership = viewer.memberships.get()
    response = bu_client.post(url("member_end", pk=membership.pk))
    assert response.status_code == 302
    membership.refresh_from_db()
    assert not membership.is_active


def test_business_unit_is_told_why_they_cannot_end_their_own_membership(bu_client, business_unit):
    membership = business_unit.memberships.get()
    response = bu_client.post(url("member_end", pk=membership.pk))
    page = response.content.decode()
    assert "You cannot end your own business unit membership" in page
    membership.refresh_from_db()
    assert membership.is_active


def test_an_ended_membership_has_no_end_page(bu_client, partnership):
    ended = MembershipFactory(partnership=partnership, is_active=False, ended_at=timezone.now())
    assert bu_client.get(url("member_end", pk=ended.pk)).status_code == 404


# Grants


def test_grant_form_offers_only_the_areas_the_persons_roles_allow(bu_client, auditor):
    page = bu_client.get(url("grant_add", pk=auditor.memberships.get().pk)).content.decode()
    assert "Case review content" in page
    assert "Child death records" not in page


def test_giving_a_grant(bu_client, auditor, partnership):
    response = bu_client.post(
        url("grant_add", pk=auditor.memberships.get().pk), {"area": "case-review", "reason": "Reviewer on case A"}
    )
    assert response.status_code == 302
    assert RestrictedGrant.objects.get(user=auditor).reason == "Reviewer on case A"


def test_a_grant_needs_a_reason(bu_client, auditor):
    response = bu_client.post(url("grant_add", pk=auditor.memberships.get().pk), {"area": "case-review", "reason": ""})
    assert "There is a problem" in response.content.decode()
    assert not RestrictedGrant.objects.filter(user=auditor).exists()


def test_a_person_whose_roles_allow_no_area_is_told_so(bu_client, viewer):
    page = bu_client.get(url("grant_add", pk=viewer.memberships.get().pk)).content.decode()
    assert "may be given access to a restricted area" in page


def test_revoking_asks_for_confirmation_then_revokes(bu_client, panel_member, partnership):
    grant = RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    assert "Revoke access to child death records?" in bu_client.get(url("grant_revoke", pk=grant.pk)).content.decode()
    grant.refresh_from_db()
    assert grant.revoked_at is None
    assert bu_client.post(url("grant_revoke", pk=grant.pk)).status_code == 302
    grant.refresh_from_db()
    assert grant.revoked_at is not None


def test_grant_of_another_partnership_cannot_be_revoked_from_here(bu_client, outsider, other_partnership):
    grant = RestrictedGrantFactory(user=outsider, partnership=other_partnership, area="case-review")
    assert bu_client.post(url("grant_revoke", pk=grant.pk)).status_code == 404
    grant.refresh_from_db()
    assert grant.revoked_at is None


@pytest.mark.parametrize("name", ["member_add", "member_role", "member_end", "grant_add"])
def test_board_member_cannot_manage_members(client, board_member, viewer, name):
    client.force_login(board_member)
    kwargs = {} if name == "member_add" else {"pk": viewer.memberships.get().pk}
    assert client.post(url(name, **kwargs), {}).status_code == 403
