"""Exchanges of cases with another panel: the download carries nothing that identifies a child,
a scoring file with any bad row writes nothing, and the comparison counts the agreements."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.audit.models import AccessLog
from assure.cdop.models import ChildDeath, Exchange
from assure.cdop.selectors.exchanges import exchange_comparison, exchange_rows
from assure.cdop.services.exchanges import exchange_create, exchange_import
from assure.cdop.tests.factories import ChildDeathFactory, panel_of
from assure.library.selectors import current_item

SUMMARY = "A baby of four months found unresponsive after sleeping on a sofa with a parent."


def _category(code):
    return current_item(kind="cdop-category", code=code)


@pytest.fixture
def manager(partnership, cdop_manager):
    RestrictedGrantFactory(user=cdop_manager, partnership=partnership, area="cdop")
    return cdop_manager


@pytest.fixture
def reviewed(partnership):
    panel = panel_of(partnership)
    return [
        ChildDeathFactory(
            panel=panel,
            status=ChildDeath.Status.REVIEWED,
            category=_category(code),
            modifiable=modifiable,
        )
        for code, modifiable in (
            ("sudden-unexpected-unexplained", "identified"),
            ("infection", "none"),
        )
    ]


@pytest.fixture
def exchange(partnership, manager, reviewed):
    return exchange_create(
        actor=manager,
        partnership=partnership,
        panel=reviewed[0].panel,
        partner_panel="Eastshire Child Death Overview Panel",
        cases=[(death, SUMMARY) for death in reviewed],
    )


def test_cases_are_coded_in_order(exchange):
    assert list(exchange.cases.values_list("code", flat=True)) == ["A1", "A2"]


def test_only_reviewed_deaths_are_sent(partnership, manager, reviewed):
    open_death = ChildDeathFactory(panel=reviewed[0].panel)
    with pytest.raises(Exception) as error:
        exchange_create(
            actor=manager,
            partnership=partnership,
            panel=open_death.panel,
            partner_panel="X",
            cases=[(open_death, SUMMARY)],
        )
    assert "cases" in error.value.message_dict


def test_the_export_has_no_identifiers(exchange, reviewed):
    rows = exchange_rows(exchange)
    assert set(rows[0]) == {"exchange", "code", "summary", "age_band", "sex", "expected"}
    text = json.dumps(rows)
    for death in reviewed:
        assert death.reference not in text
        assert death.child_name not in text
        assert death.date_of_birth.isoformat() not in text


def test_the_export_gives_the_age_band(exchange):
    assert exchange_rows(exchange)[0]["age_band"] == "1 to 4 years"


def _scoring(*rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["code", "category", "modifiable", "notes"])
    writer.writerows(rows)
    return out.getvalue()


def test_a_bad_row_writes_nothing(partnership, manager, exchange):
    content = _scoring(["A1", "10", "identified", ""], ["A2", "99", "maybe", ""])
    with pytest.raises(Exception) as error:
        exchange_import(actor=manager, partnership=partnership, exchange=exchange, content=content)
    assert error.value.message_dict["file"] == [
        "Row 3: category 99 is not a category number or code; modifiable must be identified, none or insufficient."
    ]
    assert not exchange.cases.filter(their_category__isnull=False).exists()


def test_an_unknown_code_is_refused(partnership, manager, exchange):
    with pytest.raises(Exception) as error:
        exchange_import(
            actor=manager, partnership=partnership, exchange=exchange, content=_scoring(["B7", "10", "none", ""])
        )
    assert "no case B7" in error.value.message_dict["file"][0]


def test_the_comparison_counts_agreements(partnership, manager, exchange):
    content = _scoring(["A1", "sudden-unexpected-unexplained", "none", ""], ["A2", "infection", "none", "Agreed"])
    exchange_import(actor=manager, partnership=partnership, exchange=exchange, content=content)
    comparison = exchange_comparison(exchange)
    assert (comparison.scored, comparison.category_percent, comparison.modifiable_percent) == (2, 100, 50)


def test_category_by_number_is_read(partnership, manager, exchange):
    number = _category("infection").data["number"]
    exchange_import(
        actor=manager, partnership=partnership, exchange=exchange, content=_scoring(["A2", str(number), "none", ""])
    )
    assert exchange.cases.get(code="A2").their_category.code == "infection"


def _url(name, partnership, **kwargs):
    return reverse(name, kwargs={"partnership": partnership.slug, **kwargs})


def test_the_download_is_logged_and_not_stored(client, partnership, manager, exchange):
    client.force_login(manager)
    response = client.get(_url("cdop:exchange_download", partnership, pk=exchange.pk))
    assert response.content.decode().splitlines()[0] == "exchange,code,summary,age_band,sex,expected"
    assert "no-store" in response["Cache-Control"]
    assert AccessLog.objects.filter(area="cdop", record_id=str(exchange.pk)).exists()


def test_the_json_download_carries_the_cases(client, partnership, manager, exchange):
    client.force_login(manager)
    response = client.get(_url("cdop:exchange_download", partnership, pk=exchange.pk), {"format": "json"})
    assert [case["code"] for case in response.json()["cases"]] == ["A1", "A2"]


def test_the_upload_page_lists_bad_rows(client, partnership, manager, exchange):
    client.force_login(manager)
    upload = SimpleUploadedFile("scoring.csv", _scoring(["A9", "1", "none", ""]).encode(), content_type="text/csv")
    response = client.post(_url("cdop:exchange_import", partnership, pk=exchange.pk), {"file": upload})
    assert "Row 2: no case A9" in response.content.decode()


def test_a_panel_member_with_the_grant_reads_the_comparison(client, partnership, panel_member, exchange):
    RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    client.force_login(panel_member)
    response = client.get(_url("cdop:exchange_detail", partnership, pk=exchange.pk))
    assert response.status_code == 200


def test_a_panel_member_without_the_grant_is_refused(client, partnership, panel_member, exchange):
    client.force_login(panel_member)
    response = client.get(_url("cdop:exchange_detail", partnership, pk=exchange.pk))
    assert response.status_code == 403


def test_the_new_exchange_page_warns_of_a_name(client, partnership, manager, reviewed):
    client.force_login(manager)
    death = reviewed[0]
    response = client.post(
        _url("cdop:exchange_create", partnership),
        {
            "partner_panel": "Eastshire CDOP",
            f"case_{death.pk}": "on",
            f"summary_{death.pk}": "Jane Smith died on 3 March 2014",
        },
    )
    assert response.status_code == 200
    assert not Exchange.objects.exists()
