import datetime as dt

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.utils import timezone

from assure.accounts.selectors import (
    agencies_of_partnership,
    grant_for,
    grantable_areas,
    grants_of_person,
    members_of,
    membership_for,
    mfa_status_of,
    role_title,
)
from assure.accounts.tests.factories import MembershipFactory, RestrictedGrantFactory


def test_business_unit_sees_the_partnerships_active_members(business_unit, viewer, partnership):
    ended = MembershipFactory(partnership=partnership, role="auditor", is_active=False, ended_at=timezone.now())
    people = {m.user for m in members_of(user=business_unit, partnership=partnership)}
    assert {business_unit, viewer} <= people
    assert ended.user not in people


def test_members_of_another_partnership_are_not_listed(business_unit, outsider, partnership):
    assert outsider not in {m.user for m in members_of(user=business_unit, partnership=partnership)}


def test_people_without_members_view_see_no_members(viewer, business_unit, partnership):
    assert not members_of(user=viewer, partnership=partnership).exists()


def test_business_unit_sees_nothing_of_another_partnerships_members(business_unit, outsider, other_partnership):
    assert not members_of(user=business_unit, partnership=other_partnership).exists()


def test_members_can_be_narrowed_by_role_agency_and_name(business_unit, agency_lead, board_member, partnership, agency):
    assert [m.user for m in members_of(user=business_unit, partnership=partnership, role="agency-lead")] == [
        agency_lead
    ]
    assert [m.user for m in members_of(user=business_unit, partnership=partnership, agency=agency)] == [agency_lead]
    assert [m.user for m in members_of(user=business_unit, partnership=partnership, search="bob o")] == [board_member]


def test_membership_for_finds_ended_memberships_unless_asked_for_active_ones(business_unit, partnership):
    ended = MembershipFactory(partnership=partnership, role="auditor", is_active=False, ended_at=timezone.now())
    assert membership_for(user=business_unit, partnership=partnership, pk=ended.pk) == ended
    assert membership_for(user=business_unit, partnership=partnership, pk=ended.pk, active_only=True) is None


def test_membership_of_another_partnership_is_not_found_through_this_one(business_unit, outsider, partnership):
    foreign = outsider.memberships.get()
    assert membership_for(user=business_unit, partnership=partnership, pk=foreign.pk) is None


def test_grants_of_a_person_are_those_of_this_partnership(business_unit, panel_member, partnership, other_partnership):
    here = RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    RestrictedGrantFactory(user=panel_member, partnership=other_partnership, area="cdop")
    assert list(grants_of_person(user=business_unit, partnership=partnership, person=panel_member)) == [here]


def test_grant_of_another_partnership_is_not_found_through_this_one(
    business_unit, outsider, other_partnership, partnership
):
    foreign = RestrictedGrantFactory(user=outsider, partnership=other_partnership, area="case-review")
    assert grant_for(user=business_unit, partnership=partnership, pk=foreign.pk) is None


def test_grantable_areas_follow_the_persons_roles(partnership, panel_member, viewer):
    assert [code for code, _ in grantable_areas(membership=panel_member.memberships.get())] == ["cdop"]
    assert grantable_areas(membership=viewer.memberships.get()) == []


def test_mfa_status_says_whether_an_app_is_set_up_and_how_many_codes_are_left(business_unit, viewer, partnership):
    RecoveryCodes.activate(business_unit)
    status = mfa_status_of(user=business_unit, partnership=partnership, person=business_unit)
    assert status.authenticator_app and status.recovery_codes_left == 10
    assert not mfa_status_of(user=business_unit, partnership=partnership, person=viewer).authenticator_app


def test_mfa_status_is_not_given_for_people_outside_the_partnership(business_unit, outsider, partnership):
    assert mfa_status_of(user=business_unit, partnership=partnership, person=outsider) is None


def test_agencies_to_choose_from_are_the_partnerships_current_ones(
    business_unit, partnership, agency, other_agency, foreign_agency
):
    from assure.partnerships.models import PartnershipAgency

    PartnershipAgency.objects.filter(partnership=partnership, agency=other_agency).update(left_on=dt.date(2015, 3, 31))
    assert list(agencies_of_partnership(user=business_unit, partnership=partnership)) == [agency]


def test_role_title_comes_from_the_library(db):
    assert role_title("designated-officer") == "Designated officer (LADO)"
    assert role_title("retired-role") == "retired-role"
