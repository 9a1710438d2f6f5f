"""An entry never holds a name, a full date of birth or an address: its reference, area and short
text fields refuse what looks like one, and accept the references agencies use."""

import pytest

from assure.registers.identifiers import identifier_problem

WHAT = "the agency's reference"


@pytest.mark.parametrize("text", ["Jane Smith", "Smith, Jane", "ref for Jane Smith", "Kayleigh-Ann Jones"])
def test_a_name_is_refused(text):
    problem = identifier_problem(text, what=WHAT)
    assert problem is not None
    assert problem.startswith("The agency's reference must not be a name")


@pytest.mark.parametrize(
    "text", ["03/04/2009", "3.4.2009", "3 April 2009", "April 3rd 2009", "2009-04-03", "dob 3/4/09"]
)
def test_a_full_date_of_birth_is_refused(text):
    assert "must not be a date of birth" in identifier_problem(text, what=WHAT)


@pytest.mark.parametrize("text", ["12 Castle Street", "12 castle street", "Flat 3, 14 Mill Lane", "SY1 1AA", "sy3 8hq"])
def test_an_address_or_a_postcode_is_refused(text):
    assert "must not be an address" in identifier_problem(text, what=WHAT)


@pytest.mark.parametrize(
    "text",
    ["MARAC/00123", "CSE-2015-044", "RG-0042", "SC400001", "PN/2015/00412", "12/3456/78", "31/02/2009", "", "  "],
)
def test_an_agency_reference_is_accepted(text):
    assert identifier_problem(text, what=WHAT) is None


@pytest.mark.parametrize(
    "text", ["North Shropshire", "Shrewsbury", "Market Drayton", "Telford and Wrekin", "Oak Lodge"]
)
def test_areas_and_homes_are_accepted(text):
    assert identifier_problem(text, what="the area") is None


def test_the_callers_known_names_are_safe():
    assert identifier_problem("Clun Forest", what="the area") is not None
    assert identifier_problem("Clun Forest", what="the area", known=["Clun Forest"]) is None


def test_the_message_names_the_field():
    assert identifier_problem("Jane Smith", what="the area").startswith("The area must not be a name")
