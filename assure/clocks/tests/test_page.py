"""The statutory clocks page: every clock of every source the person may see, nearest due
first; met and missed ones on asking; downloaded as a spreadsheet; refused without clocks.view."""

import datetime as dt
from dataclasses import replace

import pytest
from django.utils import timezone

from assure.clocks.registry import ClockSource, clocks_for, register_clock_source, unregister_clock_source
from assure.core.menu import all_parts
from assure.core.navigation import partnership_url

from .conftest import sample_clocks

pytestmark = pytest.mark.django_db


def page(client, user, partnership, **query) -> str:
    client.force_login(user)
    return client.get(partnership_url("clocks:open", partnership), query).content.decode()


def test_clocks_for_gives_the_open_clocks_nearest_due_first(clock_source, business_unit, partnership):
    found = clocks_for(user=business_unit, partnership=partnership, today=dt.date(2026, 6, 10))
    assert [clock.title for clock in found] == ["TEST-002 overdue", "TEST-001 running"]


def test_clocks_for_gives_stopped_clocks_when_asked(clock_source, business_unit, partnership):
    found = clocks_for(user=business_unit, partnership=partnership, today=dt.date(2026, 6, 10), open_only=False)
    assert [clock.title for clock in found] == ["TEST-003 met", "TEST-002 overdue", "TEST-001 running"]


def test_clocks_for_asks_each_source_for_the_person_and_partnership(clock_source, business_unit, partnership):
    clocks_for(user=business_unit, partnership=partnership, today=dt.date(2026, 6, 10))
    assert clock_source == [{"user": business_unit, "partnership": partnership, "today": dt.date(2026, 6, 10)}]


def test_the_page_lists_open_clocks_nearest_due_first(client, clock_source, business_unit, partnership):
    shown = page(client, business_unit, partnership)
    assert shown.index("TEST-002 overdue") < shown.index("TEST-001 running")


def test_the_page_links_each_record(client, clock_source, business_unit, partnership):
    assert 'href="/somewhere/2/"' in page(client, business_unit, partnership)


def test_the_page_says_the_state_and_what_is_left(client, clock_source, business_unit, partnership):
    shown = page(client, business_unit, partnership)
    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in shown
    assert "3 working days overdue" in shown


def test_the_page_leaves_out_met_clocks(client, clock_source, business_unit, partnership):
    assert "TEST-003 met" not in page(client, business_unit, partnership)


def test_the_page_shows_met_clocks_when_asked(client, clock_source, business_unit, partnership):
    assert "TEST-003 met" in page(client, business_unit, partnership, everything="on")


@pytest.fixture
def another_source():
    def items(*, user, partnership, today):
        return [replace(clock, title=f"OTHER {clock.title}", source="other") for clock in sample_clocks(today=today)]

    register_clock_source(ClockSource(key="other", label="Other records", items=items))
    yield
    unregister_clock_source("other")


def test_the_page_shows_every_source(client, clock_source, another_source, business_unit, partnership):
    shown = page(client, business_unit, partnership)
    assert "TEST-002 overdue" in shown and "OTHER TEST-002 overdue" in shown


def test_the_page_filters_by_kind_of_record(client, clock_source, another_source, business_unit, partnership):
    shown = page(client, business_unit, partnership, source="other")
    assert "OTHER TEST-002 overdue" in shown
    assert ">TEST-002 overdue</a>" not in shown


def test_the_page_downloads_as_a_spreadsheet(client, clock_source, chair, partnership):
    client.force_login(chair)
    download = client.get(partnership_url("clocks:open", partnership), {"_export": "csv"})
    text = download.content.decode()
    assert download["Content-Type"].startswith("text/csv")
    assert "TEST-002 overdue,Test notification" in text
    assert "3 working days overdue" in text and "<strong" not in text


def test_the_download_holds_dates_started_and_due(client, clock_source, chair, partnership):
    client.force_login(chair)
    text = client.get(partnership_url("clocks:open", partnership), {"_export": "csv"}).content.decode()
    assert f"TEST-001 running,Test long clock,{timezone.localdate().isoformat()}," in text


def test_someone_without_clocks_view_is_refused(client, viewer, partnership):
    client.force_login(viewer)
    assert client.get(partnership_url("clocks:open", partnership)).status_code == 403


def test_the_page_says_when_no_clock_is_running(client, board_member, partnership):
    assert "No statutory clock is running." in page(client, board_member, partnership)


def test_statutory_clocks_are_a_part_of_reviews_and_panels():
    [part] = [part for part in all_parts() if part.url_name == "clocks:open"]
    assert (part.group, part.label, part.order, part.permission) == ("reviews", "Statutory clocks", 50, "clocks.view")


def test_the_menu_says_how_many_clocks_are_overdue(clock_source, business_unit, partnership):
    [part] = [part for part in all_parts() if part.url_name == "clocks:open"]
    assert part.waiting(user=business_unit, partnership=partnership) == "1 overdue"


def test_the_menu_says_nothing_when_no_clock_is_late(business_unit, partnership):
    [part] = [part for part in all_parts() if part.url_name == "clocks:open"]
    assert part.waiting(user=business_unit, partnership=partnership) is None
