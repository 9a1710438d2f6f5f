"""A register's figures for a year, counted from its entries (``registers/figures.py``), and the
computed indicators the library names."""

import datetime as dt
from unittest import mock

import pytest

from assure.core.computations import computation_named
from assure.partnerships.tests.factories import AgencyFactory
from assure.registers.figures import year_figures
from assure.registers.kinds import kind_for
from assure.registers.models import Entry
from assure.registers.tests.factories import EntryFactory, RetainedYearFactory, marac_values

pytestmark = pytest.mark.django_db


def _marac(partnership, day: str, **values):
    return EntryFactory(partnership=partnership, values=marac_values(**{"discussed-on": day, **values}))


def _encompass(partnership, incident: str, told: str, reference: str, agency=None):
    return EntryFactory(
        partnership=partnership,
        kind_code="operation-encompass",
        agency=agency or AgencyFactory(partnerships=[partnership]),
        agency_reference=reference,
        values={"incident-at": incident, "school-told-at": told, "present": "yes"},
    )


@pytest.fixture
def marac_year(partnership):
    _marac(partnership, "2014-04-10", repeat="yes", children=3, **{"referred-by": "idva"})
    _marac(partnership, "2014-04-24", children=2)
    _marac(partnership, "2015-03-05", repeat="yes", children=1)
    _marac(partnership, "2015-04-02", children=4)  # the next year
    _marac(partnership, "2014-03-31", children=4)  # the year before
    EntryFactory(
        partnership=partnership, values=marac_values(**{"discussed-on": "2014-05-01"}), status=Entry.Status.DRAFT
    )
    return kind_for(partnership, "marac-case")


def test_only_the_years_submitted_entries_count(partnership, marac_year):
    figures = year_figures(partnership=partnership, kind=marac_year, year="2014-15")
    assert figures["entries"] == 3
    assert figures["indicators"]["cases"] == 3


def test_where_counts_the_entries_with_the_value(partnership, marac_year):
    assert year_figures(partnership=partnership, kind=marac_year, year="2014-15")["indicators"]["repeats"] == 2


def test_sum_adds_up_a_number_field(partnership, marac_year):
    assert year_figures(partnership=partnership, kind=marac_year, year="2014-15")["indicators"]["children"] == 6


def test_breakdown_counts_each_choice(partnership, marac_year):
    by_referrer = year_figures(partnership=partnership, kind=marac_year, year="2014-15")["indicators"]["by-referrer"]
    assert by_referrer["police"] == 2
    assert by_referrer["idva"] == 1
    assert by_referrer["housing"] == 0


def test_months_place_each_entry_by_its_date(partnership, marac_year):
    months = year_figures(partnership=partnership, kind=marac_year, year="2014-15")["months"]
    assert list(months)[0] == "2014-04"
    assert list(months)[-1] == "2015-03"
    assert months["2014-04"]["cases"] == 2
    assert months["2014-04"]["children"] == 5
    assert months["2014-05"]["cases"] == 0
    assert months["2015-03"]["repeats"] == 1


def test_distinct_counts_a_reference_once_within_its_agency(partnership):
    police, other = AgencyFactory(partnerships=[partnership]), AgencyFactory(partnerships=[partnership])
    _encompass(partnership, "2014-06-02T20:00", "2014-06-03T08:30", "DA/1", police)
    _encompass(partnership, "2014-09-02T20:00", "2014-09-03T08:30", "DA/1", police)
    _encompass(partnership, "2014-10-02T20:00", "2014-10-03T08:30", "DA/1", other)
    kind = kind_for(partnership, "operation-encompass")
    figures = year_figures(partnership=partnership, kind=kind, year="2014-15")
    assert figures["indicators"]["notifications"] == 3
    assert figures["indicators"]["children"] == 2


def test_on_time_counts_the_entries_meeting_the_rule(partnership):
    _encompass(partnership, "2014-11-14T21:40", "2014-11-17T09:00", "DA/1")  # Friday night, Monday 09:00
    _encompass(partnership, "2014-11-14T21:40", "2014-11-17T10:00", "DA/2")
    _encompass(partnership, "2014-11-18T21:40", "2014-11-19T07:45", "DA/3")
    _encompass(partnership, "2014-11-19T21:40", "", "DA/4")  # not yet told: not counted
    kind = kind_for(partnership, "operation-encompass")
    figures = year_figures(partnership=partnership, kind=kind, year="2014-15")
    assert figures["indicators"]["by-nine"] == {"met": 2, "counted": 3, "percent": 67}
    assert figures["timeliness"]["school-by-nine"] == {"met": 2, "counted": 3}
    assert figures["months"]["2014-11"]["by-nine"]["counted"] == 3


def test_a_year_retention_deleted_is_read_from_what_it_kept(partnership, marac):
    kept = {"entries": 150, "indicators": {"cases": 150, "repeats": 20}, "months": {}, "timeliness": {}}
    RetainedYearFactory(partnership=partnership, year="2008-09", figures=kept)
    figures = year_figures(partnership=partnership, kind=marac, year="2008-09")
    assert figures["indicators"]["cases"] == 150
    assert figures["retained"] is True


def test_the_figures_are_stored_as_json(partnership, marac_year):
    import json

    figures = year_figures(partnership=partnership, kind=marac_year, year="2014-15")
    assert json.loads(json.dumps(figures)) == figures


# --- the computed indicators ---------------------------------------------------------------------


def _compute(partnership, kind: str, indicator: str):
    computation = computation_named("registers.indicator")
    with mock.patch("assure.registers.computations.timezone.localdate", return_value=dt.date(2015, 6, 1)):
        return computation.compute(partnership=partnership, parameters={"kind": kind, "indicator": indicator})


def test_the_computation_gives_a_figure_for_each_ended_year(partnership, marac_year):
    _marac(partnership, "2015-05-01")  # 2015-16 has not ended on 1 June 2015
    figures = {f.year: f for f in _compute(partnership, "marac-case", "cases")}
    assert sorted(figures) == ["2013-14", "2014-15"]
    assert figures["2014-15"].numerator == 3
    assert figures["2014-15"].counted_from == "3 entries of the register MARAC cases"


def test_the_computation_counts_on_time_out_of_those_counted(partnership):
    _encompass(partnership, "2014-11-14T21:40", "2014-11-17T09:00", "DA/1")
    _encompass(partnership, "2014-11-14T21:40", "2014-11-17T10:00", "DA/2")
    (figure,) = _compute(partnership, "operation-encompass", "by-nine")
    assert (figure.numerator, figure.denominator) == (1, 2)


def test_the_computation_gives_no_figure_for_a_breakdown(partnership, marac_year):
    assert _compute(partnership, "marac-case", "by-referrer") == []


def test_the_library_names_the_computation():
    from assure.library.selectors import current_item

    item = current_item(kind="indicator", code="marac-children")
    assert item.data["computed"] == {
        "computation": "registers.indicator",
        "parameters": {"kind": "marac-case", "indicator": "children"},
    }
