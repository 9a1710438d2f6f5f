from django.urls import reverse

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
