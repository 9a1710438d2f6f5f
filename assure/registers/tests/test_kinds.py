"""Register kinds as data: a kind the loader refuses names the file, the document's URN and the
field at fault; the partnership's own kind replaces Assure's of the same code."""

import pytest

from assure.library.loader import LibraryInvalid, validate_library
from assure.registers.kinds import kind_for, kinds_for

pytestmark = pytest.mark.django_db

KIND = """urn: urn:test:registers
version: 1
kind: register-kind
provider: test
title: Test registers
items:
  - urn: urn:test:register-kind:sightings
    code: sightings
    title: Sightings
    description: One sighting.
    recorded_by: [police]
    identifiers: [age]
    counted_by: {counted_by}
    retention_months: 24
    fields:
      - {{code: seen-on, label: The day, type: date}}
      - code: where
        label: Where
        type: single
        choices: [{{code: street, label: Street}}, {{code: park, label: Park}}]
    indicators:
      - {{code: sightings, title: Sightings, measure: count}}
      - {{code: by-where, title: By where, measure: breakdown, field: {breakdown}}}
"""


@pytest.fixture
def write_document(tmp_path):
    def write(text: str):
        path = tmp_path / "registers.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def problems_of(path) -> list[str]:
    with pytest.raises(LibraryInvalid) as caught:
        validate_library([path])
    return [str(problem) for problem in caught.value.problems]


def test_a_valid_kind_validates(write_document):
    [document] = validate_library([write_document(KIND.format(counted_by="seen-on", breakdown="where"))])
    assert [item.code for item in document.items] == ["sightings"]


def test_counted_by_a_field_that_is_not_a_date_is_named(write_document):
    path = write_document(KIND.format(counted_by="where", breakdown="where"))
    [problem] = problems_of(path)
    assert str(path) in problem
    assert "urn:test:register-kind:sightings" in problem
    assert "counted_by: where is not a date or date-and-time field" in problem


def test_an_indicator_on_a_field_the_kind_lacks_is_named(write_document):
    path = write_document(KIND.format(counted_by="seen-on", breakdown="when"))
    [problem] = problems_of(path)
    assert str(path) in problem
    assert "urn:test:register-kind:sightings" in problem
    assert "indicator by-where: field: when is not a field of the kind" in problem


def test_a_single_choice_with_one_choice_is_named(write_document):
    text = KIND.format(counted_by="seen-on", breakdown="where").replace(
        "[{code: street, label: Street}, {code: park, label: Park}]", "[{code: street, label: Street}]"
    )
    [problem] = problems_of(write_document(text))
    assert "urn:test:register-kind:sightings" in problem
    assert "field where: a single field offers two choices or more" in problem


def test_the_shipped_kinds_are_every_partnerships(partnership):
    codes = {kind.code for kind in kinds_for(partnership)}
    assert {
        "placement-notification",
        "cse-panel-referral",
        "missing-episode",
        "operation-encompass",
        "custody-after-charge",
        "marac-case",
    } <= codes
    assert kind_for(partnership, "marac-case").spec.counted_by == "discussed-on"
    assert kind_for(partnership, "no-such-register") is None
