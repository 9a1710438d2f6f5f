"""Small-number suppression: single counts, complementary suppression beside a total, percentages
of hidden counts, and the rule read from the library."""

import pytest

from assure.core.suppression import (
    DisclosureRule,
    Shown,
    disclosure_rule,
    percent_of,
    suppress_count,
    suppress_percent,
    suppress_table,
)

RULE = DisclosureRule(threshold=6, shown_as="fewer than 6", hide_zero=False)


@pytest.mark.parametrize("n", [1, 2, 5])
def test_a_count_from_one_to_five_is_hidden(n):
    assert suppress_count(n, RULE) == Shown(value=None, text="fewer than 6", hidden=True)


@pytest.mark.parametrize("n", [6, 20])
def test_a_count_of_six_or_more_is_shown(n):
    assert suppress_count(n, RULE) == Shown(value=n, text=str(n))


def test_zero_is_shown_unless_the_rule_hides_it():
    assert suppress_count(0, RULE).text == "0"
    assert suppress_count(0, DisclosureRule(hide_zero=True)).hidden


def test_one_hidden_cell_beside_a_shown_total_hides_the_smallest_other():
    cells, total = suppress_table([10, 3, 7, 8], RULE, total=28)
    assert [c.text for c in cells] == ["10", "fewer than 6", "fewer than 6", "8"]
    assert total.text == "28"


def test_the_second_cell_is_never_a_zero():
    cells, _ = suppress_table([0, 3, 9, 12], RULE, total=24)
    assert [c.text for c in cells] == ["0", "fewer than 6", "fewer than 6", "12"]


def test_two_hidden_cells_need_no_more():
    cells, total = suppress_table([8, 4, 3, 2, 2, 1], RULE, total=20)
    assert [c.hidden for c in cells] == [False, True, True, True, True, True]
    assert total.text == "20"


def test_the_total_is_hidden_when_no_other_cell_can_be():
    cells, total = suppress_table([3, 0], DisclosureRule(threshold=3), total=3)
    assert not cells[0].hidden and total.text == "3"
    cells, total = suppress_table([2, 0], RULE, total=2)
    assert cells[0].hidden and total.hidden


def test_the_total_is_hidden_when_the_only_other_cell_is_zero():
    rule = DisclosureRule(threshold=3, shown_as="fewer than 3")
    cells, total = suppress_table([0, 2, 0, 7], rule, total=9)
    # 7 is hidden with the 2, so the total may stay.
    assert [c.hidden for c in cells] == [False, True, False, True] and not total.hidden


def test_no_total_hides_only_the_small_cells():
    cells, total = suppress_table([10, 3], RULE)
    assert [c.text for c in cells] == ["10", "fewer than 6"] and total is None


def test_a_hidden_cell_cannot_be_worked_out_by_subtraction():
    counts = [6, 4, 3, 2, 2, 1, 1, 1]
    cells, total = suppress_table(counts, RULE, total=20)
    unknown = [i for i, c in enumerate(cells) if c.hidden]
    assert len(unknown) != 1


def test_a_percentage_of_a_hidden_count_is_hidden():
    assert suppress_percent(suppress_count(4, RULE), suppress_count(20, RULE)).hidden


def test_a_percentage_of_a_hidden_whole_is_hidden():
    assert suppress_percent(suppress_count(8, RULE), suppress_count(0, DisclosureRule(hide_zero=True))).hidden


def test_a_percentage_of_shown_counts_is_shown():
    assert suppress_percent(suppress_count(12, RULE), suppress_count(20, RULE)).text == "60%"
    assert percent_of(1, 3).text == "33%"
    assert percent_of(0, 0).text == "–"


@pytest.mark.django_db
def test_the_rule_is_read_from_the_library():
    rule = disclosure_rule()
    assert (rule.threshold, rule.shown_as, rule.hide_zero) == (6, "fewer than 6", False)
