"""The Section 11 analysis of a regional cycle in a real browser: every chart is drawn under the
strict Content Security Policy, and the page passes axe-core."""

import pytest

from assure.section11.models import Response, Return
from assure.section11.tests.factories import CycleFactory, ReturnFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def regional_cycle(partnership, other_partnership, agency, other_agency, business_unit):
    before = CycleFactory(lead_partnership=partnership, partnerships=[partnership], created_by=business_unit)
    cycle = CycleFactory(
        lead_partnership=partnership,
        partnerships=[partnership, other_partnership],
        created_by=business_unit,
        previous=before,
    )
    for each, ratings in ((before, ("red", "amber")), (cycle, ("green", "amber"))):
        for who in (agency, other_agency):
            return_record = ReturnFactory(cycle=each, agency=who, status=Return.Status.ACCEPTED)
            for number, response in enumerate(return_record.responses.filter(not_applicable=False)):
                response.self_rating = ratings[number % 2]
                response.moderation = Response.Moderation.ACCEPTED
                response.save()
    return cycle


def test_the_analysis_draws_every_chart_and_passes_axe(pages, board_member, partnership, regional_cycle):
    pages.sign_in_as(board_member)
    page = pages.goto(f"/p/{partnership.slug}/section11/cycles/{regional_cycle.pk}/analysis/")
    charts = page.locator(".assure-chart")
    assert charts.count() == 5  # by standard, agency type, sector, partnership, previous cycle
    page.wait_for_function("document.querySelectorAll('.assure-chart--drawn svg').length === 5")
    pages.check()
