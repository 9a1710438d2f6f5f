"""The scorecard set-up pages: the business unit manages the scorecard lines under the business
plan's priorities."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.models import ScorecardLine
from assure.performance.tests.factories import PriorityFactory, ScorecardLineFactory, indicator


def u(name, partnership, **kwargs) -> str:
    return reverse(f"performance:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def priority(partnership):
    return PriorityFactory(partnership=partnership, title="Compromised parenting", position=1)


@pytest.fixture
def line(priority, agency):
    return ScorecardLineFactory(
        priority=priority,
        indicator=indicator("csc-rereferrals-percent"),
        target=D("22.5"),
        tolerance=D("2"),
        owner_agency=agency,
    )


@pytest.fixture
def signed_in(client, business_unit):
    client.force_login(business_unit)
    return client


# --- the set-up page -------------------------------------------------------------------------


def test_setup_lists_priorities_and_their_lines_with_units(signed_in, partnership, line):
    page = signed_in.get(u("setup", partnership)).content.decode()
    assert "Compromised parenting" in page and "Re-referrals within 12 months" in page
    assert "22.5%" in page and "2 percentage points" in page
    assert line.owner_agency.name in page


def test_setup_shows_the_default_tolerance_when_a_line_has_none(signed_in, partnership, priority):
    ScorecardLineFactory(priority=priority, indicator=indicator("csc-lac"), target=D("300"))
    page = signed_in.get(u("setup", partnership)).content.decode()
    assert "5% of the target (the default)" in page


def test_setup_lists_only_the_partnerships_own_priorities(signed_in, partnership, other_partnership, priority):
    PriorityFactory(partnership=other_partnership, title="Southshire priority")
    page = signed_in.get(u("setup", partnership)).content.decode()
    assert "Southshire priority" not in page


def test_setup_links_each_line_to_its_indicators_page(signed_in, partnership, line):
    page = signed_in.get(u("setup", partnership)).content.decode()
    assert u("indicator", partnership, code="csc-rereferrals-percent") in page


def test_setup_sends_the_business_unit_to_the_plan_for_its_priorities(signed_in, partnership, priority):
    page = signed_in.get(u("setup", partnership)).content.decode()
    assert reverse("plans:priority_detail", kwargs={"partnership": partnership.slug, "pk": priority.pk}) in page
    assert reverse("plans:home", kwargs={"partnership": partnership.slug}) in page


def test_setup_without_priorities_says_what_to_do_first(signed_in, partnership):
    assert "no priorities yet" in signed_in.get(u("setup", partnership)).content.decode()


@pytest.mark.parametrize("persona", ["board_member", "agency_lead", "auditor", "viewer"], indirect=True)
def test_setup_needs_performance_manage(client, persona, partnership):
    client.force_login(persona)
    assert client.get(u("setup", partnership)).status_code == 403


def test_setup_is_not_found_for_an_outsider(client, outsider, partnership):
    client.force_login(outsider)
    assert client.get(u("setup", partnership)).status_code == 404


# --- scorecard lines -------------------------------------------------------------------------


def test_business_unit_adds_an_indicator_to_the_scorecard(signed_in, partnership, priority, agency):
    chosen = indicator("csc-icpc-15-days-percent")
    response = signed_in.post(
        u("line_create", partnership),
        {
            "indicator": chosen.pk,
            "priority": priority.pk,
            "target": "90",
            "tolerance": "5",
            "owner_agency": agency.pk,
            "position": "",
        },
    )
    assert response["Location"] == u("setup", partnership)
    line = ScorecardLine.objects.get(partnership=partnership, indicator=chosen)
    assert (line.target, line.tolerance, line.owner_agency) == (90, 5, agency)


def test_the_add_form_preselects_the_priority_asked_for(signed_in, partnership, priority):
    page = signed_in.get(u("line_create", partnership), {"priority": priority.pk}).content.decode()
    assert f'<option value="{priority.pk}" selected>' in page


def test_the_add_form_groups_indicators_by_theme(signed_in, partnership, priority):
    page = signed_in.get(u("line_create", partnership)).content.decode()
    assert '<optgroup label="Workforce">' in page
    assert "Re-referrals within 12 months (csc-rereferrals-percent)" in page


def test_the_add_form_leaves_out_indicators_already_on_the_scorecard(signed_in, partnership, line):
    page = signed_in.get(u("line_create", partnership)).content.decode()
    assert "(csc-rereferrals-percent)" not in page


def test_the_add_form_offers_only_the_partnerships_agencies(
    signed_in, partnership, priority, agency, other_partnership
):
    AgencyFactory(name="Southshire Youth Justice Service", partnerships=[other_partnership])
    page = signed_in.get(u("line_create", partnership)).content.decode()
    assert agency.name in page and "Southshire Youth Justice Service" not in page


def test_the_add_form_explains_tolerance_in_each_unit(signed_in, partnership, priority):
    page = signed_in.get(u("line_create", partnership)).content.decode()
    assert "percentage points for a percentage" in page and "5% of the target" in page


def test_adding_a_target_out_of_range_shows_the_error(signed_in, partnership, priority):
    response = signed_in.post(
        u("line_create", partnership),
        {"indicator": indicator("csc-icpc-15-days-percent").pk, "priority": priority.pk, "target": "120"},
    )
    assert response.status_code == 200
    assert "Enter a target from 0 to 100." in response.content.decode()
    assert not ScorecardLine.objects.filter(partnership=partnership).exists()


def test_adding_a_negative_tolerance_shows_the_error(signed_in, partnership, priority):
    response = signed_in.post(
        u("line_create", partnership),
        {"indicator": indicator("csc-lac").pk, "priority": priority.pk, "target": "300", "tolerance": "-3"},
    )
    assert "Enter a tolerance of 0 or more." in response.content.decode()


def test_adding_without_a_priority_to_choose_points_to_adding_one(signed_in, partnership):
    page = signed_in.get(u("line_create", partnership)).content.decode()
    assert "Add one to the plan</a> first" in page


def test_the_change_form_explains_the_tolerance_in_the_indicators_unit(signed_in, partnership, line):
    page = signed_in.get(u("line_edit", partnership, pk=line.pk)).content.decode()
    assert "in percentage points: 2 means" in page
    assert "From 0% to 100%." in page
    assert 'name="indicator"' not in page


def test_business_unit_changes_a_target(signed_in, partnership, line, agency):
    response = signed_in.post(
        u("line_edit", partnership, pk=line.pk),
        {"priority": line.priority_id, "target": "20", "tolerance": "1.5", "owner_agency": agency.pk, "position": ""},
    )
    assert response["Location"] == u("setup", partnership)
    line.refresh_from_db()
    assert (line.target, line.tolerance) == (D("20"), D("1.5"))


def test_changing_a_target_out_of_range_shows_the_error(signed_in, partnership, line):
    response = signed_in.post(
        u("line_edit", partnership, pk=line.pk), {"priority": line.priority_id, "target": "-4", "position": "0"}
    )
    assert "Enter a target from 0 to 100." in response.content.decode()


def test_removing_a_line_asks_for_confirmation_then_removes_it(signed_in, partnership, line):
    assert "Remove from the scorecard" in signed_in.get(u("line_delete", partnership, pk=line.pk)).content.decode()
    response = signed_in.post(u("line_delete", partnership, pk=line.pk))
    assert response["Location"] == u("setup", partnership)
    assert not ScorecardLine.objects.filter(pk=line.pk).exists()


def test_a_line_of_another_partnership_is_not_found(signed_in, partnership, other_partnership):
    foreign = ScorecardLineFactory(priority=PriorityFactory(partnership=other_partnership))
    assert signed_in.get(u("line_edit", partnership, pk=foreign.pk)).status_code == 404
    assert signed_in.post(u("line_delete", partnership, pk=foreign.pk)).status_code == 404
    assert ScorecardLine.objects.filter(pk=foreign.pk).exists()


@pytest.mark.parametrize("persona", ["board_member", "agency_lead"], indirect=True)
def test_line_changes_need_performance_manage(client, persona, partnership, line):
    client.force_login(persona)
    assert client.post(u("line_delete", partnership, pk=line.pk)).status_code == 403
    assert ScorecardLine.objects.filter(pk=line.pk).exists()
