"""The pages of themed audits and re-audits: commissioning from a record (``?from=``), the audit
page's "commissioned from" link and report, planning a re-audit, and the comparison page."""

import datetime as dt

import pytest
from django.urls import reverse

from assure.audits.models import Audit
from assure.governance.tests.factories import ChallengeFactory

from .factories import ThemedAuditFactory, case_file_audit_tool
from .test_results_selectors import QUESTION, answered, case

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"audits:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def challenge(partnership, agency, business_unit):
    return ChallengeFactory(partnership=partnership, agency=agency, raised_by=business_unit)


@pytest.fixture
def moderated(partnership, agency, business_unit):
    return ThemedAuditFactory(
        partnership=partnership, created_by=business_unit, agencies=[agency], status=Audit.Status.MODERATION
    )


def test_commissioning_from_a_record_names_it_and_chooses_it(client, business_unit, partnership, challenge):
    client.force_login(business_unit)
    response = client.get(url("themed_create", partnership) + f"?from=governance.challenge:{challenge.pk}")
    html = response.content.decode()
    assert f"Commissioned from: Challenge {challenge.reference}" in html
    assert f'value="governance.challenge:{challenge.pk}" selected' in html


def test_a_record_the_person_may_not_see_is_not_prefilled(
    client, business_unit, partnership, other_partnership, outsider
):
    foreign = ChallengeFactory(partnership=other_partnership, raised_by=outsider)
    client.force_login(business_unit)
    html = client.get(url("themed_create", partnership) + f"?from=governance.challenge:{foreign.pk}").content.decode()
    assert "Commissioned from:" not in html


def test_a_commissioned_audit_links_back_to_its_record(client, business_unit, partnership, agency, challenge):
    client.force_login(business_unit)
    response = client.post(
        url("themed_create", partnership),
        {
            "title": "Children on a second child protection plan",
            "question": "Why do children come back onto a plan?",
            "theme": "Second plans",
            "source": f"governance.challenge:{challenge.pk}",
            "tier": "oversight",
            "questionnaire": case_file_audit_tool().pk,
            "files_planned": "10",
            "agencies": [agency.pk],
            "starts_on": "2014-09-01",
            "ends_on": "2014-10-31",
        },
    )
    audit = Audit.objects.get(title="Children on a second child protection plan")
    assert response.status_code == 302
    assert audit.source == challenge
    html = client.get(audit.get_absolute_url()).content.decode()
    assert "Commissioned from" in html
    assert f'href="{challenge.get_absolute_url()}"' in html


def test_reporting_to_the_board(client, business_unit, partnership, moderated):
    client.force_login(business_unit)
    response = client.post(
        url("audit_report", partnership, pk=moderated.pk),
        {"summary": "Plans ended before the risks had gone.", "reported_on": "2015-01-20"},
    )
    assert response.status_code == 302
    moderated.refresh_from_db()
    assert moderated.status == Audit.Status.REPORTED
    assert "Plans ended before the risks had gone." in client.get(moderated.get_absolute_url()).content.decode()


def test_a_planned_audit_has_no_report_page(client, business_unit, partnership):
    planned = ThemedAuditFactory(partnership=partnership, created_by=business_unit)
    client.force_login(business_unit)
    assert client.get(url("audit_report", partnership, pk=planned.pk)).status_code == 404


def test_planning_a_re_audit_opens_it(client, business_unit, partnership, moderated):
    client.force_login(business_unit)
    response = client.post(
        url("audit_re_audit", partnership, pk=moderated.pk),
        {"title": "Second plans, a year on", "starts_on": "2015-09-01", "ends_on": "2015-10-30"},
    )
    re_audit = Audit.objects.get(follows=moderated)
    assert response.url == re_audit.get_absolute_url()
    assert re_audit.title == "Second plans, a year on"
    html = client.get(moderated.get_absolute_url()).content.decode()
    assert url("audit_compare", partnership, pk=re_audit.pk) in html


def test_the_comparison_shows_both_audits_figures(client, business_unit, partnership, agency, moderated):
    re_audit = ThemedAuditFactory(
        partnership=partnership,
        created_by=business_unit,
        agencies=[agency],
        follows=moderated,
        starts_on=dt.date(2015, 9, 1),
    )
    answered(case(moderated, agreed_grade="inadequate"), agency, {QUESTION: "no"})
    answered(case(re_audit, agreed_grade="good"), agency, {QUESTION: "yes"})
    client.force_login(business_unit)
    html = client.get(url("audit_compare", partnership, pk=re_audit.pk)).content.decode()
    assert f"{moderated.reference} (first)" in html
    assert f"{re_audit.reference} (re-audit)" in html
    assert "Information shared in good time" in html
    assert "0%" in html and "100%" in html
    download = client.get(url("audit_compare", partnership, pk=re_audit.pk) + "?_export=csv&table=grades")
    assert download.status_code == 200
    assert "Inadequate,1,100,0," in download.content.decode("utf-8-sig")


def test_an_audit_that_follows_none_has_no_comparison(client, business_unit, partnership, moderated):
    client.force_login(business_unit)
    assert client.get(url("audit_compare", partnership, pk=moderated.pk)).status_code == 404
