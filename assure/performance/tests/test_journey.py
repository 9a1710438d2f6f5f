"""The child's journey: the library's steps in order, each with the year's figure beside last
year's and the change in words, as a chart and a table."""

import datetime as dt
import json
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse

from assure.library.models import LibraryDocument, LibraryItem
from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.models import DataReturn
from assure.performance.periods import period_for_year
from assure.performance.selectors.journey import childs_journey
from assure.performance.services.returns import return_validate, round_open, round_period
from assure.performance.tests.factories import (
    benchmark_areas,
    figure,
    published,
    return_with,
    scorecard_test_indicators,
    validated_figures,
)

JOURNEY_URN = "urn:assure:childs-journey"


def journey_document(steps: list[dict]) -> None:
    """A newest version of the journey document holding ``steps`` (indicator, details)."""
    newest = LibraryDocument.objects.filter(urn=JOURNEY_URN).order_by("-version").first()
    document = LibraryDocument.objects.create(
        urn=JOURNEY_URN,
        version=(newest.version if newest else 0) + 1,
        kind="journey-step",
        provider="assure",
        title="The child's journey (test)",
        checksum="test",
        source_path="test",
        content={},
    )
    for position, step in enumerate(steps):
        urn = f"urn:assure:journey-step:{step['code']}"
        LibraryItem.objects.create(
            document=document,
            urn=urn,
            kind="journey-step",
            code=step["code"],
            title=step["title"],
            position=position,
            data={"urn": urn, "description": "", "details": [], **step},
        )


@pytest.fixture
def indicators(db):
    return scorecard_test_indicators()


@pytest.fixture
def years(db):
    return {label: period_for_year(label) for label in ("2013-14", "2014-15")}


@pytest.fixture
def journey(partnership, agency, indicators, years):
    journey_document(
        [
            {"code": "referrals", "title": "Referrals", "indicator": "sc-referrals", "details": ["sc-rereferrals"]},
            {"code": "plans", "title": "Child protection plans", "indicator": "sc-plans"},
        ]
    )
    referrals, rereferrals, plans = indicators["sc-referrals"], indicators["sc-rereferrals"], indicators["sc-plans"]
    validated_figures(
        partnership=partnership,
        agency=agency,
        period=years["2013-14"],
        figures={referrals: 424, rereferrals: (13, 13, 100), plans: 261},
    )
    validated_figures(
        partnership=partnership,
        agency=agency,
        period=years["2014-15"],
        figures={referrals: 577, rereferrals: (10, 10, 100), plans: 249},
    )


def lines_of(found):
    return {line.code: line for step in found.steps for line in step.lines}


def test_the_steps_follow_the_library_in_order(board_member, partnership, journey):
    found = childs_journey(user=board_member, partnership=partnership)
    assert [s.title for s in found.steps] == ["Referrals", "Child protection plans"]
    assert [line.code for line in found.steps[0].lines] == ["sc-referrals", "sc-rereferrals"]


def test_the_newest_year_with_own_figures_is_shown_beside_the_year_before(board_member, partnership, journey):
    found = childs_journey(user=board_member, partnership=partnership)
    assert (found.year.label, found.previous.label) == ("2014-15", "2013-14")
    referrals = lines_of(found)["sc-referrals"]
    assert (referrals.this_year.value, referrals.last_year.value) == (D(577), D(424))
    assert referrals.this_year.source == "Agency returns, provisional"


def test_the_change_is_in_words(board_member, partnership, journey):
    lines = lines_of(childs_journey(user=board_member, partnership=partnership))
    assert lines["sc-referrals"].change == "Up 153 (36.1%) from 424"
    assert lines["sc-rereferrals"].change == "Down 3.0 percentage points from 13.0%"
    assert lines["sc-plans"].change == "Down 12 (4.6%) from 261"


def test_a_step_without_own_figures_shows_the_published_one_labelled(
    board_member, partnership, indicators, years, agency
):
    journey_document([{"code": "referrals", "title": "Referrals", "indicator": "sc-referrals"}])
    areas = benchmark_areas(partnership)
    published(indicators["sc-referrals-published"], areas["own"], 2722, period=years["2014-15"])
    referrals = lines_of(childs_journey(user=board_member, partnership=partnership))["sc-referrals"]
    assert referrals.this_year == type(referrals.this_year)(D(2722), "", "DfE publication")
    assert referrals.last_year.value is None and referrals.change == "No figure for the year before"


def test_a_year_can_be_chosen(board_member, partnership, journey, years):
    found = childs_journey(user=board_member, partnership=partnership, year=years["2013-14"])
    assert found.year.label == "2013-14" and lines_of(found)["sc-referrals"].this_year.value == D(424)


def test_only_counts_are_drawn_in_the_chart(board_member, partnership, journey):
    spec = childs_journey(user=board_member, partnership=partnership).spec
    assert {v["step"] for v in spec["data"]["values"]} == {"Referrals", "Child protection plans"}
    assert {v["value"] for v in spec["data"]["values"]} == {577.0, 424.0, 249.0, 261.0}


@pytest.fixture
def signed_in(client, auditor):
    client.force_login(auditor)
    return client


def url(partnership, **query) -> str:
    path = reverse("performance:journey", kwargs={"partnership": partnership.slug})
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_page_shows_a_chart_and_a_table_of_the_same_figures(signed_in, partnership, journey):
    page = signed_in.get(url(partnership)).content.decode()
    assert 'data-vega-spec="journey-spec"' in page
    spec = json.loads(re.search(r'<script id="journey-spec" type="application/json">(.*?)</script>', page, re.S)[1])
    assert spec["layer"][0]["mark"]["type"] == "bar"
    assert "The journey in numbers, 2014-15" in page
    assert "577" in page and "424" in page and "Up 153 (36.1%) from 424" in page


def test_the_page_names_the_year_asked(signed_in, partnership, journey):
    page = signed_in.get(url(partnership, year="2013-14")).content.decode()
    assert "The journey in numbers, 2013-14" in page


def test_an_unknown_year_is_not_found(signed_in, partnership, journey):
    assert signed_in.get(url(partnership, year="1999-00")).status_code == 404


def test_without_steps_in_the_library_the_page_says_so(signed_in, partnership):
    LibraryItem.objects.filter(kind="journey-step").delete()
    LibraryDocument.objects.filter(kind="journey-step").delete()
    assert "The steps of the journey are not in the library yet." in signed_in.get(url(partnership)).content.decode()


def test_a_viewer_may_not_see_the_journey(client, viewer, partnership):
    client.force_login(viewer)
    assert client.get(url(partnership)).status_code == 403


def test_a_year_of_agency_returns_is_not_compared_with_a_year_of_dfe_figures():
    from assure.performance.selectors.journey import LOCAL, PUBLISHED, JourneyFigure, JourneyLine

    line = JourneyLine(
        code="csc-referrals",
        title="Referrals to children's social care",
        unit="count",
        decimals=0,
        this_year=JourneyFigure(D("2626"), "", LOCAL),
        last_year=JourneyFigure(D("2089"), "", PUBLISHED),
    )
    assert line.change == "Not compared: the two years come from different sources"


# The journey is cached, and never stale: a change made through the services shows on the very
# next page.


def test_a_return_validated_shows_at_once_on_the_journey(signed_in, business_unit, partnership, journey, indicators):
    assert "577" in signed_in.get(url(partnership)).content.decode()
    submitted = return_with(
        partnership=partnership,
        agency=AgencyFactory(partnerships=[partnership]),
        indicators=[indicators["sc-referrals"]],
        status=DataReturn.Status.SUBMITTED,
    )
    figure(submitted, indicators["sc-referrals"], 100)
    assert "577" in signed_in.get(url(partnership)).content.decode()
    return_validate(actor=business_unit, data_return=submitted)
    page = signed_in.get(url(partnership)).content.decode()
    assert "677" in page and "Up 253 (59.7%) from 424" in page


def test_a_year_opened_for_returns_becomes_the_year_before_at_once(
    signed_in, business_unit, partnership, agency, indicators
):
    journey_document([{"code": "referrals", "title": "Referrals", "indicator": "sc-referrals"}])
    for label, referrals in (("2012-13", 390), ("2014-15", 577)):
        validated_figures(
            partnership=partnership,
            agency=agency,
            period=period_for_year(label),
            figures={indicators["sc-referrals"]: referrals},
        )
    assert "Up 187 (47.9%) from 390" in signed_in.get(url(partnership)).content.decode()
    round_open(
        actor=business_unit,
        partnership=partnership,
        period=round_period(kind="year", year="2013-14"),
        deadline=dt.date(2014, 5, 31),
        opens_on=dt.date(2014, 4, 1),
    )
    page = signed_in.get(url(partnership)).content.decode()
    assert "No figure for the year before" in page and "from 390" not in page
