"""The analysis of a cycle: what it counts, who sees it, and how it is shown and exported."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assure.partnerships.tests.factories import AgencyFactory
from assure.section11.models import Response, Return
from assure.section11.selectors.analysis import cycle_analysis

from .factories import CycleFactory, ReturnFactory

Status = Return.Status


def rate(return_record: Return, ratings: dict[str, str], *, status=Status.SUBMITTED, moderated=None) -> Return:
    """Rate the return's criteria (ref -> level code) and set its status; ``moderated`` gives
    moderated ratings (ref -> level code)."""
    for response in return_record.responses.all():
        response.self_rating = ratings.get(response.criterion, "")
        response.moderated_rating = (moderated or {}).get(response.criterion, "")
        if response.moderated_rating:
            response.moderation = Response.Moderation.ACCEPTED
        response.save()
    return_record.status = status
    return_record.save()
    return return_record


ALL_GREEN = {"1.1": "green", "1.2": "green", "2.1": "green"}


@pytest.fixture
def cycle(partnership, business_unit):
    return CycleFactory(lead_partnership=partnership, created_by=business_unit, year="2014-15")


@pytest.fixture
def agency_return(cycle, agency):
    return rate(ReturnFactory(cycle=cycle, agency=agency), {"1.1": "green", "1.2": "red", "2.1": "amber"})


def analysis_url(partnership, cycle, **query) -> str:
    address = reverse("section11:analysis", kwargs={"partnership": partnership.slug, "pk": cycle.pk})
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_compliance_counts_the_handed_in_returns(board_member, partnership, cycle, agency_return):
    analysis = cycle_analysis(user=board_member, partnership=partnership, cycle=cycle)
    assert (analysis.overall.compliant, analysis.overall.rated) == (1, 3)


def test_a_draft_return_is_left_out_and_counted_as_not_handed_in(board_member, partnership, cycle, agency_return):
    rate(ReturnFactory(cycle=cycle), ALL_GREEN, status=Status.IN_PROGRESS)
    analysis = cycle_analysis(user=board_member, partnership=partnership, cycle=cycle)
    assert (analysis.overall.rated, analysis.not_handed_in) == (3, 1)


def test_a_criterion_that_does_not_apply_is_left_out(board_member, partnership, cycle, agency_return):
    # 2.2 applies to schools only: the factory made it not applicable for the trust.
    analysis = cycle_analysis(user=board_member, partnership=partnership, cycle=cycle)
    assert analysis.overall.not_applicable == 1


def test_a_moderated_rating_overrides_the_self_rating(board_member, partnership, cycle, agency):
    rate(ReturnFactory(cycle=cycle, agency=agency), ALL_GREEN, status=Status.ACCEPTED, moderated={"1.1": "amber"})
    analysis = cycle_analysis(user=board_member, partnership=partnership, cycle=cycle)
    assert analysis.overall.compliant == 2
    assert (analysis.gap.over_rated, analysis.gap.compared) == (1, 1)


def test_agencies_of_another_partnership_are_left_out(board_member, partnership, other_partnership, business_unit):
    cycle = CycleFactory(lead_partnership=partnership, created_by=business_unit)
    cycle.partnerships.set([partnership, other_partnership])
    theirs = AgencyFactory(partnerships=[other_partnership])
    rate(ReturnFactory(cycle=cycle, agency=theirs), ALL_GREEN)
    analysis = cycle_analysis(user=board_member, partnership=partnership, cycle=cycle)
    assert analysis.returns == []


def test_a_cross_border_agency_counts_in_each_partnership_of_the_region(
    board_member, partnership, other_partnership, other_agency, business_unit
):
    cycle = CycleFactory(lead_partnership=partnership, created_by=business_unit)
    cycle.partnerships.set([partnership, other_partnership])
    rate(ReturnFactory(cycle=cycle, agency=other_agency), ALL_GREEN)
    analysis = cycle_analysis(user=board_member, partnership=partnership, cycle=cycle)
    assert {name: c.rated for name, c in analysis.regional_overall.items()} == {
        partnership.name: 3,
        other_partnership.name: 3,
    }


def test_the_previous_cycle_is_compared_standard_by_standard(board_member, partnership, cycle, agency, business_unit):
    before = CycleFactory(lead_partnership=partnership, created_by=business_unit, year="2013-14")
    rate(ReturnFactory(cycle=before, agency=agency), {"1.1": "red", "1.2": "red", "2.1": "green"})
    cycle.previous = before
    cycle.save()
    rate(ReturnFactory(cycle=cycle, agency=agency), ALL_GREEN)
    analysis = cycle_analysis(user=board_member, partnership=partnership, cycle=cycle)
    first = analysis.standard_comparison[0]
    assert (first.current.percent, first.previous.percent) == (Decimal("100.0"), Decimal("0.0"))


def test_the_heat_map_summarises_each_standard_on_both_sides(board_member, partnership, cycle, agency):
    rate(ReturnFactory(cycle=cycle, agency=agency), ALL_GREEN, status=Status.ACCEPTED, moderated={"1.1": "red"})
    [row] = cycle_analysis(user=board_member, partnership=partnership, cycle=cycle).heat_map
    first = row.cells[0]
    assert (first.self_level.label, first.effective_level.label) == ("Green", "Amber")


def test_a_board_member_sees_the_analysis_page(client, board_member, partnership, cycle, agency_return):
    client.force_login(board_member)
    response = client.get(analysis_url(partnership, cycle))
    assert response.status_code == 200
    assert "Heat map of agencies by standard" in response.content.decode()


def test_the_heat_map_shows_ratings_in_words_beside_their_colour(client, board_member, partnership, cycle, agency):
    rate(ReturnFactory(cycle=cycle, agency=agency), ALL_GREEN)
    client.force_login(board_member)
    page = client.get(analysis_url(partnership, cycle)).content.decode()
    cell = '<strong class="govuk-tag govuk-tag--green assure-heat-map__level" aria-hidden="true">Green</strong>'
    assert cell + '\n        <span class="govuk-visually-hidden">Green</span>' in page


def test_the_heat_map_marks_a_level_moderation_lowered(client, board_member, partnership, cycle, agency):
    # Standard 1's two criteria, green by the agency; one red after moderation: amber on average.
    rate(ReturnFactory(cycle=cycle, agency=agency), ALL_GREEN, status=Status.ACCEPTED, moderated={"1.1": "red"})
    client.force_login(board_member)
    page = client.get(analysis_url(partnership, cycle)).content.decode()
    assert 'title="The agency\'s own rating: Green">Amber<span class="assure-heat-map__mark">▼</span></strong>' in page
    assert '<span class="govuk-visually-hidden">Amber, lowered at moderation from Green</span>' in page
    assert page.count("lowered at moderation from") == 1


def test_each_agency_of_the_heat_map_opens_its_return(client, board_member, partnership, cycle, agency_return):
    client.force_login(board_member)
    page = client.get(analysis_url(partnership, cycle)).content.decode()
    address = reverse("section11:return_detail", kwargs={"partnership": partnership.slug, "pk": agency_return.pk})
    assert f'<a class="govuk-link" href="{address}">{agency_return.agency.name}</a>' in page


def test_each_chart_has_its_spec_on_the_page(client, board_member, partnership, cycle, agency_return):
    client.force_login(board_member)
    page = client.get(analysis_url(partnership, cycle)).content.decode()
    assert 'id="chart-standards" type="application/json"' in page
    assert 'data-vega-spec="chart-standards"' in page


def test_a_table_downloads_as_csv(client, board_member, partnership, cycle, agency_return):
    client.force_login(board_member)
    response = client.get(analysis_url(partnership, cycle, _export="csv", table="standards"))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().splitlines()[0].startswith("Standard,Compliant (%)")


def test_a_table_downloads_as_xlsx(client, board_member, partnership, cycle, agency_return):
    client.force_login(board_member)
    response = client.get(analysis_url(partnership, cycle, _export="xlsx", table="heat_map"))
    assert response.content[:2] == b"PK"


def test_an_unknown_table_is_not_found(client, board_member, partnership, cycle):
    client.force_login(board_member)
    assert client.get(analysis_url(partnership, cycle, _export="csv", table="nothing")).status_code == 404


def test_an_agency_lead_may_not_analyse(client, agency_lead, partnership, cycle):
    client.force_login(agency_lead)
    assert client.get(analysis_url(partnership, cycle)).status_code == 403


def test_a_cycle_the_partnership_is_not_in_is_not_found(client, board_member, partnership, other_partnership):
    theirs = CycleFactory(lead_partnership=other_partnership)
    client.force_login(board_member)
    assert client.get(analysis_url(partnership, theirs)).status_code == 404


def test_an_outsider_sees_nothing(client, outsider, partnership, cycle):
    client.force_login(outsider)
    assert client.get(analysis_url(partnership, cycle)).status_code == 404


def test_a_cycle_without_handed_in_returns_says_so(client, board_member, partnership, cycle):
    client.force_login(board_member)
    page = client.get(analysis_url(partnership, cycle)).content.decode()
    assert "nothing to analyse" in page


def test_the_list_of_cycles_links_to_their_analysis(client, auditor, partnership, cycle):
    client.force_login(auditor)
    page = client.get(reverse("section11:analysis_cycles", kwargs={"partnership": partnership.slug})).content.decode()
    assert analysis_url(partnership, cycle) in page
