import re

import django_tables2 as tables
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assure.core.tables import record_address, remembered_register_response
from assure.partnerships.tests.factories import AgencyFactory


def test_register_answers_an_in_place_filter_with_the_results_only(client, viewer, partnership):
    AgencyFactory(name="Mercian Police", partnerships=[partnership])
    AgencyFactory(name="Northshire Hospitals", partnerships=[partnership])
    client.force_login(viewer)
    response = client.get(
        reverse("partnerships:agencies", kwargs={"partnership": partnership.slug}),
        {"q": "Mercian"},
        headers={"HX-Request": "true", "HX-Target": "register-results"},
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="register-results"')
    assert "Mercian Police" in html and "Northshire Hospitals" not in html
    assert "govuk-header" not in html


def test_register_without_javascript_gets_the_whole_page(client, viewer, partnership):
    client.force_login(viewer)
    html = client.get(reverse("partnerships:agencies", kwargs={"partnership": partnership.slug})).content.decode()
    assert "govuk-header" in html and 'id="register-results"' in html


def test_register_exports_every_filtered_row_not_only_the_page(client, viewer, partnership):
    for n in range(30):
        AgencyFactory(name=f"School {n:02d}", partnerships=[partnership])
    client.force_login(viewer)
    response = client.get(
        reverse("partnerships:agencies", kwargs={"partnership": partnership.slug}), {"q": "School", "_export": "csv"}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().count("School ") == 30


def test_a_record_s_address_is_the_one_reverse_gives(partnership):
    address = record_address("partnerships:agency_detail", partnership=partnership.slug)
    for pk in (1, 42, 918273645546372819):
        assert address(pk) == reverse("partnerships:agency_detail", kwargs={"partnership": partnership.slug, "pk": pk})


def test_a_record_s_address_puts_the_key_in_its_own_place_whatever_the_slug():
    slug = "area-918273645546372819"
    address = record_address("partnerships:agency_detail", partnership=slug)
    assert address(7) == reverse("partnerships:agency_detail", kwargs={"partnership": slug, "pk": 7})


class _Cells(tables.Table):
    """Columns whose render functions ask for different arguments."""

    name = tables.Column()
    size = tables.Column()
    link = tables.Column(accessor="name", linkify=lambda record: f"/things/{record['size']}/")

    def render_name(self, value):
        return value.upper()

    def render_size(self, record, value, table):
        return f"{value} of {len(table.data)} ({record['name']})"


def test_every_cell_is_rendered_with_the_arguments_its_function_asks_for_in_every_table():
    for rows in ([{"name": "a", "size": 1}], [{"name": "b", "size": 2}, {"name": "c", "size": 3}]):
        cells = [[str(cell) for _, cell in row.items()] for row in _Cells(rows).rows]
        assert cells == [
            [
                row["name"].upper(),
                f"{row['size']} of {len(rows)} ({row['name']})",
                f'<a href="/things/{row["size"]}/">{row["name"]}</a>',
            ]
            for row in rows
        ]


def _agencies_page(client, partnership, **query):
    return client.get(reverse("partnerships:agencies", kwargs={"partnership": partnership.slug}), query)


def test_a_cached_register_is_served_as_it_was_rendered(client, viewer, partnership):
    AgencyFactory(name="Mercian Police", partnerships=[partnership])
    client.force_login(viewer)
    first = _agencies_page(client, partnership).content.decode()
    with CaptureQueriesContext(connection) as second:
        again = _agencies_page(client, partnership).content.decode()
    assert again == first and "Mercian Police" in again
    assert not any("partnerships_partnershipagency" in q["sql"] for q in second.captured_queries)


def test_each_query_of_a_cached_register_is_kept_apart(client, viewer, partnership):
    AgencyFactory(name="Mercian Police", partnerships=[partnership])
    AgencyFactory(name="Northshire Hospitals", partnerships=[partnership])
    client.force_login(viewer)
    _agencies_page(client, partnership)
    only_police = _agencies_page(client, partnership, q="Mercian").content.decode()
    assert "Mercian Police" in only_police and "Northshire Hospitals" not in only_police


def test_a_register_filtered_is_made_afresh_every_time(client, viewer, partnership):
    AgencyFactory(name="Mercian Police", partnerships=[partnership])
    client.force_login(viewer)
    assert "Mercian Police" in _agencies_page(client, partnership, q="Mercian").content.decode()
    AgencyFactory(name="Mercian Fire", partnerships=[partnership])  # not through a service: no new version
    assert "Mercian Fire" in _agencies_page(client, partnership, q="Mercian").content.decode()


def test_the_results_and_the_whole_page_of_a_cached_register_are_kept_apart(client, viewer, partnership):
    AgencyFactory(name="Mercian Police", partnerships=[partnership])
    client.force_login(viewer)
    results = client.get(
        reverse("partnerships:agencies", kwargs={"partnership": partnership.slug}),
        headers={"HX-Request": "true", "HX-Target": "register-results"},
    ).content.decode()
    whole = _agencies_page(client, partnership).content.decode()
    assert "govuk-header" not in results and "Mercian Police" in results
    assert "govuk-header" in whole and "Mercian Police" in whole


def test_a_cached_register_is_rendered_again_for_a_new_version(rf, viewer, partnership):
    built = []

    def build():
        built.append(1)
        return _Cells([{"name": "a", "size": len(built)}]), None

    def respond(version):
        request = rf.get("/register/")
        request.user, request.partnership = viewer, partnership
        return remembered_register_response(
            request,
            version=version,
            build=build,
            template="partnerships/agencies.html",
            context={"may_manage": False},
            export_name="things",
        ).content.decode()

    first, again, changed = respond("v1"), respond("v1"), respond("v2")
    assert len(built) == 2 and again == first and changed != first and "1 of 1" in first and "2 of 1" in changed


def test_a_download_of_a_cached_register_is_never_cached(client, viewer, partnership):
    client.force_login(viewer)
    _agencies_page(client, partnership)
    AgencyFactory(name="Mercian Police", partnerships=[partnership])  # not through a service: no new version
    assert "Mercian Police" in _agencies_page(client, partnership, _export="csv").content.decode()


def _page_width(response) -> str:
    return re.search(r'<body class="govuk-template__body assure-page-width--(\w+)">', response.content.decode())[1]


def test_a_register_of_many_columns_takes_the_full_width_of_the_window(client, board_member, partnership):
    client.force_login(board_member)
    indicators = client.get(reverse("performance:catalogue", kwargs={"partnership": partnership.slug}))
    assert _page_width(indicators) == "full"


def test_a_cached_register_of_many_columns_takes_the_full_width_each_time_it_is_shown(
    client, board_member, partnership
):
    client.force_login(board_member)
    tracker = reverse("actions:tracker", kwargs={"partnership": partnership.slug})
    assert [_page_width(client.get(tracker)) for _ in range(2)] == ["full", "full"]


def test_a_register_of_few_columns_keeps_to_the_reading_column(client, board_member, partnership):
    client.force_login(board_member)
    agencies = client.get(reverse("partnerships:agencies", kwargs={"partnership": partnership.slug}))
    assert _page_width(agencies) == "standard"
