"""The figures page, its download, the panel's annual report and the export shaped like the
national child mortality database's forms."""

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.audit.models import AccessLog
from assure.cdop.models import ChildDeath
from assure.cdop.tests.factories import ChildDeathFactory, PanelFactory

pytestmark = pytest.mark.django_db
YEAR = "2014-15"


@pytest.fixture
def deaths(partnership):
    panel = PanelFactory(host=partnership)
    return [
        ChildDeathFactory(
            panel=panel,
            status=ChildDeath.Status.REVIEWED,
            date_of_death=dt.date(2014, 5, 10),
            reviewed_on=dt.date(2014, 9, 1),
            child_name="Sky Invented",
        )
        for _ in range(3)
    ]


def _url(name, partnership, **query):
    url = reverse(f"cdop:{name}", kwargs={"partnership": partnership.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _grant(user, partnership):
    RestrictedGrantFactory(user=user, partnership=partnership, area="cdop")
    return user


def test_the_business_unit_sees_fewer_than_6(client, deaths, business_unit, partnership):
    client.force_login(business_unit)
    response = client.get(_url("figures", partnership, year=YEAR))
    assert response.status_code == 200
    assert "fewer than 6" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_the_panel_with_the_grant_sees_the_counts(client, deaths, panel_member, partnership):
    client.force_login(_grant(panel_member, partnership))
    content = client.get(_url("figures", partnership, year=YEAR)).content.decode()
    assert "every figure is shown as counted" in content
    assert "fewer than 6" not in content


def test_no_child_is_named_on_the_page(client, deaths, panel_member, partnership):
    client.force_login(_grant(panel_member, partnership))
    assert "Sky Invented" not in client.get(_url("figures", partnership, year=YEAR)).content.decode()


def test_a_partnership_in_no_panel_is_told_so(client, business_unit, partnership):
    client.force_login(business_unit)
    assert "has not joined" in client.get(_url("figures", partnership)).content.decode()


def test_the_download_is_suppressed_the_same_way(client, deaths, business_unit, partnership):
    client.force_login(business_unit)
    response = client.get(_url("figures", partnership, year=YEAR, format="csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    reviews = next(r for r in rows if r[1] == "Reviews completed")
    assert reviews[3:] == ["fewer than 6", "fewer than 6"]


def test_the_panel_report_for_the_board(client, deaths, board_member, partnership):
    client.force_login(board_member)
    response = client.get(_url("panel_report", partnership, year=YEAR))
    assert response.status_code == 200
    assert "Annual report 2014-15" in response.content.decode()
    assert "fewer than 6" in response.content.decode()


def test_the_panel_report_of_a_partnership_in_no_panel_is_not_found(client, board_member, partnership):
    client.force_login(board_member)
    assert client.get(_url("panel_report", partnership)).status_code == 404


def test_the_export_is_refused_without_the_grant(client, deaths, cdop_manager, partnership):
    client.force_login(cdop_manager)
    assert client.get(_url("ncmd_export", partnership)).status_code == 403


def test_the_export_is_refused_to_a_panel_member(client, deaths, panel_member, partnership):
    client.force_login(_grant(panel_member, partnership))
    assert client.get(_url("ncmd_export", partnership)).status_code == 403


def test_the_export_logs_a_read_of_each_death(client, deaths, cdop_manager, partnership):
    client.force_login(_grant(cdop_manager, partnership))
    client.get(_url("ncmd_export", partnership))
    assert AccessLog.objects.filter(user=cdop_manager, area="cdop").count() == 3


def test_the_csv_export_says_it_is_for_checks_and_has_a_row_per_death(client, deaths, cdop_manager, partnership):
    client.force_login(_grant(cdop_manager, partnership))
    response = client.get(_url("ncmd_export", partnership, format="csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "notification.reference" and "analysis.category_of_death" in rows[0]
    assert "not a replacement for the national submission" in rows[1][0]
    assert sorted(r[0] for r in rows[2:]) == sorted(d.reference for d in deaths)
    assert "Sky Invented" not in response.content.decode("utf-8-sig")


def test_the_json_export(client, deaths, cdop_manager, partnership):
    client.force_login(_grant(cdop_manager, partnership))
    body = json.loads(client.get(_url("ncmd_export", partnership, format="json")).content)
    assert "not a replacement" in body["note"]
    assert len(body["deaths"]) == 3
    assert body["deaths"][0]["notification.reference"].startswith("CD-")
