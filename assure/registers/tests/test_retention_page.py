"""The retention page: the business unit reads each register's retention, the years kept as
figures only and the runs of the job (what each deleted in the partnership, never another's); the
board reads none of it."""

import datetime as dt

import pytest
from django.urls import reverse

from assure.registers.models import RetentionRun

from .factories import EntryFactory, RetainedYearFactory, RetentionRunFactory, marac_values

pytestmark = pytest.mark.django_db


def url(partnership, query: str = "") -> str:
    return reverse("registers:retention", kwargs={"partnership": partnership.slug}) + query


def test_the_page_gives_each_registers_retention(client, business_unit, partnership):
    client.force_login(business_unit)
    kinds = {kind.code: kind for kind in client.get(url(partnership)).context["kinds"]}
    assert (kinds["marac-case"].months, kinds["operation-encompass"].months) == (72, 24)


def test_the_page_says_when_the_oldest_entries_go(client, business_unit, partnership, agency):
    EntryFactory(partnership=partnership, agency=agency, values=marac_values(**{"discussed-on": "2014-05-01"}))
    client.force_login(business_unit)
    response = client.get(url(partnership))
    assert "2014-15, deleted after 31 March 2021" in response.content.decode()


def test_the_page_lists_the_years_kept_as_figures_only(client, business_unit, partnership):
    RetainedYearFactory(partnership=partnership, kind_code="marac-case", year="2008-09", entries_deleted=150)
    client.force_login(business_unit)
    assert "2008-09 (150 entries deleted" in client.get(url(partnership)).content.decode()


def test_a_run_shows_what_it_deleted_in_the_partnership_only(client, business_unit, partnership, other_partnership):
    RetentionRunFactory(
        deleted=170,
        detail=[
            {"partnership": partnership.pk, "kind": "marac-case", "year": "2008-09", "deleted": 150},
            {"partnership": other_partnership.pk, "kind": "marac-case", "year": "2008-09", "deleted": 20},
        ],
    )
    client.force_login(business_unit)
    [line] = list(client.get(url(partnership)).context["table"].data)
    assert (line.deleted, line.years) == (150, ["MARAC cases 2008-09 (150)"])


def test_a_failed_run_says_so(client, business_unit, partnership):
    RetentionRunFactory(outcome=RetentionRun.Outcome.FAILED, error="OperationalError")
    client.force_login(business_unit)
    assert "Failed (OperationalError)" in client.get(url(partnership)).content.decode()


def test_the_runs_download(client, business_unit, partnership):
    RetentionRunFactory(started_at=dt.datetime(2015, 4, 1, 2, 0, tzinfo=dt.UTC))
    client.force_login(business_unit)
    response = client.get(url(partnership, "?_export=csv"))
    assert response.status_code == 200
    assert "Entries deleted here" in response.content.decode()


def test_the_page_says_when_the_job_has_not_run(client, business_unit, partnership):
    client.force_login(business_unit)
    assert "The retention job has not run yet." in client.get(url(partnership)).content.decode()


def test_the_board_cannot_read_the_retention_log(client, board_member, partnership):
    client.force_login(board_member)
    assert client.get(url(partnership)).status_code == 403
