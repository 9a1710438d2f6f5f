from assure.accounts.permissions import (
    agencies_of,
    has_permission,
    is_agency_scoped,
    permissions_of,
    requires_mfa,
    stand_in_member,
)


def test_business_unit_may_manage_its_partnership(business_unit, partnership):
    assert has_permission(user=business_unit, permission="partnerships.manage", partnership=partnership)


def test_business_unit_has_no_permission_in_another_partnership(business_unit, other_partnership):
    assert not has_permission(user=business_unit, permission="partnerships.view", partnership=other_partnership)


def test_viewer_may_not_manage(viewer, partnership):
    assert not has_permission(user=viewer, permission="partnerships.manage", partnership=partnership)


def test_agency_lead_acts_for_their_agency_only(agency_lead, partnership, agency):
    assert agencies_of(user=agency_lead, partnership=partnership) == {agency.pk}
    assert is_agency_scoped(user=agency_lead, partnership=partnership)


def test_mfa_is_required_for_designated_officer_but_not_viewer(designated_officer, viewer):
    assert requires_mfa(user=designated_officer)
    assert not requires_mfa(user=viewer)


def test_a_stand_in_member_holds_its_roles_permissions_there_and_none_elsewhere(partnership, other_partnership):
    member = stand_in_member(partnership=partnership, role="business-unit")
    assert has_permission(user=member, permission="partnerships.manage", partnership=partnership)
    assert permissions_of(user=member, partnership=partnership)  # asked twice: the remembered answer
    assert not permissions_of(user=member, partnership=other_partnership)


def test_permissions_asked_again_in_one_request_are_not_read_again(
    business_unit, partnership, django_assert_num_queries
):
    has_permission(user=business_unit, permission="partnerships.manage", partnership=partnership)
    with django_assert_num_queries(0):
        assert has_permission(user=business_unit, permission="partnerships.manage", partnership=partnership)
