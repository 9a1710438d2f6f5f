from django.urls import reverse

from assure.partnerships.models import Subgroup
from assure.partnerships.tests.factories import SubgroupFactory


def u(name, partnership, **kwargs):
    return reverse(f"partnerships:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def test_register_lists_the_partnerships_subgroups(client, viewer, partnership, other_partnership, subgroup):
    SubgroupFactory(partnership=other_partnership, name="Southshire Panel")
    client.force_login(viewer)
    page = client.get(u("subgroups", partnership)).content.decode()
    assert subgroup.name in page and "Southshire Panel" not in page


def test_register_exports_csv(client, viewer, partnership, subgroup):
    client.force_login(viewer)
    response = client.get(u("subgroups", partnership), {"_export": "csv"})
    assert subgroup.name in response.content.decode("utf-8-sig")


def test_detail_shows_terms_and_expected_agencies(client, viewer, partnership, subgroup, agency):
    client.force_login(viewer)
    page = client.get(u("subgroup_detail", partnership, pk=subgroup.pk)).content.decode()
    assert subgroup.terms_of_reference in page and agency.name in page


def test_subgroup_of_another_partnership_answers_404(client, viewer, partnership, other_partnership):
    foreign = SubgroupFactory(partnership=other_partnership)
    client.force_login(viewer)
    assert client.get(u("subgroup_detail", partnership, pk=foreign.pk)).status_code == 404


def test_business_unit_adds_a_subgroup(client, business_unit, partnership, agency):
    client.force_login(business_unit)
    assert client.get(u("subgroup_create", partnership)).status_code == 200
    response = client.post(
        u("subgroup_create", partnership),
        {
            "name": "Child Sexual Exploitation",
            "agencies": [agency.pk],
            "terms_reviewed_on": "2014-10-01",
            "is_active": "on",
        },
    )
    subgroup = Subgroup.objects.get(name="Child Sexual Exploitation")
    assert response["Location"] == u("subgroup_detail", partnership, pk=subgroup.pk)
    assert list(subgroup.agencies.all()) == [agency]


def test_add_subgroup_offers_only_the_partnerships_agencies(client, business_unit, partnership, agency, foreign_agency):
    client.force_login(business_unit)
    page = client.get(u("subgroup_create", partnership)).content.decode()
    assert agency.name in page and foreign_agency.name not in page


def test_add_subgroup_refuses_a_duplicate_name(client, business_unit, partnership, subgroup):
    client.force_login(business_unit)
    response = client.post(u("subgroup_create", partnership), {"name": subgroup.name})
    assert f"There is already a subgroup called {subgroup.name}." in response.content.decode()


def test_business_unit_edits_a_subgroup(client, business_unit, partnership, subgroup):
    client.force_login(business_unit)
    assert client.get(u("subgroup_edit", partnership, pk=subgroup.pk)).status_code == 200
    response = client.post(
        u("subgroup_edit", partnership, pk=subgroup.pk), {"name": subgroup.name, "chair": "Head of Quality"}
    )
    assert response.status_code == 302
    subgroup.refresh_from_db()
    assert subgroup.chair == "Head of Quality" and not subgroup.is_active


def test_auditor_may_not_edit_a_subgroup(client, auditor, partnership, subgroup):
    client.force_login(auditor)
    assert client.get(u("subgroup_edit", partnership, pk=subgroup.pk)).status_code == 403
