"""Who a request goes to, read from the roles: assure/accounts/recipients.py."""

from assure.accounts.recipients import agency_people_with, roles_granting
from assure.accounts.tests.factories import MembershipFactory


def test_roles_granting_a_permission_can_be_only_those_acting_for_an_agency(db):
    assert "agency-lead" in roles_granting("challenges.respond")
    assert "business-unit" in roles_granting("challenges.respond")
    assert roles_granting("challenges.respond", agency_scoped=True) == ["agency-lead"]
    assert "agency-lead" not in roles_granting("challenges.respond", agency_scoped=False)


def test_an_agencys_people_are_its_active_leads_in_each_partnership(
    partnership, other_partnership, agency, other_agency, agency_lead, django_assert_max_num_queries
):
    MembershipFactory(partnership=other_partnership, agency=other_agency, role="agency-lead")
    MembershipFactory(partnership=partnership, agency=agency, role="agency-lead", is_active=False)
    MembershipFactory(partnership=partnership, role="business-unit")  # grants it, for no one agency
    # One read of the memberships, besides the roles' own (the library's newest version).
    with django_assert_max_num_queries(2):
        people = agency_people_with(permission="challenges.respond", partnership_ids=[partnership.pk])
    assert people == {(partnership.pk, agency.pk): [agency_lead]}


def test_a_person_whose_role_lacks_the_permission_is_not_asked(partnership, agency, agency_lead):
    assert agency_people_with(permission="risks.manage", partnership_ids=[partnership.pk]) == {}
