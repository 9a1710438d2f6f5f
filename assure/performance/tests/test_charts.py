"""How figures are written (units, decimals, suppression codes, changes in words) and drawn
(server-side sparklines, Vega-Lite specs)."""

from decimal import Decimal as D

from assure.performance.charts import (
    NO_FIGURE,
    change_text,
    figure_text,
    history_spec,
    journey_spec,
    sparkline_svg,
)

# --- figures in words and digits -------------------------------------------------------------


def test_a_count_has_thousands_separators():
    assert figure_text(D("2626"), unit="count") == "2,626"


def test_a_figure_is_rounded_half_up_to_its_indicators_decimals():
    assert figure_text(D("7.75"), unit="percentage", decimals=1) == "7.8%"


def test_a_rate_says_per_10000():
    assert figure_text(D("84"), unit="rate_per_10000", decimals=1) == "84.0 per 10,000"


def test_money_and_days_carry_their_unit():
    assert figure_text(D("195480"), unit="currency") == "£195,480"
    assert figure_text(D("1"), unit="days") == "1 day"
    assert figure_text(D("45"), unit="days") == "45 days"


def test_a_negative_figure_has_a_minus_sign():
    assert figure_text(D("-3"), unit="count") == "−3"


def test_a_missing_figure_is_a_dash_never_a_zero():
    assert figure_text(None, unit="count") == NO_FIGURE


def test_a_suppressed_figure_says_why_with_its_code():
    assert figure_text(None, unit="count", missing="c") == "Suppressed (c)"
    assert figure_text(None, unit="count", missing="low") == "Rounds to zero (low)"


# --- change in words -------------------------------------------------------------------------


def test_a_rise_in_words_with_its_share():
    assert change_text(D(577), D(424), unit="count") == "Up 153 (36.1%) from 424"


def test_a_fall_in_words():
    assert change_text(D(249), D(261), unit="count") == "Down 12 (4.6%) from 261"


def test_a_percentage_changes_by_percentage_points():
    assert change_text(D(10), D(13), unit="percentage") == "Down 3 percentage points from 13%"


def test_no_change_in_words():
    assert change_text(D(5), D(5), unit="count") == "No change"


def test_a_change_needs_both_years():
    assert change_text(D(5), None, unit="count") == "No figure for the year before"
    assert change_text(None, D(5), unit="count") == "No figure for this year"


# --- sparklines ------------------------------------------------------------------------------


def test_a_sparkline_is_an_image_with_every_figure_in_its_text_alternative():
    svg = sparkline_svg([("2013-14", D(424)), ("2014-15", D(577))], unit="count")
    assert svg.startswith('<svg class="assure-sparkline" role="img"')
    assert 'aria-label="Trend: 2013-14 424; 2014-15 577"' in svg
    assert "style=" not in svg  # the Content Security Policy allows no inline style


def test_a_missing_figure_breaks_the_line_rather_than_dropping_to_zero():
    svg = sparkline_svg([("1", D(10)), ("2", D(20)), ("3", None), ("4", D(15)), ("5", D(30))], unit="count")
    assert svg.count("<polyline") == 2
    assert "3 –" in svg


def test_a_lone_figure_between_gaps_is_a_dot():
    svg = sparkline_svg(
        [("1", D(10)), ("2", None), ("3", D(20)), ("4", None), ("5", D(30)), ("6", D(31))], unit="count"
    )
    assert svg.count("<polyline") == 1 and svg.count('r="2"') == 2


def test_fewer_than_two_figures_draw_nothing():
    assert sparkline_svg([("1", D(10)), ("2", None)], unit="count") == ""


def test_text_in_a_sparkline_is_escaped():
    svg = sparkline_svg([("<b>", D(1)), ("2", D(2))], unit="count")
    assert "<b>" not in svg and "&lt;b&gt;" in svg


# --- Vega-Lite specs -------------------------------------------------------------------------


def test_a_history_spec_tells_series_apart_by_dash_and_shape_as_well_as_colour():
    spec = history_spec(
        title="Referrals",
        unit="count",
        decimals=0,
        periods=["2013-14", "2014-15"],
        series={"Local": [D(1), D(2)], "England": [None, D(3)]},
    )
    encoding = spec["encoding"]
    assert {"color", "strokeDash", "shape"} <= set(encoding)
    assert encoding["color"]["scale"]["domain"] == ["Local", "England"]
    assert [v["series"] for v in spec["data"]["values"]] == ["Local", "Local", "England"]
    assert spec["data"]["values"][0] == {"period": "2013-14", "series": "Local", "value": 1.0, "shown": "1"}
    assert "table" in spec["description"]


def test_a_journey_spec_has_a_bar_per_step_and_year_with_its_figure_as_a_label():
    spec = journey_spec(
        steps=["Referrals", "Plans"],
        years=["2013-14", "2014-15"],
        figures={"2013-14": [D(10), None], "2014-15": [D(12), D(3)]},
    )
    assert len(spec["data"]["values"]) == 3
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "text"]
    assert spec["encoding"]["x"]["sort"] == ["Referrals", "Plans"]


def test_a_percentage_without_its_numbers_says_so():
    assert figure_text(D("72"), unit="percentage", without_parts=True) == "72% (numbers not given)"


def test_a_count_never_says_its_numbers_are_missing():
    assert figure_text(D("72"), unit="count", without_parts=True) == "72"


def test_a_history_of_noughts_has_a_readable_percentage_axis():
    # Private fostering's visits within 7 days: 0% in each year.
    spec = history_spec(
        title="Visited within 7 days",
        unit="percentage",
        decimals=0,
        periods=["2013-14", "2014-15"],
        series={"Local": [D(0), D(0)]},
    )
    assert spec["encoding"]["y"]["scale"] == {"domain": [0, 100]}
    assert spec["encoding"]["y"]["axis"]["format"] == ",.0~f"


def test_a_history_of_counts_ticks_at_whole_numbers():
    spec = history_spec(
        title="Notifications", unit="count", decimals=0, periods=["2013-14", "2014-15"], series={"Local": [D(8), D(5)]}
    )
    assert spec["encoding"]["y"]["axis"]["tickMinStep"] == 1
