from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped, requires_mfa


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
