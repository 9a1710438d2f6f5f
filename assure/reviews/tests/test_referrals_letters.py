"""The library's letter-template kind and the decision letter made from it: a letter uses only the
placeholders it lists, and is filled with plain text."""

import pytest
from pydantic import ValidationError

from assure.library.schemas_letters import LetterTemplateItem, placeholders_used
from assure.library.selectors import current_item


def item(**changes):
    values = {
        "urn": "urn:assure:letter-template:test",
        "code": "test",
        "title": "A test letter",
        "description": "For the tests.",
        "subject": "Case consideration {reference}",
        "body": "Dear {referrer_name},\n\nThe decision: {decision}.",
        "placeholders": ["reference", "referrer_name", "decision"],
    }
    return LetterTemplateItem.model_validate({**values, **changes})


def test_a_letter_using_its_placeholders_is_valid():
    assert item().placeholders == ["reference", "referrer_name", "decision"]


def test_unknown_placeholders_are_refused_and_named():
    with pytest.raises(ValidationError) as raised:
        item(body="Dear {referrer_name}, about {child_name} and {school}.")
    message = str(raised.value)
    assert "{child_name}" in message and "{school}" in message


def test_an_unknown_placeholder_in_the_subject_is_refused():
    with pytest.raises(ValidationError, match="subject uses placeholders not listed"):
        item(subject="About {child}")


def test_unpaired_braces_are_refused():
    with pytest.raises(ValidationError, match="body"):
        item(body="Dear {referrer_name")


def test_a_format_spec_is_refused():
    with pytest.raises(ValidationError, match="format or conversion"):
        item(body="Dear {referrer_name!r}")


def test_doubled_braces_are_literal_braces():
    assert item(body="Dear {referrer_name} {{not a placeholder}}").render({"referrer_name": "Sam"})[1] == (
        "Dear Sam {not a placeholder}"
    )


def test_rendering_fills_with_plain_text():
    subject, body = item().render({"reference": "CC-004", "referrer_name": "<b>Sam</b>", "decision": "Audit"})
    assert subject == "Case consideration CC-004"
    assert body == "Dear <b>Sam</b>,\n\nThe decision: Audit."


def test_a_placeholder_without_a_value_is_left_empty():
    assert item().render({"reference": "CC-004"})[0] == "Case consideration CC-004"


def test_placeholders_used_lists_each_once():
    assert placeholders_used("{a} {b} {a}") == ["a", "b"]


def test_assure_ships_the_decision_letter(db):
    shipped = current_item(kind="letter-template", code="case-consideration-decision")
    letter = LetterTemplateItem.model_validate(shipped.data)
    assert {"referrer_name", "reference", "decision", "reasons", "business_unit_email"} <= set(letter.placeholders)
