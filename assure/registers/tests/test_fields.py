"""Reading an entry's values from a form or an upload: every type of field, the identifiers a
kind asks for (and refuses when it does not), required fields, and errors by the key they came
under, in the register's words."""

import datetime as dt

import pytest

from assure.library.schemas_registers import RegisterField
from assure.registers.fields import displayed, parse_entry, parse_value, sex_choices, sex_codes
from assure.registers.kinds import kind_for

pytestmark = pytest.mark.django_db

SEXES = {"female", "male", "other", "not-known"}


def field(type_, **more) -> RegisterField:
    return RegisterField(code="f", label="The thing", type=type_, **more)


CHOICES = [{"code": "police", "label": "Police"}, {"code": "health", "label": "Health"}]


@pytest.mark.parametrize(
    ("raw", "stored"), [("yes", "yes"), ("No", "no"), ("Y", "yes"), ("n", "no"), ("TRUE", "yes"), (False, "no")]
)
def test_yes_no(raw, stored):
    assert parse_value(field("yes-no"), raw) == (stored, None)


def test_yes_no_refuses_anything_else():
    value, problem = parse_value(field("yes-no"), "maybe")
    assert value is None
    assert problem == "The thing: answer yes or no"


@pytest.mark.parametrize("raw", ["police", "Police", "POLICE"])
def test_single_takes_the_code_or_the_label(raw):
    assert parse_value(field("single", choices=CHOICES), raw) == ("police", None)


def test_single_refuses_what_is_not_offered_and_says_what_is():
    _, problem = parse_value(field("single", choices=CHOICES), "fire")
    assert problem == "The thing: choose one of Police or Health"


@pytest.mark.parametrize("raw", [["health", "police"], "Health;police", "police; health; "])
def test_multiple_takes_a_list_or_semicolons_in_the_kinds_order(raw):
    assert parse_value(field("multiple", choices=CHOICES), raw) == (["police", "health"], None)


def test_multiple_refuses_an_exclusive_answer_with_another():
    choices = [*CHOICES, {"code": "none", "label": "None of these", "exclusive": True}]
    _, problem = parse_value(field("multiple", choices=choices), ["none", "police"])
    assert "None of these cannot be chosen with another answer" in problem


@pytest.mark.parametrize(("raw", "stored"), [("2", 2), ("2.5", 2.5), (3.0, 3), (7, 7), ("1,200", 1200)])
def test_number(raw, stored):
    assert parse_value(field("number"), raw) == (stored, None)


@pytest.mark.parametrize("raw", ["two", "-1", "nan"])
def test_number_refuses_what_is_not_a_count(raw):
    value, problem = parse_value(field("number"), raw)
    assert value is None
    assert problem.startswith("The thing: enter a number")


@pytest.mark.parametrize("raw", ["2/3/2015", "02/03/2015", "2015-03-02", dt.date(2015, 3, 2), dt.datetime(2015, 3, 2)])
def test_date(raw):
    assert parse_value(field("date"), raw) == ("2015-03-02", None)


@pytest.mark.parametrize("raw", ["31/2/2015", "2/3/15", "March", "2015-13-01"])
def test_date_refuses_what_is_not_a_real_date(raw):
    assert parse_value(field("date"), raw) == (None, "The thing: enter a real date, like 27/3/2015")


@pytest.mark.parametrize(
    "raw", ["2015-03-02 21:40", "2/3/2015 21:40", "2015-03-02T21:40:00", dt.datetime(2015, 3, 2, 21, 40, 13)]
)
def test_datetime(raw):
    assert parse_value(field("datetime"), raw) == ("2015-03-02T21:40:00", None)


@pytest.mark.parametrize("raw", ["2015-03-02", "2/3/2015 25:00", "21:40"])
def test_datetime_needs_a_date_and_a_time(raw):
    value, problem = parse_value(field("datetime"), raw)
    assert value is None
    assert "enter a real date and a time" in problem


@pytest.mark.parametrize(("raw", "stored"), [("09:00", "09:00"), ("9:05", "09:05"), (dt.time(21, 40), "21:40")])
def test_time(raw, stored):
    assert parse_value(field("time"), raw) == (stored, None)


def test_time_refuses_an_hour_past_the_day():
    assert parse_value(field("time"), "24:10")[1] == "The thing: enter a time of day, like 09:00"


def test_text_is_stripped():
    assert parse_value(field("text"), "  Oak Lodge ") == ("Oak Lodge", None)


def test_text_refuses_a_name():
    value, problem = parse_value(field("text"), "Jane Smith")
    assert value is None
    assert problem.startswith("The thing must not be a name")


def test_long_text_is_not_held_to_the_identifier_rules_but_has_a_limit():
    assert parse_value(field("long-text"), "Met Jane Smith") == ("Met Jane Smith", None)
    assert "5000 characters or fewer" in parse_value(field("long-text"), "x" * 5001)[1]


@pytest.mark.parametrize("type_", ["yes-no", "number", "date", "datetime", "time", "text"])
def test_blank_is_none_without_a_problem(type_):
    assert parse_value(field(type_), "  ") == (None, None)


# --- the whole entry -----------------------------------------------------------------------------


def marac_raw(**more):
    return {
        "agency_reference": "MARAC/00123",
        "discussed-on": "12/3/2015",
        "repeat": "no",
        "children": "2",
        "referred-by": "police",
        **more,
    }


def test_a_marac_case_is_read(partnership):
    parsed, errors = parse_entry(kind_for(partnership, "marac-case"), marac_raw(), sexes=SEXES)
    assert errors == {}
    assert parsed.agency_reference == "MARAC/00123"
    assert parsed.values == {"discussed-on": "2015-03-12", "repeat": "no", "children": 2, "referred-by": "police"}
    assert parsed.occurred_on == dt.date(2015, 3, 12)


def test_errors_are_keyed_by_what_came_in(partnership):
    parsed, errors = parse_entry(
        kind_for(partnership, "marac-case"),
        marac_raw(agency_reference="", repeat="perhaps", children=""),
        sexes=SEXES,
    )
    assert parsed is None
    assert set(errors) == {"agency_reference", "repeat", "children"}
    assert errors["children"] == "Children in the household: this is needed"


def test_a_reference_that_names_someone_is_refused(partnership):
    _, errors = parse_entry(kind_for(partnership, "marac-case"), marac_raw(agency_reference="Jane Smith"), sexes=SEXES)
    assert errors["agency_reference"].startswith("The agency's reference must not be a name")


def test_identifiers_the_kind_does_not_ask_for_are_refused(partnership):
    _, errors = parse_entry(kind_for(partnership, "marac-case"), marac_raw(age="14", sex="female"), sexes=SEXES)
    assert errors == {
        "age": "This register does not record the age: leave it blank",
        "sex": "This register does not record the sex: leave it blank",
    }


def missing_raw(**more):
    return {
        "agency_reference": "WM/15/0042",
        "age": "14",
        "sex": "Female",
        "area": "North Shropshire",
        "reported-at": "2015-03-02 21:40",
        "looked-after": "yes",
        **more,
    }


def test_identifiers_the_kind_asks_for_are_read(partnership):
    parsed, errors = parse_entry(kind_for(partnership, "missing-episode"), missing_raw(), sexes=SEXES)
    assert errors == {}
    assert (parsed.age, parsed.sex, parsed.area) == (14, "female", "North Shropshire")
    assert parsed.occurred_on == dt.date(2015, 3, 2)
    assert parsed.values["reported-at"] == "2015-03-02T21:40:00"
    assert "returned-at" not in parsed.values  # blank optional fields are not stored


@pytest.mark.parametrize(
    ("more", "key", "message"),
    [
        ({"age": "fourteen"}, "age", "Age: enter the age in whole years, like 14"),
        ({"sex": "boy"}, "sex", "Sex: choose one of"),
        ({"area": "12 Castle Street"}, "area", "The area must not be an address"),
    ],
)
def test_bad_identifiers_are_named(partnership, more, key, message):
    _, errors = parse_entry(kind_for(partnership, "missing-episode"), missing_raw(**more), sexes=SEXES)
    assert errors[key].startswith(message)


def test_month_of_birth_is_the_first_of_the_month_never_the_day():
    from assure.library.schemas_registers import RegisterKindItem
    from assure.registers.kinds import RegisterKind

    spec = RegisterKindItem.model_validate(
        {
            "urn": "urn:test:register-kind:k",
            "code": "k",
            "title": "K",
            "description": "K",
            "recorded_by": ["police"],
            "identifiers": ["birth-month"],
            "counted_by": "on",
            "retention_months": 12,
            "fields": [{"code": "on", "label": "On", "type": "date"}],
            "indicators": [{"code": "n", "title": "N", "measure": "count"}],
        }
    )
    kind = RegisterKind(item=None, spec=spec)
    raw = {"agency_reference": "K/1", "on": "1/3/2015"}
    today = dt.date(2015, 4, 1)
    for given in ("2009-04", "4/2009", dt.date(2009, 4, 17)):
        parsed, errors = parse_entry(kind, {**raw, "birth_month": given}, sexes=SEXES, today=today)
        assert errors == {}
        assert parsed.birth_month == dt.date(2009, 4, 1)
    _, errors = parse_entry(kind, {**raw, "birth_month": "3/4/2009"}, sexes=SEXES, today=today)
    assert errors["birth_month"] == "Month of birth: give the month and year only, never the day"
    _, errors = parse_entry(kind, {**raw, "birth_month": "2016-01"}, sexes=SEXES, today=today)
    assert errors["birth_month"] == "Month of birth: it cannot be in the future"


def test_sexes_are_the_librarys():
    assert sex_codes() == SEXES
    assert [code for code, _ in sex_choices()] == ["female", "male", "other", "not-known"]


def test_values_are_displayed_in_words(partnership):
    kind = kind_for(partnership, "missing-episode")
    assert displayed(kind.field("reported-at"), "2015-03-02T21:40:00") == "2 March 2015 at 21:40"
    assert displayed(kind.field("looked-after"), "yes") == "Yes"
    marac = kind_for(partnership, "marac-case")
    assert displayed(marac.field("referred-by"), "idva") == "Independent domestic violence adviser"
    assert displayed(marac.field("discussed-on"), "2015-03-12") == "12 March 2015"
    assert displayed(marac.field("children"), None) == ""
