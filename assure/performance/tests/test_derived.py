"""Figures a statistics mapping works out from several columns (imports/derived.py), as the reader
reads them: a percentage from two counts, sums and differences, and a figure that is not
available, with its reason, whenever one of its columns is suppressed."""

from decimal import Decimal as D

import pytest

from assure.library.schemas import StatisticsMappingItem
from assure.performance.imports import ImportRejected
from assure.performance.imports.reader import Measure, read_statistics

HEADER = "time_period,geographic_level,new_la_code,held,on_time,late,other"


def mapping(*measures: dict) -> StatisticsMappingItem:
    return StatisticsMappingItem.model_validate(
        {
            "urn": "urn:test:statistics-mapping:derived",
            "code": "test-derived",
            "title": "Derived figures",
            "description": "Conferences held, on time and late.",
            "publication": "Test publication",
            "file_pattern": "*.csv",
            "period_convention": "year_ending_march",
            "levels": {"Local authority": "local_authority"},
            "code_columns": {"local_authority": "new_la_code"},
            "measures": list(measures),
        }
    )


PERCENT_ON_TIME = {"indicator": "on-time-percent", "derive": "ratio", "columns": ["on_time", "held"], "per": 100}


def figure(cells: str, measure: dict = PERCENT_ON_TIME) -> Measure:
    """The one figure of one row whose held, on_time, late and other cells are ``cells``."""
    text = f"{HEADER}\n2015,Local authority,E06000051,{cells}\n"
    [row] = read_statistics(text=text, mapping=mapping(measure)).rows
    [found] = row.measures
    return found


def problems(cells: str, measure: dict = PERCENT_ON_TIME, header: str = HEADER) -> list[tuple]:
    text = f"{header}\n2015,Local authority,E06000051,{cells}\n"
    with pytest.raises(ImportRejected) as caught:
        read_statistics(text=text, mapping=mapping(measure))
    return [(p.line, p.column, p.reason, p.kind) for p in caught.value.problems]


# --- a ratio ---------------------------------------------------------------------------------


def test_a_ratio_per_100_is_the_percentage_with_its_numerator_and_denominator():
    assert figure("200,171,29,0") == Measure("on-time-percent", D("85.5000"), "", D("171"), D("200"))


def test_a_ratio_is_rounded_to_four_places():
    assert figure("3,2,1,0").value == D("66.6667")


def test_a_ratio_is_rounded_half_up():
    assert figure("128,1,127,0").value == D("0.7813")  # 0.78125


def test_a_ratio_per_1_is_a_plain_ratio():
    measure = {**PERCENT_ON_TIME, "per": 1}
    assert figure("8,2,6,0", measure).value == D("0.2500")


@pytest.mark.parametrize(
    ("cells", "reason", "numerator", "denominator"),
    [
        ("200,c,29,0", "c", None, D("200")),  # the numerator suppressed
        ("low,171,29,0", "low", D("171"), None),  # the denominator suppressed
        ("x,c,29,0", "c", None, None),  # both: the first column's reason, as the mapping lists them
    ],
)
def test_a_ratio_with_a_suppressed_column_is_not_available_with_its_reason(cells, reason, numerator, denominator):
    assert figure(cells) == Measure("on-time-percent", None, reason, numerator, denominator)


def test_a_ratio_of_a_denominator_of_zero_is_not_applicable():
    assert figure("0,0,0,0") == Measure("on-time-percent", None, "z", D("0"), D("0"))


# --- sums and differences --------------------------------------------------------------------


def test_a_sum_adds_every_column():
    measure = {"indicator": "all", "derive": "sum", "columns": ["on_time", "late", "other"]}
    assert figure("200,171,29,4", measure) == Measure("all", D("204"), "", None, None)


def test_a_difference_takes_the_others_from_the_first():
    measure = {"indicator": "unexplained", "derive": "difference", "columns": ["held", "on_time", "late"]}
    assert figure("210,171,29,0", measure).value == D("10")


def test_a_sum_with_a_suppressed_column_is_not_available_with_its_reason():
    measure = {"indicator": "all", "derive": "sum", "columns": ["on_time", "late"]}
    assert figure("200,171,k,0", measure) == Measure("all", None, "k", None, None)


# --- cells that are not figures --------------------------------------------------------------


def test_an_empty_column_of_a_derived_figure_is_a_problem_of_its_row():
    assert problems("200,,29,0") == [(2, "on_time", "empty; expected a number or a suppression code", "empty-figure")]


def test_a_column_that_is_not_a_number_is_a_problem_of_its_row():
    [(line, column, reason, kind)] = problems("two hundred,171,29,0")
    assert (line, column, kind) == (2, "held", "not-a-figure")
    assert "'two hundred' is neither a number nor a suppression code" in reason


def test_a_column_a_derived_figure_needs_must_be_in_the_file():
    header = HEADER.replace(",on_time,", ",on_time_count,")
    assert problems("200,171,29,0", header=header) == [
        (1, "on_time", "this column is missing from the file", "missing-column")
    ]


def test_a_figure_too_large_to_store_is_a_problem_of_its_row():
    measure = {"indicator": "all", "derive": "sum", "columns": ["held", "other"]}
    [(line, column, reason, kind)] = problems("999999999999,171,29,999999999999", measure)
    assert (line, column, kind) == (2, "held", "not-a-figure")
    assert reason == "the sum of held, other is 1999999999998.0000, more than a figure can hold"
