"""Exception reports: the library's rules choose the lines (red rating, worsening beyond tolerance
for two periods in a row, bottom quartile) with reasons in words; the owning agency's lead or the
business unit writes commentary; the business unit raises actions from items; the report prints."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from assure.actions.models import Action
from assure.audit.models import Event
from assure.partnerships.tests.factories import MeetingFactory
from assure.performance.models import ExceptionItem, ExceptionReport
from assure.performance.periods import period_for_year
from assure.performance.permissions import may_comment
from assure.performance.selectors.exceptions import exception_candidates
from assure.performance.services.exceptions import (
    exception_action_raise,
    exception_commentary_write,
    exception_report_create,
)
from assure.performance.tests.factories import (
    PriorityFactory,
    ScorecardLineFactory,
    benchmark_areas,
    published,
    scorecard_test_indicators,
    validated_figures,
)


def u(name, partnership, **kwargs) -> str:
    return reverse(f"performance:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def indicators(db):
    return scorecard_test_indicators()


@pytest.fixture
def years(db):
    return [period_for_year(label) for label in ("2012-13", "2013-14", "2014-15")]


@pytest.fixture
def priority(partnership):
    return PriorityFactory(partnership=partnership, title="Early help")


def line_with(priority, indicator, *, agency=None, target=None, tolerance=None):
    return ScorecardLineFactory(
        priority=priority, indicator=indicator, target=target, tolerance=tolerance, owner_agency=agency
    )


def figures_over(partnership, agency, years, indicator, values):
    for year, value in zip(years, values, strict=True):
        validated_figures(partnership=partnership, agency=agency, period=year, figures={indicator: value})


def reasons_for(business_unit, partnership, year, code):
    found = {
        c.row.code: c.reasons for c in exception_candidates(user=business_unit, partnership=partnership, period=year)
    }
    return found.get(code, [])


# --- the rules -------------------------------------------------------------------------------


def test_a_red_rating_is_an_exception_with_its_reason_in_words(
    business_unit, partnership, agency, priority, indicators, years
):
    line_with(priority, indicators["sc-referrals"], agency=agency, target=D(1000), tolerance=D(50))
    figures_over(partnership, agency, years[2:], indicators["sc-referrals"], [900])
    assert reasons_for(business_unit, partnership, years[2], "sc-referrals") == [
        "Red against its target: 900 against a target of 1,000."
    ]


def test_green_and_amber_are_not_exceptions(business_unit, partnership, agency, priority, indicators, years):
    line_with(priority, indicators["sc-referrals"], agency=agency, target=D(1000), tolerance=D(50))
    figures_over(partnership, agency, years[2:], indicators["sc-referrals"], [960])
    assert reasons_for(business_unit, partnership, years[2], "sc-referrals") == []


def test_worsening_beyond_tolerance_two_periods_in_a_row_is_an_exception(
    business_unit, partnership, agency, priority, indicators, years
):
    line_with(priority, indicators["sc-rereferrals"], agency=agency, tolerance=D(1))
    figures_over(partnership, agency, years, indicators["sc-rereferrals"], [10, 13, 16])
    reasons = reasons_for(business_unit, partnership, years[2], "sc-rereferrals")
    assert reasons == [
        "Worsening beyond tolerance for two periods in a row: 10.0% (2012-13) → 13.0% (2013-14) → 16.0% (2014-15)."
    ]


def test_worsening_within_tolerance_is_not_an_exception(
    business_unit, partnership, agency, priority, indicators, years
):
    line_with(priority, indicators["sc-rereferrals"], agency=agency, tolerance=D(5))
    figures_over(partnership, agency, years, indicators["sc-rereferrals"], [10, 13, 16])
    assert reasons_for(business_unit, partnership, years[2], "sc-rereferrals") == []


def test_worsening_once_then_improving_is_not_an_exception(
    business_unit, partnership, agency, priority, indicators, years
):
    line_with(priority, indicators["sc-rereferrals"], agency=agency, tolerance=D(1))
    figures_over(partnership, agency, years, indicators["sc-rereferrals"], [10, 16, 13])
    assert reasons_for(business_unit, partnership, years[2], "sc-rereferrals") == []


def test_a_line_whose_polarity_is_neither_never_worsens(
    business_unit, partnership, agency, priority, indicators, years
):
    line_with(priority, indicators["sc-plans"], agency=agency, tolerance=D(1))
    figures_over(partnership, agency, years, indicators["sc-plans"], [100, 200, 300])
    assert reasons_for(business_unit, partnership, years[2], "sc-plans") == []


def test_the_bottom_quartile_of_published_figures_is_an_exception(
    business_unit, partnership, agency, priority, indicators, years
):
    areas = benchmark_areas(partnership)
    twin = indicators["sc-referrals-published"]
    published(twin, areas["own"], 500)
    for n, other in enumerate(areas["others"]):
        published(twin, other, 1000 + 100 * n)
    line_with(priority, indicators["sc-referrals"], agency=agency)
    figures_over(partnership, agency, years[2:], indicators["sc-referrals"], [1000])
    assert reasons_for(business_unit, partnership, years[2], "sc-referrals") == [
        "In the bottom quartile of all local authorities: band D in 2014-15 (500, ranked 9 of 9)."
    ]


def test_a_line_can_meet_several_rules(business_unit, partnership, agency, priority, indicators, years):
    line_with(priority, indicators["sc-rereferrals"], agency=agency, target=D(12), tolerance=D(1))
    figures_over(partnership, agency, years, indicators["sc-rereferrals"], [10, 13, 16])
    reasons = reasons_for(business_unit, partnership, years[2], "sc-rereferrals")
    assert [r.split(":")[0] for r in reasons] == [
        "Red against its target",
        "Worsening beyond tolerance for two periods in a row",
    ]


# --- making a report -------------------------------------------------------------------------


@pytest.fixture
def red_line(partnership, agency, priority, indicators, years):
    line = line_with(priority, indicators["sc-referrals"], agency=agency, target=D(1000), tolerance=D(50))
    figures_over(partnership, agency, years[2:], indicators["sc-referrals"], [900])
    return line


@pytest.fixture
def report(business_unit, partnership, red_line, years):
    return exception_report_create(actor=business_unit, partnership=partnership, period=years[2])


def test_a_report_holds_each_exception_with_its_owner_and_figures(report, agency):
    item = report.items.get()
    assert item.owner_agency == agency and item.reasons[0].startswith("Red against its target")
    assert item.figures["value"] == "900" and item.figures["target"] == "1,000" and item.figures["rag"] == "Red"


def test_making_a_report_is_recorded(report):
    assert Event.objects.filter(verb="exception_report.created", target_id=str(report.pk)).exists()


def test_a_report_may_be_for_a_board_meeting_of_the_partnership(business_unit, partnership, red_line, years):
    meeting = MeetingFactory(partnership=partnership)
    report = exception_report_create(actor=business_unit, partnership=partnership, period=years[2], meeting=meeting)
    assert report.meeting == meeting


def test_a_meeting_of_another_partnership_is_refused(business_unit, partnership, other_partnership, red_line, years):
    with pytest.raises(ValidationError):
        exception_report_create(
            actor=business_unit,
            partnership=partnership,
            period=years[2],
            meeting=MeetingFactory(partnership=other_partnership),
        )
    assert not ExceptionReport.objects.exists()


def test_only_the_business_unit_makes_reports(board_member, partnership, red_line, years):
    with pytest.raises(PermissionDenied):
        exception_report_create(actor=board_member, partnership=partnership, period=years[2])


# --- commentary ------------------------------------------------------------------------------


def test_the_owning_agencys_lead_writes_commentary(agency_lead, report):
    item = exception_commentary_write(actor=agency_lead, item=report.items.get(), commentary="Staff shortages.")
    item.refresh_from_db()
    assert (item.commentary, item.commentary_by) == ("Staff shortages.", agency_lead)
    assert Event.objects.filter(verb="exception.commented", target_id=str(item.pk)).exists()


def test_the_business_unit_writes_commentary_on_any_item(business_unit, report):
    assert may_comment(user=business_unit, item=report.items.get())


def test_another_agencys_lead_may_not_write_commentary(partnership, other_agency, report):
    from conftest import make_member

    their_lead = make_member("agency-lead", partnership, agency=other_agency)
    with pytest.raises(PermissionDenied):
        exception_commentary_write(actor=their_lead, item=report.items.get(), commentary="Not ours.")


def test_a_board_member_may_not_write_commentary(board_member, report):
    with pytest.raises(PermissionDenied):
        exception_commentary_write(actor=board_member, item=report.items.get(), commentary="No.")


def test_empty_commentary_is_refused(agency_lead, report):
    with pytest.raises(ValidationError):
        exception_commentary_write(actor=agency_lead, item=report.items.get(), commentary="   ")


# --- actions ---------------------------------------------------------------------------------


def test_an_action_raised_from_an_item_has_the_item_as_its_source(business_unit, report, agency):
    import datetime as dt

    item = report.items.get()
    action = exception_action_raise(
        actor=business_unit, item=item, title="Recover referrals", owner_agency=agency, due_on=dt.date.today()
    )
    assert action.source == item and action.partnership == report.partnership
    assert action.source_label == "Exception report 2014-15: Referrals (scorecard test)"


def test_only_the_business_unit_raises_actions_from_items(agency_lead, report, agency):
    import datetime as dt

    with pytest.raises(PermissionDenied):
        exception_action_raise(
            actor=agency_lead, item=report.items.get(), title="No", owner_agency=agency, due_on=dt.date.today()
        )


# --- pages -----------------------------------------------------------------------------------


def test_the_register_lists_reports(client, board_member, partnership, report):
    client.force_login(board_member)
    page = client.get(u("exceptions", partnership)).content.decode()
    assert "2014-15" in page and u("exception_detail", partnership, pk=report.pk) in page


def test_the_business_unit_makes_a_report_from_the_page(client, business_unit, partnership, red_line, years):
    client.force_login(business_unit)
    assert client.get(u("exception_create", partnership)).status_code == 200
    response = client.post(u("exception_create", partnership), {"period": years[2].pk})
    report = ExceptionReport.objects.get()
    assert response.status_code == 302 and response["Location"] == u("exception_detail", partnership, pk=report.pk)
    assert report.items.count() == 1


def test_a_report_page_without_a_period_shows_the_error(client, business_unit, partnership, red_line):
    client.force_login(business_unit)
    page = client.post(u("exception_create", partnership), {}).content.decode()
    assert "Choose the period the report is for." in page


def test_the_report_page_prints_reasons_figures_and_commentary(client, board_member, partnership, report):
    item = report.items.get()
    item.commentary = "Referrals fell while the front door was rebuilt."
    item.save()
    client.force_login(board_member)
    page = client.get(u("exception_detail", partnership, pk=report.pk)).content.decode()
    assert "Red against its target: 900 against a target of 1,000." in page
    assert "Referrals fell while the front door was rebuilt." in page
    # A board member may neither comment nor raise actions: no such links.
    assert u("exception_comment", partnership, pk=item.pk) not in page
    assert u("exception_action", partnership, pk=item.pk) not in page


def test_the_report_page_offers_the_business_unit_its_actions_outside_print(client, business_unit, partnership, report):
    client.force_login(business_unit)
    page = client.get(u("exception_detail", partnership, pk=report.pk)).content.decode()
    item = report.items.get()
    button = 'class="govuk-button govuk-button--secondary assure-no-print" data-module="govuk-button"'
    assert f'{button} href="{u("exception_action", partnership, pk=item.pk)}"' in page


def test_the_owning_agencys_lead_comments_from_the_page(client, agency_lead, partnership, report):
    item = report.items.get()
    client.force_login(agency_lead)
    assert client.get(u("exception_comment", partnership, pk=item.pk)).status_code == 200
    response = client.post(u("exception_comment", partnership, pk=item.pk), {"commentary": "We are recruiting."})
    assert response.status_code == 302
    assert ExceptionItem.objects.get(pk=item.pk).commentary == "We are recruiting."


def test_another_agencys_lead_is_refused_the_commentary_page(client, partnership, other_agency, report):
    from conftest import make_member

    client.force_login(make_member("agency-lead", partnership, agency=other_agency))
    assert client.get(u("exception_comment", partnership, pk=report.items.get().pk)).status_code == 403


def test_an_item_of_another_partnership_is_not_found(client, outsider, other_partnership, report):
    client.force_login(outsider)
    assert client.get(u("exception_comment", other_partnership, pk=report.items.get().pk)).status_code == 404


def test_the_business_unit_raises_an_action_from_the_page(client, business_unit, partnership, report, agency):
    import datetime as dt

    item = report.items.get()
    client.force_login(business_unit)
    page = client.get(u("exception_action", partnership, pk=item.pk)).content.decode()
    assert "Improve: Referrals (scorecard test)" in page
    due = dt.date.today() + dt.timedelta(days=30)
    response = client.post(
        u("exception_action", partnership, pk=item.pk),
        {
            "title": "Recover referrals",
            "owner_agency": agency.pk,
            "due_on": due.isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    action = Action.objects.get()
    assert action.source == item
    detail = client.get(u("exception_detail", partnership, pk=report.pk)).content.decode()
    assert action.reference in detail
