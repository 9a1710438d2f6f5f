import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.partnerships.services import subgroup_create, subgroup_update


def test_business_unit_adds_a_subgroup_with_expected_agencies(business_unit, partnership, agency):
    subgroup = subgroup_create(
        actor=business_unit,
        partnership=partnership,
        name="Learning and Improvement",
        terms_reviewed_on=dt.date(2014, 9, 1),
        agencies=[agency],
    )
    assert list(subgroup.agencies.all()) == [agency]
    assert Event.objects.filter(verb="subgroup.added", target_id=str(subgroup.pk)).exists()


def test_board_member_may_not_add_a_subgroup(board_member, partnership):
    with pytest.raises(PermissionDenied):
        subgroup_create(actor=board_member, partnership=partnership, name="Learning and Improvement")


def test_subgroup_names_are_unique_in_a_partnership(business_unit, partnership, subgroup):
    with pytest.raises(ValidationError) as raised:
        subgroup_create(actor=business_unit, partnership=partnership, name=subgroup.name.lower())
    assert raised.value.message_dict["name"] == [f"There is already a subgroup called {subgroup.name.lower()}."]


def test_subgroup_expects_only_agencies_of_its_partnership(business_unit, partnership, foreign_agency):
    with pytest.raises(ValidationError) as raised:
        subgroup_create(actor=business_unit, partnership=partnership, name="Panel", agencies=[foreign_agency])
    assert raised.value.message_dict["agencies"] == ["Choose agencies of this partnership only."]


def test_terms_of_reference_cannot_be_reviewed_in_the_future(business_unit, partnership):
    with pytest.raises(ValidationError) as raised:
        subgroup_create(
            actor=business_unit, partnership=partnership, name="Panel", terms_reviewed_on=dt.date(2999, 1, 1)
        )
    assert "terms_reviewed_on" in raised.value.message_dict


def test_subgroup_update_changes_terms_and_agencies(business_unit, subgroup, other_agency):
    subgroup_update(
        actor=business_unit,
        subgroup=subgroup,
        name=subgroup.name,
        terms_of_reference="Revised terms.",
        agencies=[other_agency],
        is_active=False,
    )
    subgroup.refresh_from_db()
    assert subgroup.terms_of_reference == "Revised terms."
    assert list(subgroup.agencies.all()) == [other_agency]
    assert not subgroup.is_active
    assert Event.objects.filter(verb="subgroup.updated").exists()


def test_subgroup_keeps_its_own_name_on_update(business_unit, subgroup):
    subgroup_update(actor=business_unit, subgroup=subgroup, name=subgroup.name, chair="Chair of the subgroup")
    subgroup.refresh_from_db()
    assert subgroup.chair == "Chair of the subgroup"
