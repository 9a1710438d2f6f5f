"""model_update: what it saves of a record, and when it saves nothing."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assure.core.services import model_update
from assure.partnerships.models import Agency, Expenditure
from assure.partnerships.tests.factories import AgencyFactory, ContributionFactory, ExpenditureFactory, SubgroupFactory

FIELDS = ["year", "line", "amount", "note"]


@pytest.fixture
def expenditure(partnership):
    return ExpenditureFactory(partnership=partnership, year="2014-15", line="Training", amount=Decimal("5000.00"))


def values(expenditure: Expenditure, **changes) -> dict:
    return {
        "year": expenditure.year,
        "line": expenditure.line,
        "amount": expenditure.amount,
        "note": expenditure.note,
        **changes,
    }


def test_it_returns_the_changed_fields_in_the_order_given(expenditure):
    changed = model_update(
        instance=expenditure, fields=FIELDS, data=values(expenditure, note="Two courses", year="2015-16")
    )
    assert changed == ["year", "note"]


def test_the_new_values_are_saved(expenditure):
    model_update(instance=expenditure, fields=FIELDS, data=values(expenditure, line="Serious case reviews"))
    expenditure.refresh_from_db()
    assert expenditure.line == "Serious case reviews"


def test_only_the_changed_fields_are_written(expenditure):
    Expenditure.objects.filter(pk=expenditure.pk).update(note="Written meanwhile by someone else")
    model_update(instance=expenditure, fields=FIELDS, data=values(expenditure, line="Serious case reviews"))
    expenditure.refresh_from_db()
    assert (expenditure.line, expenditure.note) == ("Serious case reviews", "Written meanwhile by someone else")


def test_nothing_is_validated_or_saved_when_nothing_changed(expenditure, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert model_update(instance=expenditure, fields=FIELDS, data=values(expenditure)) == []


def test_a_refused_value_leaves_the_row_unchanged(expenditure):
    with pytest.raises(ValidationError) as error:
        model_update(instance=expenditure, fields=FIELDS, data=values(expenditure, line="", note="Kept out"))
    assert "line" in error.value.message_dict
    expenditure.refresh_from_db()
    assert (expenditure.line, expenditure.note) == ("Training", "")


def test_a_field_missing_from_data_is_left_as_it_is(expenditure):
    assert model_update(instance=expenditure, fields=FIELDS, data={"note": "Two courses"}) == ["note"]
    expenditure.refresh_from_db()
    assert (expenditure.line, expenditure.note) == ("Training", "Two courses")


def test_a_figure_written_differently_is_a_change_as_field_history_records_it(expenditure):
    assert model_update(instance=expenditure, fields=FIELDS, data=values(expenditure, amount=Decimal("5000"))) == [
        "amount"
    ]


def test_a_related_record_is_compared_by_its_key(partnership, agency):
    contribution = ContributionFactory(partnership=partnership, agency=agency)
    same_agency = Agency.objects.get(pk=agency.pk)
    assert model_update(instance=contribution, fields=["agency"], data={"agency": same_agency}) == []


def test_a_new_related_record_is_a_change(partnership, agency):
    contribution = ContributionFactory(partnership=partnership, agency=agency)
    other = AgencyFactory(partnerships=[partnership])
    assert model_update(instance=contribution, fields=["agency"], data={"agency": other}) == ["agency"]
    contribution.refresh_from_db()
    assert contribution.agency == other


def test_a_many_to_many_field_is_refused(partnership, agency):
    subgroup = SubgroupFactory(partnership=partnership)
    with pytest.raises(ValueError):
        model_update(instance=subgroup, fields=["agencies"], data={"agencies": [agency]})
