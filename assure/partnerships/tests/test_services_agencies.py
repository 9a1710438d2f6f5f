import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.accounts.tests.factories import MembershipFactory
from assure.audit.models import Event
from assure.partnerships.models import Agency, Attendance, PartnershipAgency
from assure.partnerships.services import agency_create, agency_remove, agency_update
from assure.partnerships.tests.factories import AttendanceFactory, MeetingFactory, library_item


def _police():
    return {"agency_type": library_item("agency-type", "police"), "sector": library_item("sector", "police")}


def test_business_unit_adds_an_agency_to_its_partnership(business_unit, partnership):
    agency = agency_create(actor=business_unit, partnership=partnership, name="Northshire Police", **_police())
    link = PartnershipAgency.objects.get(agency=agency)
    assert link.partnership == partnership
    assert link.on_board and link.joined_on is not None


def test_adding_an_agency_records_an_event(business_unit, partnership):
    agency = agency_create(actor=business_unit, partnership=partnership, name="Northshire Police", **_police())
    event = Event.objects.get(verb="agency.added")
    assert event.partnership == partnership and event.target_id == str(agency.pk)


def test_viewer_may_not_add_an_agency(viewer, partnership):
    with pytest.raises(PermissionDenied):
        agency_create(actor=viewer, partnership=partnership, name="Northshire Police", **_police())


def test_sector_must_match_the_agency_type(business_unit, partnership):
    with pytest.raises(ValidationError) as raised:
        agency_create(
            actor=business_unit,
            partnership=partnership,
            name="Northshire Police",
            agency_type=library_item("agency-type", "police"),
            sector=library_item("sector", "health"),
        )
    assert raised.value.message_dict["sector"] == [
        "The sector of a police force is Police: choose Police, or a different type of agency."
    ]


def test_duplicate_agency_name_is_refused_whatever_its_case(business_unit, partnership, agency):
    with pytest.raises(ValidationError) as raised:
        agency_create(actor=business_unit, partnership=partnership, name=agency.name.upper(), **_police())
    assert raised.value.message_dict["name"] == [f"{agency.name} is already an agency of this partnership."]


def test_duplicate_of_another_partnerships_agency_is_refused(business_unit, partnership, foreign_agency):
    with pytest.raises(ValidationError) as raised:
        agency_create(actor=business_unit, partnership=partnership, name=foreign_agency.name, **_police())
    assert "already exists" in raised.value.message_dict["name"][0]


def test_agency_can_be_added_to_every_partnership_the_actor_manages(business_unit, partnership, other_partnership):
    MembershipFactory(user=business_unit, partnership=other_partnership, role="business-unit")
    agency = agency_create(
        actor=business_unit,
        partnership=partnership,
        name="Mercia Probation",
        partnerships=[other_partnership],
        **_police(),
    )
    assert set(agency.partnerships.all()) == {partnership, other_partnership}


def test_agency_cannot_be_added_to_a_partnership_the_actor_does_not_manage(
    business_unit, partnership, other_partnership
):
    with pytest.raises(ValidationError) as raised:
        agency_create(
            actor=business_unit, partnership=partnership, name="X", partnerships=[other_partnership], **_police()
        )
    assert "partnerships" in raised.value.message_dict
    assert not Agency.objects.filter(name="X").exists()


def test_shared_agency_may_be_edited_by_either_business_unit(outsider, other_partnership, other_agency):
    agency_update(
        actor=outsider,
        partnership=other_partnership,
        agency=other_agency,
        name="Mercian Police Force",
        on_board=False,
        **_police(),
    )
    other_agency.refresh_from_db()
    assert other_agency.name == "Mercian Police Force"


def test_editing_a_shared_agency_leaves_other_partnerships_links_alone(
    outsider, partnership, other_partnership, other_agency
):
    agency_update(
        actor=outsider,
        partnership=other_partnership,
        agency=other_agency,
        name=other_agency.name,
        on_board=False,
        partnerships=[other_partnership],
        **_police(),
    )
    mine = PartnershipAgency.objects.get(partnership=partnership, agency=other_agency)
    theirs = PartnershipAgency.objects.get(partnership=other_partnership, agency=other_agency)
    assert mine.left_on is None and mine.on_board
    assert not theirs.on_board


def test_edit_can_link_and_unlink_partnerships_the_actor_manages(business_unit, partnership, other_partnership, agency):
    MembershipFactory(user=business_unit, partnership=other_partnership, role="business-unit")
    values = {"name": agency.name, "on_board": True, **_police()}
    agency_update(
        actor=business_unit, partnership=partnership, agency=agency, partnerships=[other_partnership], **values
    )
    assert other_partnership.agency_links.get(agency=agency).left_on is None
    agency_update(actor=business_unit, partnership=partnership, agency=agency, partnerships=[], **values)
    assert other_partnership.agency_links.get(agency=agency).left_on is not None
    assert partnership.agency_links.get(agency=agency).left_on is None


def test_agency_of_another_partnership_cannot_be_edited(business_unit, partnership, foreign_agency):
    with pytest.raises(ValidationError):
        agency_update(
            actor=business_unit, partnership=partnership, agency=foreign_agency, name="Y", on_board=True, **_police()
        )


def test_updating_an_agency_records_what_changed(business_unit, partnership, agency):
    agency_update(
        actor=business_unit, partnership=partnership, agency=agency, name="Renamed Trust", on_board=False, **_police()
    )
    event = Event.objects.get(verb="agency.updated")
    assert event.summary == "Renamed Trust updated: name, board seat"


def test_removing_an_agency_keeps_it_and_its_attendance(business_unit, partnership, other_agency):
    meeting = MeetingFactory(partnership=partnership)
    AttendanceFactory(meeting=meeting, agency=other_agency)
    agency_remove(actor=business_unit, partnership=partnership, agency=other_agency)
    link = PartnershipAgency.objects.get(partnership=partnership, agency=other_agency)
    assert link.left_on is not None
    assert Attendance.objects.filter(agency=other_agency).count() == 1
    assert Event.objects.filter(verb="agency.removed", partnership=partnership).exists()


def test_removing_an_agency_takes_it_off_the_partnerships_subgroups(business_unit, partnership, subgroup, agency):
    agency_lead_memberships = agency.memberships.all()
    assert not agency_lead_memberships.exists()
    agency_remove(actor=business_unit, partnership=partnership, agency=agency)
    assert not subgroup.agencies.filter(pk=agency.pk).exists()


def test_removing_an_agency_someone_acts_for_is_refused(business_unit, partnership, agency, agency_lead):
    with pytest.raises(ValidationError) as raised:
        agency_remove(actor=business_unit, partnership=partnership, agency=agency)
    assert "End their memberships first" in raised.value.messages[0]


def test_removed_agency_is_added_back_by_editing_it(business_unit, partnership, other_agency):
    agency_remove(actor=business_unit, partnership=partnership, agency=other_agency)
    agency_update(
        actor=business_unit,
        partnership=partnership,
        agency=other_agency,
        name=other_agency.name,
        on_board=True,
        **_police(),
    )
    assert partnership.agency_links.get(agency=other_agency).left_on is None


def test_adding_a_removed_agency_again_points_to_editing_it(business_unit, partnership, other_agency):
    agency_remove(actor=business_unit, partnership=partnership, agency=other_agency)
    with pytest.raises(ValidationError) as raised:
        agency_create(actor=business_unit, partnership=partnership, name=other_agency.name, **_police())
    assert "Edit it" in raised.value.message_dict["name"][0]


def test_renaming_a_shared_agency_makes_every_partnerships_scorecard_recompute(
    outsider, partnership, other_partnership, other_agency
):
    from assure.performance.cache import figures_version

    before = {p.pk: figures_version(partnership=p) for p in (partnership, other_partnership)}
    agency_update(
        actor=outsider,
        partnership=other_partnership,
        agency=other_agency,
        name="Mercia Constabulary",
        agency_type=other_agency.agency_type,
        sector=other_agency.sector,
        on_board=True,
    )
    assert all(figures_version(partnership=p) != before[p.pk] for p in (partnership, other_partnership))
