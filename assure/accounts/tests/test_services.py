import datetime as dt
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.accounts.models import Membership, RestrictedGrant, User
from assure.accounts.permissions import has_permission, has_restricted_grant
from assure.accounts.services import grant_give, grant_revoke, member_add, member_change_role, member_end
from assure.accounts.tests.factories import MembershipFactory, RestrictedGrantFactory, UserFactory
from assure.audit.models import Event


def _messages(error: ValidationError) -> str:
    return " ".join(error.value.messages)


# member_add


def test_adding_an_existing_person_gives_them_the_role(business_unit, partnership, in_request):
    person = UserFactory(email="kit@example.org")
    membership = member_add(actor=business_unit, partnership=partnership, email="Kit@Example.org", role="auditor")
    assert membership.user == person
    assert has_permission(user=person, permission="partnerships.view", partnership=partnership)
    assert mail.outbox == []


def test_adding_records_a_member_added_event(business_unit, partnership, in_request):
    membership = member_add(
        actor=business_unit, partnership=partnership, email="new@example.org", full_name="Nia Ewe", role="viewer"
    )
    event = Event.objects.get(verb="member.added")
    assert event.actor == business_unit and event.partnership == partnership
    assert event.target_id == str(membership.pk)


def test_adding_a_new_person_creates_an_account_without_a_usable_password(business_unit, partnership, in_request):
    member_add(
        actor=business_unit, partnership=partnership, email="new@example.org", full_name="Nia Ewe", role="viewer"
    )
    person = User.objects.get(email="new@example.org")
    assert person.full_name == "Nia Ewe"
    assert not person.has_usable_password()


def test_adding_a_new_person_emails_them_a_link_to_choose_a_password(business_unit, partnership, in_request):
    member_add(
        actor=business_unit, partnership=partnership, email="new@example.org", full_name="Nia Ewe", role="viewer"
    )
    [message] = mail.outbox
    assert message.to == ["new@example.org"]
    assert partnership.name in message.subject
    assert re.search(r"http://testserver/accounts/password/reset/key/\w+-[\w-]+/", message.body)


def test_an_account_can_be_created_without_an_invitation(business_unit, partnership):
    member_add(
        actor=business_unit,
        partnership=partnership,
        email="new@example.org",
        full_name="Nia Ewe",
        role="viewer",
        invite=False,
    )
    assert User.objects.filter(email="new@example.org").exists()
    assert mail.outbox == []


def test_a_new_person_needs_a_name(business_unit, partnership, in_request):
    with pytest.raises(ValidationError) as error:
        member_add(actor=business_unit, partnership=partnership, email="new@example.org", role="viewer")
    assert "full_name" in error.value.error_dict
    assert not User.objects.filter(email="new@example.org").exists()


def test_an_agency_role_needs_an_agency(business_unit, partnership, in_request):
    with pytest.raises(ValidationError) as error:
        member_add(actor=business_unit, partnership=partnership, email="bea@example.org", role="agency-lead")
    assert "Choose the agency" in _messages(error)


def test_other_roles_refuse_an_agency(business_unit, partnership, agency, in_request):
    with pytest.raises(ValidationError) as error:
        member_add(actor=business_unit, partnership=partnership, email="vi2@example.org", role="viewer", agency=agency)
    assert "does not act for an agency" in _messages(error)


def test_the_agency_must_belong_to_the_partnership(business_unit, partnership, foreign_agency, in_request):
    with pytest.raises(ValidationError) as error:
        member_add(
            actor=business_unit,
            partnership=partnership,
            email="bea@example.org",
            role="agency-lead",
            agency=foreign_agency,
        )
    assert "this partnership's agencies" in _messages(error)


def test_a_role_must_come_from_the_library(business_unit, partnership, in_request):
    with pytest.raises(ValidationError) as error:
        member_add(actor=business_unit, partnership=partnership, email="bea@example.org", role="superuser")
    assert "role" in error.value.error_dict


def test_a_person_cannot_be_given_a_role_they_already_hold(business_unit, viewer, partnership, in_request):
    with pytest.raises(ValidationError) as error:
        member_add(actor=business_unit, partnership=partnership, email=viewer.email, role="viewer")
    assert "already has the Viewer role" in _messages(error)
    assert Membership.objects.filter(user=viewer).count() == 1


def test_an_agency_lead_may_lead_for_two_agencies(business_unit, agency_lead, partnership, other_agency, in_request):
    member_add(
        actor=business_unit, partnership=partnership, email=agency_lead.email, role="agency-lead", agency=other_agency
    )
    assert Membership.objects.filter(user=agency_lead, is_active=True).count() == 2


def test_only_those_who_manage_members_may_add_them(viewer, partnership, in_request):
    with pytest.raises(PermissionDenied):
        member_add(actor=viewer, partnership=partnership, email="x@example.org", full_name="X", role="viewer")


def test_a_business_unit_cannot_add_members_to_another_partnership(business_unit, other_partnership, in_request):
    with pytest.raises(PermissionDenied):
        member_add(
            actor=business_unit, partnership=other_partnership, email="x@example.org", full_name="X", role="viewer"
        )


# member_change_role


def test_changing_a_role_changes_what_the_person_may_do(business_unit, viewer, partnership):
    membership = viewer.memberships.get()
    member_change_role(actor=business_unit, membership=membership, role="auditor")
    membership.refresh_from_db()
    assert membership.role == "auditor"
    assert Event.objects.filter(verb="role.changed", target_id=str(membership.pk)).exists()


def test_changing_to_an_agency_role_needs_an_agency(business_unit, viewer, partnership):
    with pytest.raises(ValidationError) as error:
        member_change_role(actor=business_unit, membership=viewer.memberships.get(), role="agency-lead")
    assert "agency" in error.value.error_dict


def test_changing_to_a_role_already_held_is_refused(business_unit, viewer, partnership):
    MembershipFactory(user=viewer, partnership=partnership, role="auditor")
    with pytest.raises(ValidationError) as error:
        member_change_role(actor=business_unit, membership=viewer.memberships.get(role="viewer"), role="auditor")
    assert "already has the Auditor or reviewer role" in _messages(error)


def test_a_business_unit_officer_cannot_change_their_own_last_business_unit_role(business_unit, partnership):
    with pytest.raises(ValidationError) as error:
        member_change_role(actor=business_unit, membership=business_unit.memberships.get(), role="viewer")
    assert "cannot change your own business unit role" in _messages(error)


# member_end


def test_ending_a_membership_keeps_it_on_record_as_ended(business_unit, viewer, partnership):
    membership = viewer.memberships.get()
    member_end(actor=business_unit, membership=membership)
    membership.refresh_from_db()
    assert not membership.is_active and membership.ended_at is not None
    assert not has_permission(
        user=User.objects.get(pk=viewer.pk), permission="partnerships.view", partnership=partnership
    )
    assert Event.objects.filter(verb="member.ended", target_id=str(membership.pk)).exists()


def test_a_business_unit_officer_cannot_end_their_own_last_business_unit_membership(business_unit, partnership):
    with pytest.raises(ValidationError) as error:
        member_end(actor=business_unit, membership=business_unit.memberships.get())
    assert "cannot end your own business unit membership" in _messages(error)
    assert business_unit.memberships.get().is_active


def test_a_business_unit_officer_may_end_another_officers_membership(business_unit, partnership):
    colleague = MembershipFactory(partnership=partnership, role="business-unit")
    member_end(actor=business_unit, membership=colleague)
    colleague.refresh_from_db()
    assert not colleague.is_active


def test_ending_a_persons_last_membership_revokes_their_grants(business_unit, panel_member, partnership):
    grant = RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    member_end(actor=business_unit, membership=panel_member.memberships.get())
    grant.refresh_from_db()
    assert grant.revoked_at is not None and grant.revoked_by == business_unit


def test_ending_one_of_several_memberships_keeps_the_grants(business_unit, panel_member, partnership):
    grant = RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    MembershipFactory(user=panel_member, partnership=partnership, role="viewer")
    member_end(actor=business_unit, membership=panel_member.memberships.get(role="viewer"))
    grant.refresh_from_db()
    assert grant.revoked_at is None


def test_an_ended_membership_cannot_be_ended_again(business_unit, viewer, partnership):
    membership = viewer.memberships.get()
    member_end(actor=business_unit, membership=membership)
    with pytest.raises(ValidationError):
        member_end(actor=business_unit, membership=membership)


# grant_give and grant_revoke


def test_giving_a_grant_opens_the_area(business_unit, panel_member, partnership):
    grant = grant_give(
        actor=business_unit, membership=panel_member.memberships.get(), area="cdop", reason="Sits on the panel"
    )
    assert grant.granted_by == business_unit
    assert has_restricted_grant(user=User.objects.get(pk=panel_member.pk), partnership=partnership, area="cdop")
    assert Event.objects.filter(verb="grant.given", target_id=str(grant.pk)).exists()


def test_an_area_the_persons_roles_may_not_be_granted_is_refused(business_unit, panel_member, partnership):
    with pytest.raises(ValidationError) as error:
        grant_give(actor=business_unit, membership=panel_member.memberships.get(), area="lado", reason="Cover")
    assert "may be granted allegations against people who work with children" in _messages(error)


def test_a_grant_needs_a_reason(business_unit, panel_member, partnership):
    with pytest.raises(ValidationError) as error:
        grant_give(actor=business_unit, membership=panel_member.memberships.get(), area="cdop", reason="  ")
    assert "reason" in error.value.error_dict


def test_a_grant_cannot_expire_in_the_past(business_unit, panel_member, partnership):
    with pytest.raises(ValidationError) as error:
        grant_give(
            actor=business_unit,
            membership=panel_member.memberships.get(),
            area="cdop",
            reason="Panel",
            expires_on=timezone.localdate() - dt.timedelta(days=1),
        )
    assert "expires_on" in error.value.error_dict


def test_a_live_grant_is_not_given_twice(business_unit, panel_member, partnership):
    RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    with pytest.raises(ValidationError) as error:
        grant_give(actor=business_unit, membership=panel_member.memberships.get(), area="cdop", reason="Panel")
    assert "already has access" in _messages(error)


def test_an_expired_grant_can_be_given_again(business_unit, panel_member, partnership):
    RestrictedGrantFactory(
        user=panel_member, partnership=partnership, area="cdop", expires_on=timezone.localdate() - dt.timedelta(days=1)
    )
    grant_give(actor=business_unit, membership=panel_member.memberships.get(), area="cdop", reason="Panel again")
    assert RestrictedGrant.objects.filter(user=panel_member, area="cdop").count() == 2


def test_revoking_a_grant_closes_the_area_and_keeps_the_grant_on_record(business_unit, panel_member, partnership):
    grant = RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    grant_revoke(actor=business_unit, grant=grant)
    grant.refresh_from_db()
    assert grant.revoked_at is not None and grant.revoked_by == business_unit
    assert not has_restricted_grant(user=User.objects.get(pk=panel_member.pk), partnership=partnership, area="cdop")
    assert Event.objects.filter(verb="grant.revoked", target_id=str(grant.pk)).exists()


def test_a_revoked_grant_cannot_be_revoked_again(business_unit, panel_member, partnership):
    grant = RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    grant_revoke(actor=business_unit, grant=grant)
    with pytest.raises(ValidationError):
        grant_revoke(actor=business_unit, grant=grant)


def test_only_those_who_manage_members_may_give_grants(board_member, panel_member, partnership):
    with pytest.raises(PermissionDenied):
        grant_give(actor=board_member, membership=panel_member.memberships.get(), area="cdop", reason="Panel")
