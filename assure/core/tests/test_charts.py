"""The house style's axes: ticks at round numbers, whole numbers for counts, no more decimals
than the figures have, and an axis of figures all nought that still reads (not "0.000000")."""

import re

import vl_convert

from assure.core.charts import value_axis, vega_lite_spec


def ticks_drawn(axis: dict, figures: list[float]) -> list[str]:
    """The labels of the figure axis as Vega-Lite draws them (the category axis is hidden)."""
    spec = vega_lite_spec(
        description="A test chart.",
        width=300,
        height=200,
        values=[{"category": str(i), "value": f} for i, f in enumerate(figures)],
        mark="point",
        encoding={"x": {"field": "category", "type": "nominal", "axis": None}, "y": {**axis, "title": None}},
    )
    return re.findall(r"<text[^>]*>([^<]*)</text>", vl_convert.vegalite_to_svg(spec))


def test_counts_tick_at_whole_numbers():
    axis = value_axis("Children", whole_numbers=True, figures=[1, 3])
    assert ticks_drawn(axis, [1, 3]) == ["0", "1", "2", "3"]


def test_a_rate_ticks_at_no_finer_than_its_decimal_places():
    axis = value_axis("Rate", decimals=1, figures=[0.1, 0.3])
    assert axis["axis"] == {"tickMinStep": 0.1, "format": ",.1~f"}
    assert all(re.fullmatch(r"\d(\.\d)?", tick) for tick in ticks_drawn(axis, [0.1, 0.3]))


def test_a_percentage_axis_of_noughts_runs_to_a_hundred():
    axis = value_axis("Percentage", decimals=0, figures=[0, 0], percentage=True)
    assert axis["scale"] == {"domain": [0, 100]}
    assert ticks_drawn(axis, [0, 0]) == ["0", "20", "40", "60", "80", "100"]


def test_a_count_axis_of_noughts_still_has_a_scale():
    axis = value_axis("Children", whole_numbers=True, figures=[0, None])
    assert axis["scale"] == {"domain": [0, 5]}
    assert ticks_drawn(axis, [0]) == ["0", "1", "2", "3", "4", "5"]


def test_large_figures_are_written_with_thousands_separators():
    axis = value_axis("Referrals", whole_numbers=True, figures=[2626, 2722])
    assert "2,500" in ticks_drawn(axis, [2626, 2722])


def test_a_domain_given_is_kept():
    assert value_axis("Compliant (%)", domain=[0, 100])["scale"] == {"domain": [0, 100]}
