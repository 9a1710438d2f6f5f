"""The library kind ``statutory-clock``: a clock's unit is working days, days or months, and its
length a positive number; anything else is refused, naming the file, the item and the field."""

import pytest

from assure.library.loader import LibraryInvalid, validate_library

ITEM_URN = "urn:test:statutory-clock:notify"


def clock_document(*, unit: str = "working-days", length: int = 5, amber_within: int = 2) -> str:
    return f"""urn: urn:test:statutory-clocks
version: 1
kind: statutory-clock
provider: test
title: Test clocks
items:
  - urn: {ITEM_URN}
    code: notify
    title: Notified
    description: Notified within a few working days.
    starts: the event
    stops: the notification
    unit: {unit}
    length: {length}
    amber_within: {amber_within}
"""


@pytest.fixture
def write(tmp_path):
    def write(text: str):
        path = tmp_path / "clocks.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def problems_of(path) -> list[str]:
    with pytest.raises(LibraryInvalid) as caught:
        validate_library([path])
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize("unit", ["working-days", "days", "months"])
def test_a_clock_of_each_unit_validates(write, unit):
    [document] = validate_library([write(clock_document(unit=unit))])
    assert document.items[0].unit == unit


def test_an_unknown_unit_is_refused(write):
    path = write(clock_document(unit="fortnights"))
    [problem] = problems_of(path)
    assert str(path) in problem
    assert ITEM_URN in problem
    assert "unit" in problem


def test_a_negative_length_is_refused(write):
    [problem] = problems_of(write(clock_document(length=-3)))
    assert ITEM_URN in problem
    assert "length" in problem


def test_a_length_of_nothing_is_refused(write):
    [problem] = problems_of(write(clock_document(length=0)))
    assert "length" in problem


def test_a_negative_amber_warning_is_refused(write):
    [problem] = problems_of(write(clock_document(amber_within=-1)))
    assert "amber_within" in problem
