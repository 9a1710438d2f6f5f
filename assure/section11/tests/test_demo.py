"""The Section 11 demo: West Mercia's regional cycles of 2013-14 and 2014-15, closed in their own
years, the current year's open with returns in every state, the cross-border agencies answering
once, and Shropshire's schools and early years audits at the reported 98% and 42%."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.accounts.models import Membership, User
from assure.demo.region import current_year
from assure.partnerships.models import Partnership
from assure.section11.demo.content import SCHOOL_SETTINGS
from assure.section11.models import ChallengeMessage, Cycle, Response, Return
from assure.section11.selectors.analysis import cycle_analysis
from tests.real_names import real_names_in


@pytest.fixture
def demo(demo_region, db):
    """The shared demo region (conftest.py), each test in a transaction of its own."""
    return demo_region


def shropshire() -> Partnership:
    return Partnership.objects.get(slug="shropshire")


def board_member(slug: str = "shropshire") -> User:
    return User.objects.get(email=f"board-member@{slug}.demo.assure.test")


def cycle(title_start: str) -> Cycle:
    return Cycle.objects.get(title__startswith=title_start)


def test_schools_are_98_percent_compliant(demo):
    analysis = cycle_analysis(user=board_member(), partnership=shropshire(), cycle=cycle("Shropshire schools"))
    assert (analysis.overall.whole_percent, analysis.overall.rated) == (Decimal(98), 25 * len(SCHOOL_SETTINGS))


def test_early_years_settings_are_42_percent_compliant(demo):
    analysis = cycle_analysis(user=board_member(), partnership=shropshire(), cycle=cycle("Shropshire early years"))
    assert analysis.overall.whole_percent == Decimal(42)


def test_schools_fall_short_only_on_rse_and_equal_opportunities_training(demo):
    analysis = cycle_analysis(user=board_member(), partnership=shropshire(), cycle=cycle("Shropshire schools"))
    assert {s.answer.criterion for s in analysis.scored if not s.compliant} == {"4.3", "4.4"}


def test_the_police_answer_once_for_the_four_partnerships(demo):
    regional = cycle("West Mercia Section 11 audit 2014-15")
    assert regional.partnerships.count() == 4
    assert Return.objects.filter(cycle=regional, agency__name="West Mercia Police").count() == 1


def test_the_police_return_counts_in_every_partnership_of_the_region(demo):
    regional = cycle("West Mercia Section 11 audit 2014-15")
    for slug in ("shropshire", "telford-wrekin", "herefordshire", "worcestershire"):
        partnership = Partnership.objects.get(slug=slug)
        analysis = cycle_analysis(user=board_member(slug), partnership=partnership, cycle=regional)
        assert "West Mercia Police" in {r.agency.name for r in analysis.returns}


def current_cycle() -> Cycle:
    return cycle(f"West Mercia Section 11 audit {current_year(timezone.localdate())}")


@pytest.mark.parametrize(("year", "deadline"), [("2013-14", dt.date(2014, 1, 31)), ("2014-15", dt.date(2015, 1, 30))])
def test_the_past_years_cycles_closed_in_their_own_year_every_return_accepted(demo, year, deadline):
    past = cycle(f"West Mercia Section 11 audit {year}")
    assert (past.status, past.deadline) == (Cycle.Status.CLOSED, deadline)
    assert set(past.returns.values_list("status", flat=True)) == {Return.Status.ACCEPTED}


def test_the_schools_and_early_years_audits_of_2014_15_closed_in_that_year(demo):
    for title in ("Shropshire schools", "Shropshire early years"):
        assert "2014-04-01" <= str(cycle(title).deadline) <= "2015-03-31"


def test_the_current_years_cycle_is_open_and_its_deadline_just_passed(demo):
    live = current_cycle()
    assert live.status == Cycle.Status.OPEN
    assert live.deadline == timezone.localdate() - dt.timedelta(days=7)
    assert live.previous.year == "2014-15"


def test_the_current_cycle_has_returns_in_every_state(demo):
    states = set(current_cycle().returns.values_list("status", flat=True))
    assert states == {s.value for s in Return.Status}


def test_returns_not_submitted_by_the_deadline_are_overdue(demo):
    overdue = [r for r in current_cycle().returns.all() if r.is_overdue]
    assert {r.status for r in overdue} == {Return.Status.NOT_STARTED, Return.Status.IN_PROGRESS}


def test_two_of_shropshires_returns_are_overdue_neither_with_an_agency_lead(demo):
    overdue = [
        r for r in current_cycle().returns.filter(agency__partnership_links__partnership=shropshire()) if r.is_overdue
    ]
    assert len(overdue) == 2
    assert not Membership.objects.filter(role="agency-lead", agency__in=[r.agency for r in overdue]).exists()


def test_a_challenge_has_a_thread_with_the_agencys_answer(demo):
    kinds = ChallengeMessage.objects.filter(
        response__criterion="2.3", response__return_record__status="under_challenge"
    )
    assert set(kinds.values_list("kind", flat=True)) == {"question", "answer"}


def test_a_challenge_waits_for_the_shropshire_agency_leads_answer(demo):
    lead = User.objects.get(email="agency-lead@shropshire.demo.assure.test")
    waiting = Response.objects.filter(
        return_record__cycle=current_cycle(),
        return_record__agency__memberships__user=lead,
        moderation=Response.Moderation.CHALLENGED,
    )
    assert waiting.exists()


def test_moderation_lowered_some_accepted_ratings(demo):
    analysis = cycle_analysis(
        user=board_member(), partnership=shropshire(), cycle=cycle("West Mercia Section 11 audit 2014-15")
    )
    assert analysis.gap.over_rated > 0


def test_the_regional_cycle_is_compared_with_the_year_before(demo):
    analysis = cycle_analysis(
        user=board_member(), partnership=shropshire(), cycle=cycle("West Mercia Section 11 audit 2014-15")
    )
    assert analysis.previous_cycle.year == "2013-14"
    assert len(analysis.regional_overall) == 4


def test_the_demos_section11_names_are_invented(demo):
    texts = [r.agency.name for r in Return.objects.select_related("agency")]
    texts += list(ChallengeMessage.objects.values_list("text", flat=True))
    assert real_names_in(" ".join(texts)) == []


def test_the_regional_analysis_page_shows_the_comparisons(demo, client):
    regional = cycle("West Mercia Section 11 audit 2014-15")
    client.force_login(board_member())
    page = client.get(
        reverse("section11:analysis", kwargs={"partnership": "shropshire", "pk": regional.pk})
    ).content.decode()
    assert "Comparison between the partnerships" in page
    assert "Telford &amp; Wrekin Safeguarding Children Board" in page
    assert "Against West Mercia Section 11 audit 2013-14" in page
