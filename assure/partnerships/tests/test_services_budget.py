from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.partnerships.models import Contribution, Expenditure
from assure.partnerships.services import (
    contribution_create,
    contribution_delete,
    contribution_update,
    expenditure_create,
    expenditure_delete,
    expenditure_update,
)
from assure.partnerships.tests.factories import ContributionFactory, ExpenditureFactory


def test_business_unit_records_an_agencys_contribution(business_unit, partnership, agency):
    contribution = contribution_create(
        actor=business_unit, partnership=partnership, year="2014-15", amount=Decimal("49450.00"), agency=agency
    )
    assert contribution.contributor == agency.name
    event = Event.objects.get(verb="contribution.added")
    assert event.summary == f"Contribution from {agency.name} of £49,450.00 added for 2014-15"


def test_contribution_may_come_from_another_source(business_unit, partnership):
    contribution = contribution_create(
        actor=business_unit, partnership=partnership, year="2014-15", amount=Decimal("3000"), source="Training income"
    )
    assert contribution.contributor == "Training income"


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("-5")])
def test_amount_must_be_more_than_zero(business_unit, partnership, agency, amount):
    with pytest.raises(ValidationError) as raised:
        contribution_create(actor=business_unit, partnership=partnership, year="2014-15", amount=amount, agency=agency)
    assert raised.value.message_dict["amount"] == ["Enter an amount greater than £0."]


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("2014", "Enter the financial year like 2014-15."),
        ("2014-16", "The two years of a financial year must be consecutive, like 2014-15."),
    ],
)
def test_year_must_be_a_financial_year(business_unit, partnership, year, message):
    with pytest.raises(ValidationError) as raised:
        expenditure_create(actor=business_unit, partnership=partnership, year=year, line="Staff", amount=Decimal("1"))
    assert raised.value.message_dict["year"] == [message]


def test_contribution_needs_an_agency_or_a_source(business_unit, partnership):
    with pytest.raises(ValidationError) as raised:
        contribution_create(actor=business_unit, partnership=partnership, year="2014-15", amount=Decimal("1"))
    assert "agency" in raised.value.message_dict


def test_contribution_cannot_name_both_an_agency_and_a_source(business_unit, partnership, agency):
    with pytest.raises(ValidationError) as raised:
        contribution_create(
            actor=business_unit,
            partnership=partnership,
            year="2014-15",
            amount=Decimal("1"),
            agency=agency,
            source="Grant",
        )
    assert "not both" in raised.value.message_dict["source"][0]


def test_contribution_from_another_partnerships_agency_is_refused(business_unit, partnership, foreign_agency):
    with pytest.raises(ValidationError) as raised:
        contribution_create(
            actor=business_unit, partnership=partnership, year="2014-15", amount=Decimal("1"), agency=foreign_agency
        )
    assert raised.value.message_dict["agency"] == ["Choose an agency of this partnership."]


def test_viewer_may_not_record_expenditure(viewer, partnership):
    with pytest.raises(PermissionDenied):
        expenditure_create(actor=viewer, partnership=partnership, year="2014-15", line="Staff", amount=Decimal("1"))


def test_contribution_is_corrected(business_unit, partnership, agency):
    contribution = ContributionFactory(partnership=partnership, agency=agency)
    contribution_update(
        actor=business_unit, contribution=contribution, year="2015-16", amount=Decimal("12.50"), agency=agency
    )
    contribution.refresh_from_db()
    assert (contribution.year, contribution.amount) == ("2015-16", Decimal("12.50"))
    assert Event.objects.filter(verb="contribution.updated").exists()


def test_contribution_is_deleted_with_an_event(business_unit, partnership, agency):
    contribution = ContributionFactory(partnership=partnership, agency=agency)
    contribution_delete(actor=business_unit, contribution=contribution)
    assert not Contribution.objects.exists()
    assert Event.objects.get(verb="contribution.deleted").partnership == partnership


def test_expenditure_is_recorded_corrected_and_deleted(business_unit, partnership):
    line = expenditure_create(
        actor=business_unit, partnership=partnership, year="2014-15", line="Independent chair", amount=Decimal("20000")
    )
    expenditure_update(
        actor=business_unit, expenditure=line, year="2014-15", line="Independent chair", amount=Decimal("21000")
    )
    line.refresh_from_db()
    assert line.amount == Decimal("21000.00")
    expenditure_delete(actor=business_unit, expenditure=line)
    assert not Expenditure.objects.exists()
    assert [e.verb for e in Event.objects.order_by("pk")] == [
        "expenditure.added",
        "expenditure.updated",
        "expenditure.deleted",
    ]


def test_expenditure_needs_a_description(business_unit, partnership):
    with pytest.raises(ValidationError) as raised:
        expenditure_create(actor=business_unit, partnership=partnership, year="2014-15", line="", amount=Decimal("1"))
    assert raised.value.message_dict["line"] == ["Enter what the money was spent on."]


def test_outsider_may_not_delete_another_partnerships_expenditure(outsider, partnership):
    line = ExpenditureFactory(partnership=partnership)
    with pytest.raises(PermissionDenied):
        expenditure_delete(actor=outsider, expenditure=line)
