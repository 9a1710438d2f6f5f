"""The business unit's frameworks pages: the list of frameworks and one framework's criteria."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assure.library.models import LibraryDocument
from assure.library.selectors import current_item


def frameworks_url(partnership) -> str:
    return reverse("section11:frameworks", kwargs={"partnership": partnership.slug})


def detail_url(partnership, item) -> str:
    return reverse("section11:framework_detail", kwargs={"partnership": partnership.slug, "pk": item.pk})


def test_the_business_unit_sees_every_shipped_framework(client, business_unit, partnership):
    client.force_login(business_unit)
    page = client.get(frameworks_url(partnership)).content.decode()
    for title in ("Section 11 self-assessment (2007 standards)", "Early years settings safeguarding audit"):
        assert title in page


def test_the_list_gives_criteria_counts_and_the_scale(client, business_unit, partnership):
    client.force_login(business_unit)
    rows = client.get(frameworks_url(partnership)).context["rows"]
    schools = next(r for r in rows if r.framework.code == "schools-175-157")
    assert (schools.standards, schools.criteria, schools.scale) == (7, 25, "Fully, mostly, partially or not met")


def test_the_detail_shows_every_criterion_with_its_evidence(client, business_unit, partnership):
    item = current_item(kind="section11-framework", code="section11-classic-2007")
    client.force_login(business_unit)
    page = client.get(detail_url(partnership, item)).content.decode()
    assert "Commissioning arrangements give due regard to safeguarding" in page
    assert "Contract or service level agreement safeguarding clauses" in page


def test_the_detail_says_which_criteria_apply_to_some_agencies_only(client, business_unit, partnership):
    item = current_item(kind="section11-framework", code="section11-classic-2007")
    client.force_login(business_unit)
    page = client.get(detail_url(partnership, item)).content.decode()
    assert "Applies only to:</strong> health-commissioner" in page


def test_a_library_item_of_another_kind_is_not_found(client, business_unit, partnership):
    scale = current_item(kind="rating-scale", code="rag")
    client.force_login(business_unit)
    assert client.get(detail_url(partnership, scale)).status_code == 404


def test_a_board_member_may_not_manage_frameworks(client, board_member, partnership):
    client.force_login(board_member)
    assert client.get(frameworks_url(partnership)).status_code == 403


def check_url(partnership) -> str:
    return reverse("section11:framework_check", kwargs={"partnership": partnership.slug})


def framework_file(partnership_slug: str, applies_to: str = "[]") -> SimpleUploadedFile:
    text = f"""urn: urn:{partnership_slug}:section11-frameworks:local
version: 1
kind: section11-framework
provider: {partnership_slug}
title: Local Section 11
items:
  - urn: urn:{partnership_slug}:section11-framework:local
    code: {partnership_slug}-local
    title: Local Section 11
    description: A local framework.
    scale: rag
    standards:
      - number: 1
        title: Leadership
        criteria:
          - {{ref: "1.1", text: A named lead., applies_to: {applies_to}}}
"""
    return SimpleUploadedFile("local-section11.yaml", text.encode(), content_type="application/x-yaml")


def test_a_valid_framework_file_is_summarised_and_not_saved(client, business_unit, partnership):
    client.force_login(business_unit)
    before = LibraryDocument.objects.count()
    response = client.post(check_url(partnership), {"file": framework_file(partnership.slug)})
    assert response.context["check"].problems == []
    assert response.context["check"].criteria == 1
    assert LibraryDocument.objects.count() == before


def test_a_broken_framework_file_lists_its_problems_by_file_and_criterion(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(check_url(partnership), {"file": framework_file(partnership.slug, "[skool]")})
    assert response.context["check"].problems == [
        "local-section11.yaml: urn:northshire:section11-framework:local: standard 1, criterion 1.1: "
        "applies_to names unknown agency type 'skool'"
    ]


def test_a_framework_file_of_another_provider_is_refused(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(check_url(partnership), {"file": framework_file("southshire")})
    assert "provider is 'southshire'" in response.context["check"].problems[0]


def test_a_file_that_is_not_yaml_is_refused(client, business_unit, partnership):
    client.force_login(business_unit)
    upload = SimpleUploadedFile("framework.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = client.post(check_url(partnership), {"file": upload})
    assert "must be a YAML file" in response.content.decode()


def test_each_standards_criteria_scroll_in_a_region_named_after_the_standard(client, business_unit, partnership):
    item = current_item(kind="section11-framework", code="section11-classic-2007")
    client.force_login(business_unit)
    page = client.get(detail_url(partnership, item)).content.decode()
    assert 'role="region" aria-label="Criteria of standard 1"' in page
    assert 'aria-label="Criteria of standard 8"' in page
