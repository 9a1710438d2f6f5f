"""The report page and the choice of agency leads ask the database a fixed number of times, however
many sections or members there are: the user's rights are looked up once, not once per row."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assure.accounts.tests.factories import MembershipFactory, UserFactory
from assure.reports.models import Report, Section
from assure.reports.selectors.reports import agency_leads

from .factories import ReportFactory, SectionFactory, due_date


def _ask(report, agency, lead, count: int) -> None:
    for _ in range(count):
        SectionFactory(
            report=report, agency=agency, requested_from=lead, due_on=due_date(), status=Section.Status.REQUESTED
        )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("persona", ["business_unit", "agency_lead"], indirect=True)
def test_the_report_page_asks_no_more_with_more_sections(
    client, persona, partnership, agency, business_unit, agency_lead, django_assert_max_num_queries
):
    report = ReportFactory(partnership=partnership, created_by=business_unit)
    _ask(report, agency, agency_lead, 1)
    url = reverse("reports:report_detail", kwargs={"partnership": partnership.slug, "pk": report.pk})
    client.force_login(persona)
    client.get(url)  # caches filled once per process (library roles, content types) are not the page's
    one_section = _queries(client, url)
    _ask(report, agency, agency_lead, 19)
    with django_assert_max_num_queries(one_section):
        page = client.get(url)
    assert "20 sections asked of agencies" in page.content.decode()


def test_agency_leads_are_found_in_a_fixed_number_of_queries(
    partnership, agency, agency_lead, board_member, django_assert_num_queries
):
    for _ in range(10):
        MembershipFactory(user=UserFactory(), partnership=partnership, role="agency-lead", agency=agency)
    with django_assert_num_queries(2):  # the roles library, then the members
        leads = list(agency_leads(partnership=partnership))
    assert agency_lead in leads and board_member not in leads and len(leads) == 11


def test_the_list_of_reports_asks_no_more_with_more_reports(client, business_unit, partnership, agency, agency_lead):
    url = reverse("reports:reports", kwargs={"partnership": partnership.slug})
    client.force_login(business_unit)
    _ask(ReportFactory(partnership=partnership, created_by=business_unit), agency, agency_lead, 2)
    client.get(url)
    cache.clear()  # computed afresh, then served from the cache
    one_report, one_report_served = _queries(client, url), _queries(client, url)
    for _ in range(4):
        _ask(ReportFactory(partnership=partnership, created_by=business_unit), agency, agency_lead, 2)
    cache.clear()
    assert (_queries(client, url), _queries(client, url)) == (one_report, one_report_served)
    assert one_report_served < one_report


def test_a_report_published_shows_at_once_in_the_list(client, business_unit, partnership):
    url = reverse("reports:reports", kwargs={"partnership": partnership.slug})
    report = ReportFactory(partnership=partnership, created_by=business_unit)
    client.force_login(business_unit)
    assert "Not yet" in client.get(url).content.decode()
    Report.objects.filter(pk=report.pk).update(status=Report.Status.PUBLISHED, published_at=timezone.now())
    assert "Not yet" not in client.get(url).content.decode()
