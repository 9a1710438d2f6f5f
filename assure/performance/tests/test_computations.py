"""Computed figures: counted from Assure's records, stored with their provenance, written only
when they change (moving the cached scorecard on), and shown like every other figure, with a
figure the agencies returned for the same thing beside them, labelled."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from assure.core.daily import daily_commands
from assure.partnerships.tests.factories import AttendanceFactory, MeetingFactory
from assure.performance.cache import figures_version
from assure.performance.computations import computed_indicators, provenance_text
from assure.performance.models import Observation
from assure.performance.periods import period_for_year
from assure.performance.selectors.exceptions import candidates_in, rag_rule
from assure.performance.selectors.scorecard import local_figures, scorecard
from assure.performance.services.computed import compute_all_indicators, compute_indicators
from assure.performance.tests.factories import (
    PriorityFactory,
    ScorecardLineFactory,
    computed_indicator,
    indicator,
    validated_figures,
)

Source = Observation.Source


@pytest.fixture
def meetings_held(db):
    return computed_indicator(
        "test-board-meetings", computation="partnerships.meetings_held", parameters={"body": "board"}, unit="count"
    )


@pytest.fixture
def board_meetings(partnership):
    """Three board meetings in 2014-15 and one in 2015-16."""
    days = [dt.date(2014, 6, 12), dt.date(2014, 10, 9), dt.date(2015, 2, 5), dt.date(2015, 6, 11)]
    return [MeetingFactory(partnership=partnership, held_on=day) for day in days]


def computed(indicator, partnership, year="2014-15") -> Observation:
    return Observation.objects.get(
        source=Source.COMPUTED, partnership=partnership, indicator=indicator, period__label=year
    )


def test_a_computed_figure_is_stored_with_its_provenance(partnership, meetings_held, board_meetings):
    compute_indicators(partnership=partnership)
    figure = computed(meetings_held, partnership)
    assert figure.value == D(3)
    assert figure.provenance == provenance_text("the meetings register (3 board meetings)", timezone.localdate())
    assert figure.provenance.startswith("computed from the meetings register (3 board meetings) on ")
    assert computed(meetings_held, partnership, "2015-16").value == D(1)


def test_the_provenance_names_the_day_it_was_computed():
    assert provenance_text("23 Section 11 returns", dt.date(2026, 12, 6)) == (
        "computed from 23 Section 11 returns on 6 December 2026"
    )


def test_computing_again_without_a_change_writes_nothing_and_keeps_the_cache(
    partnership, meetings_held, board_meetings
):
    compute_indicators(partnership=partnership)
    version = figures_version(partnership=partnership)
    report = compute_indicators(partnership=partnership)
    assert (report.written, report.removed) == (0, 0) and report.unchanged
    assert figures_version(partnership=partnership) == version


def test_a_changed_figure_is_rewritten_and_moves_the_cache_on(partnership, meetings_held, board_meetings):
    compute_indicators(partnership=partnership)
    version = figures_version(partnership=partnership)
    MeetingFactory(partnership=partnership, held_on=dt.date(2014, 12, 4))
    report = compute_indicators(partnership=partnership)
    assert report.written
    assert computed(meetings_held, partnership).value == D(4)
    assert figures_version(partnership=partnership) != version


def test_a_year_whose_records_are_gone_loses_its_figure(partnership, meetings_held, board_meetings):
    compute_indicators(partnership=partnership)
    board_meetings[-1].delete()
    report = compute_indicators(partnership=partnership)
    assert report.removed
    assert not Observation.objects.filter(indicator=meetings_held, period__label="2015-16").exists()
    assert computed(meetings_held, partnership).value == D(3)


def test_a_period_limits_the_count_to_its_year(partnership, meetings_held, board_meetings):
    compute_indicators(partnership=partnership, period=period_for_year("2015-16"))
    labels = Observation.objects.filter(indicator=meetings_held).values_list("period__label", flat=True)
    assert list(labels) == ["2015-16"]


def test_an_owner_limits_the_count_to_its_computations(partnership, meetings_held, board_meetings):
    compute_indicators(partnership=partnership, owner="section11")
    assert not Observation.objects.filter(source=Source.COMPUTED, indicator=meetings_held).exists()


def test_every_shipped_computed_indicator_has_its_computation(db):
    codes = {c.indicator.code for c in computed_indicators()}
    assert {
        "edu-schools-audit-compliant-percent",
        "edu-early-years-audit-compliant-percent",
        "s11-classic-compliant-percent",
        "board-meetings-held",
        "board-attendance-percent",
    } <= codes


def test_attendance_recorded_counts_again_at_once(business_unit, partnership, agency):
    """The meetings services call records_changed: no daily job is needed to see the figure."""
    from assure.partnerships.services import AttendanceEntry, attendance_record

    attendance = computed_indicator(
        "test-board-attendance", computation="partnerships.attendance_percent", parameters={"body": "board"}
    )
    meeting = MeetingFactory(partnership=partnership, held_on=dt.date(2014, 6, 12))
    attendance_record(actor=business_unit, meeting=meeting, entries=[AttendanceEntry(agency, "apologies")])
    assert computed(attendance, partnership).value == D(0)
    attendance_record(actor=business_unit, meeting=meeting, entries=[AttendanceEntry(agency, "present")])
    assert computed(attendance, partnership).value == D(100)


def test_figures_are_computed_for_every_partnership(partnership, other_partnership):
    shipped = indicator("board-meetings-held")
    MeetingFactory(partnership=partnership, held_on=dt.date(2014, 6, 12))
    MeetingFactory(partnership=other_partnership, held_on=dt.date(2014, 6, 19))
    compute_all_indicators()
    assert computed(shipped, partnership).value == computed(shipped, other_partnership).value == D(1)


def test_a_partnerships_own_computed_indicator_is_counted_for_it_alone(partnership, other_partnership, meetings_held):
    MeetingFactory(partnership=other_partnership, held_on=dt.date(2014, 6, 19))
    compute_all_indicators()
    assert not Observation.objects.filter(indicator=meetings_held, partnership=other_partnership).exists()


def test_the_daily_jobs_compute_the_indicators(partnership, meetings_held, board_meetings):
    assert "compute_indicators" in daily_commands()
    call_command("compute_indicators", partnership=partnership.slug, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert computed(meetings_held, partnership).value == D(3)


# --- shown like any other figure ---------------------------------------------------------------


@pytest.fixture
def both(partnership, agency):
    """An indicator counted from the attendance register that the agency also returns, with a
    returned figure of 75 and a computed one of 50 for 2014-15, on the scorecard."""
    indicator = computed_indicator(
        "test-attendance-both",
        computation="partnerships.attendance_percent",
        parameters={"body": "board"},
        source="agency_return",
    )
    meeting = MeetingFactory(partnership=partnership, held_on=dt.date(2014, 6, 12))
    AttendanceFactory(meeting=meeting, agency=agency, status="present")
    AttendanceFactory(meeting=meeting, status="absent")
    validated_figures(
        partnership=partnership, agency=agency, period=period_for_year("2014-15"), figures={indicator: 75}
    )
    compute_indicators(partnership=partnership)
    ScorecardLineFactory(
        priority=PriorityFactory(partnership=partnership, title="Working together"),
        indicator=indicator,
        target=D(90),
        tolerance=D(5),
    )
    return indicator


def test_the_computed_figure_is_the_one_the_board_reads(board_member, partnership, both):
    [row] = scorecard(user=board_member, partnership=partnership).rows
    assert row.value == D(50)
    assert row.value_source.startswith("Computed from the attendance recorded at 1 board meeting on ")
    assert row.rag == "red"


def test_a_returned_figure_for_the_same_thing_stands_beside_it_labelled(board_member, partnership, agency, both):
    [row] = scorecard(user=board_member, partnership=partnership).rows
    # The agency typed the percentage alone: the board is told its numbers were not given.
    assert row.returned_text == "75.0% (numbers not given)"
    assert row.returned.source == f"returned by {agency.name}"


def test_the_scorecard_page_shows_both_figures_with_their_sources(client, board_member, partnership, agency, both):
    client.force_login(board_member)
    page = client.get(reverse("performance:scorecard", kwargs={"partnership": partnership.slug})).content.decode()
    assert "50.0%" in page and "Computed from the attendance recorded at 1 board meeting on" in page
    assert "75.0%" in page and f"2014-15, returned by {agency.name}" in page


def test_the_indicator_page_names_the_source_of_each_computed_figure(client, board_member, partnership, both):
    client.force_login(board_member)
    url = reverse("performance:indicator", kwargs={"partnership": partnership.slug, "code": both.code})
    page = client.get(url).content.decode()
    assert "Partnership (computed from Assure&#x27;s records)" in page
    assert "Computed from the attendance recorded at 1 board meeting on" in page
    assert "Returned beside it" in page and "75.0%" in page


def test_an_exception_report_keeps_both_figures(board_member, partnership, agency, both):
    card = scorecard(user=board_member, partnership=partnership)
    rules = [{"code": "red", "title": "Red", "condition": "rag_red"}]
    [candidate] = candidates_in(card, rules, rag_rule())
    assert candidate.figures["value"] == "50.0%"
    assert candidate.figures["source"].startswith("Computed from the attendance recorded")
    assert (candidate.figures["returned"], candidate.figures["returned_source"]) == (
        "75.0% (numbers not given)",
        f"returned by {agency.name}",
    )


def test_computed_figures_are_not_shown_to_an_outsider(outsider, partnership, both):
    assert (
        local_figures(user=outsider, partnership=partnership, indicators=[both], periods=[period_for_year("2014-15")])
        == {}
    )


def test_the_api_serves_computed_figures_with_their_provenance(board_member, partnership, both):
    from assure.performance.api.selectors import observations_visible_to
    from assure.performance.api.serializers import ObservationSerializer

    found = observations_visible_to(user=board_member, partnership=partnership).filter(source=Source.COMPUTED)
    [served] = ObservationSerializer(found.filter(indicator=both), many=True).data
    assert served["value"] == 50 and served["source"] == "computed"
    assert served["provenance"].startswith("computed from the attendance recorded at 1 board meeting on ")
