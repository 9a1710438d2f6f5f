"""The demo's core dataset: Shropshire's figures from its annual report beside the DfE's, its
scorecard and exception report, and invented returns, labelled as such, for the rest of West
Mercia."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.accounts.models import Membership, User
from assure.accounts.services import api_token_create
from assure.audit.models import Event
from assure.demo.region import current_year
from assure.partnerships.models import Partnership
from assure.performance.demo import invented, shropshire
from assure.performance.models import (
    DataReturn,
    ExceptionItem,
    ExceptionReport,
    Observation,
    Publication,
    ReturnRound,
)
from assure.performance.selectors.returns import overdue_q
from assure.performance.selectors.scorecard import build_scorecard
from assure.plans.models import Priority
from tests.real_names import real_names_in


@pytest.fixture
def demo(demo_region, db):
    """The shared demo region (conftest.py), each test in a transaction of its own."""
    return demo_region


def partnership(slug: str = "shropshire") -> Partnership:
    return Partnership.objects.get(slug=slug)


def board_member(slug: str = "shropshire") -> User:
    return User.objects.get(email=f"board-member@{slug}.demo.assure.test")


def local(code: str, year: str, slug: str = "shropshire") -> Observation:
    return Observation.objects.select_related("agency", "data_return").get(
        source=Observation.Source.AGENCY_RETURN, partnership__slug=slug, indicator__code=code, period__label=year
    )


def computed(code: str, year: str, slug: str = "shropshire") -> Observation:
    return Observation.objects.get(
        source=Observation.Source.COMPUTED, partnership__slug=slug, indicator__code=code, period__label=year
    )


def published(code: str, year: str, area_code: str = "E06000051") -> Observation:
    return Observation.objects.get(
        source=Observation.Source.PUBLICATION, area__code=area_code, indicator__code=code, period__label=year
    )


class TestTheDemosCoreDataset:
    def test_shropshires_2014_15_referrals_are_2626_locally(self, demo):
        figure = local("csc-referrals", "2014-15")
        assert figure.value == Decimal("2626")
        assert figure.agency.name == "Shropshire Council Children's Social Care"
        assert figure.data_return.status == DataReturn.Status.VALIDATED

    def test_shropshires_2014_15_referrals_are_2722_published(self, demo):
        figure = published("dfe-referrals", "2014-15")
        assert figure.value == Decimal("2722")
        assert figure.publication.file_name.startswith("c1_")

    def test_the_api_serves_both_referral_figures_with_their_sources(self, demo, client):
        token = api_token_create(actor=board_member(), partnership=Partnership.objects.get(slug="shropshire"))
        response = client.get(
            "/p/shropshire/performance/api/observations/?period=2014-15&format=csv",
            HTTP_AUTHORIZATION=f"Token {token.key}",
        )
        rows = response.content.decode().splitlines()
        local_row = next(r for r in rows if ",csc-referrals," in r)
        published_row = next(r for r in rows if ",dfe-referrals," in r and "E06000051" in r)
        assert ",2626," in local_row and ",agency_return," in local_row
        assert ",2722," in published_row and ",publication," in published_row

    def test_every_shipped_statistics_file_is_imported(self, demo):
        names = set(Publication.objects.values_list("file_name", flat=True))
        assert {name.split("_")[0] for name in names} >= {"c1", "d3", "ons"}

    def test_every_authority_has_published_figures(self, demo):
        authorities = Observation.objects.filter(
            source=Observation.Source.PUBLICATION, area__level="local_authority", period__label="2014-15"
        )
        assert authorities.values("area").distinct().count() > 140

    def test_the_previous_years_figures_come_from_the_report(self, demo):
        assert local("csc-rereferrals-percent", "2013-14").value == Decimal("21")
        assert local("csc-rereferrals-percent", "2014-15").value == Decimal("27.2")
        assert local("eh-assessments", "2013-14").value == Decimal("424")

    @pytest.mark.parametrize(
        ("code", "agency"),
        [
            ("eh-assessments", "Shropshire Council Early Help"),
            ("police-offences-against-children-rate", "West Mercia Police"),
            ("s136-detentions-under-18", "South Staffordshire and Shropshire Healthcare NHS Foundation Trust"),
            ("edu-cme", "Shropshire Council Education Access Service"),
            ("csc-icpc-15-days-percent", "Shropshire Council Children's Social Care"),
        ],
    )
    def test_each_figure_comes_from_the_agency_that_holds_it(self, demo, code, agency):
        assert local(code, "2014-15").agency.name == agency

    def test_the_probation_figure_is_in_the_probation_return(self, demo):
        assert local("mappa-eligible-offenders", "2013-14").agency.name == "National Probation Service"

    def test_every_shropshire_figure_of_the_report_is_returned_and_validated(self, demo):
        for year, figures in shropshire.FIGURES.items():
            for figure in figures:
                observation = local(figure.indicator, year)
                assert observation.value == Decimal(figure.value), (year, figure.indicator)
                assert observation.data_return.status == DataReturn.Status.VALIDATED

    def test_shropshires_figures_name_their_source(self, demo):
        returned = Observation.objects.filter(partnership__slug="shropshire", data_return__status="validated")
        comments = returned.values_list("comment", flat=True)
        assert all(shropshire.SOURCE in comment for comment in comments)

    def test_returns_went_through_the_pipeline(self, demo):
        validated = Event.objects.filter(verb="return.validated", partnership=partnership()).count()
        assert validated == DataReturn.objects.filter(round__partnership=partnership(), status="validated").count()

    def test_only_the_current_years_returns_wait_for_validation(self, demo):
        waiting = DataReturn.objects.filter(round__partnership=partnership()).exclude(status="validated")
        assert {r.round.period.label for r in waiting} == {current_year(timezone.localdate())}

    def test_a_return_is_entered_by_the_agencys_own_lead_where_the_demo_has_one(self, demo):
        police_return = local("police-offences-against-children-rate", "2014-15").data_return
        assert police_return.submitted_by.email.startswith("police-lead@")

    @pytest.mark.parametrize("slug", ["telford-wrekin", "herefordshire", "worcestershire"])
    def test_the_other_partnerships_have_validated_returns(self, demo, slug):
        figures = Observation.objects.filter(partnership__slug=slug, data_return__status="validated")
        assert figures.filter(indicator__code="csc-referrals", period__label="2014-15").exists()

    @pytest.mark.parametrize("slug", ["telford-wrekin", "herefordshire", "worcestershire"])
    def test_the_other_partnerships_figures_are_labelled_invented(self, demo, slug):
        returned = Observation.objects.filter(partnership__slug=slug).exclude(source=Observation.Source.COMPUTED)
        assert set(returned.values_list("comment", flat=True)) == {invented.INVENTED_NOTE}

    def test_the_scorecard_lists_the_priorities(self, demo):
        titles = list(Priority.objects.filter(partnership=partnership()).values_list("title", flat=True))
        assert titles == [
            "Compromised parenting",
            "Children who go missing, child sexual exploitation and trafficking",
            "Communication",
            "High quality safeguarding practice",
        ]
        card = build_scorecard(user=board_member(), partnership=partnership())
        assert [section.title for section in card.sections] == titles

    def test_the_scorecard_opens_on_2014_15_with_ratings(self, demo):
        card = build_scorecard(user=board_member(), partnership=partnership())
        assert card.period.label == "2014-15"
        rows = {row.code: row for row in card.rows}
        assert rows["csc-rereferrals-percent"].rag == "red"
        assert rows["eh-assessments"].rag == "green"
        assert rows["csc-rereferrals-percent"].previous == Decimal("21")

    def test_the_scorecard_compares_with_england_the_region_and_neighbours(self, demo):
        card = build_scorecard(user=board_member(), partnership=partnership())
        row = next(row for row in card.rows if row.code == "dfe-rereferrals-percent")
        assert card.area == "Shropshire" and card.region == "West Midlands"
        assert row.benchmark.england is not None
        assert row.benchmark.region is not None
        assert row.benchmark.neighbours_total == 10
        assert row.benchmark.neighbours_with_value >= 5
        assert row.benchmark.quartile_band in {"A", "B", "C", "D"}

    def test_the_schools_and_early_years_audits_are_computed_as_the_report_gives_them(self, demo):
        schools = computed("edu-schools-audit-compliant-percent", "2014-15")
        early_years = computed("edu-early-years-audit-compliant-percent", "2014-15")
        assert (schools.numerator, schools.denominator, schools.value) == (245, 250, Decimal("98"))
        # 43 of 102 criteria: the report's 42%, which it gives as a whole number.
        assert early_years.value.quantize(Decimal(1)) == Decimal(42)
        assert schools.provenance.startswith("computed from 10 Section 11 returns on ")
        assert early_years.provenance.startswith("computed from 6 Section 11 returns on ")

    def test_the_board_met_six_times_in_2014_15_by_its_register(self, demo):
        assert computed("board-meetings-held", "2014-15").value == Decimal(6)
        assert computed("board-attendance-percent", "2014-15").provenance.startswith(
            "computed from the attendance recorded at 6 board meetings on "
        )

    def test_the_scorecard_shows_the_computed_audit_figure_and_the_returned_one_beside_it(self, demo):
        card = build_scorecard(user=board_member(), partnership=partnership())
        row = next(row for row in card.rows if row.code == "edu-early-years-audit-compliant-percent")
        assert row.value_text == "42.2%" and row.value_source.startswith("Computed from 6 Section 11 returns on ")
        # Education returned the percentage alone, without the counts it is worked out from.
        assert row.returned_text.startswith("42.0%")
        assert row.returned.source == "returned by Shropshire Council Education Access Service"

    def test_no_real_person_is_named(self, demo):
        text = " ".join(Observation.objects.exclude(comment="").values_list("comment", flat=True))
        text += " ".join(Priority.objects.values_list("description", flat=True))
        assert real_names_in(text) == []


# --- invented figures, without the database ------------------------------------------------------


def test_invented_figures_are_the_same_on_every_run():
    area = invented.AREAS[0]
    assert invented.invented_figures(area, "2014-15") == invented.invented_figures(area, "2014-15")


def test_invented_counts_are_whole_and_percentages_at_most_100():
    for area in invented.AREAS:
        for year in (shropshire.PREVIOUS_YEAR, shropshire.YEAR):
            for figure in invented.invented_figures(area, year):
                if figure.indicator in invented.COUNTS:
                    assert figure.value == figure.value.to_integral_value()
                assert Decimal(0) <= figure.value <= Decimal(100) or figure.indicator in invented.COUNTS


def test_invented_figures_differ_between_partnerships():
    first, second = (invented.invented_figures(area, "2014-15") for area in invented.AREAS[:2])
    assert [f.value for f in first] != [f.value for f in second]


class TestTheCurrentYearsReturns:
    """The live work of the current year, relative to the day the demo is loaded."""

    def test_the_current_round_is_open_and_past_its_deadline(self, demo):
        round_ = ReturnRound.objects.get(partnership=partnership(), period__label=current_year(timezone.localdate()))
        assert round_.opens_on < round_.deadline < timezone.localdate()

    def test_some_returns_are_overdue_one_from_an_agency_without_a_lead_account(self, demo):
        overdue = DataReturn.objects.filter(round__partnership=partnership()).filter(overdue_q())
        agencies = {r.agency.name for r in overdue}
        assert {"Shropshire Council Education Access Service", "West Mercia Police"} <= agencies
        assert not Membership.objects.filter(
            partnership=partnership(), role="agency-lead", agency__name="Shropshire Council Education Access Service"
        ).exists()

    def test_the_scorecard_still_shows_the_last_validated_year(self, demo):
        assert build_scorecard(user=board_member(), partnership=partnership()).period.label == "2014-15"


class TestTheDemosExceptionReport:
    def test_shropshire_has_an_exception_report_for_its_march_2015_board(self, demo):
        report = ExceptionReport.objects.get(partnership=partnership(), meeting__held_on=dt.date(2015, 3, 19))
        assert report.meeting.held_on.isoformat() == "2015-03-19"
        assert report.period.label == "2014-15"
        assert report.items.exists()

    def test_the_next_board_meeting_has_its_exception_report_awaiting_commentary(self, demo):
        report = ExceptionReport.objects.get(partnership=partnership(), meeting__held_on__gt=timezone.localdate())
        assert report.items.exists()
        assert not report.items.exclude(commentary="").exists()

    def test_re_referrals_carry_childrens_social_cares_commentary(self, demo):
        item = ExceptionItem.objects.get(
            report__partnership=partnership(),
            report__meeting__held_on=dt.date(2015, 3, 19),
            indicator__code="csc-rereferrals-percent",
        )
        assert "professional conversation" in item.commentary
        assert item.commentary_by is not None
        assert item.owner_agency.name == "Shropshire Council Children's Social Care"


class TestTheSeedsChildsJourney:
    """The figures of the seed's child's journey (§2, §5.91-5.99) are returned by the agency that
    holds them, for the period they cover."""

    @pytest.mark.parametrize(
        ("code", "full_year", "value"),
        [
            ("eh-referrals-apr-dec", "eh-referrals", "543"),
            ("eh-episodes-apr-dec", "eh-episodes", "737"),
            ("eh-wellbeing-assessments-apr-dec", "eh-wellbeing-assessments", "304"),
            ("eh-closures-apr-dec", "eh-closures", "107"),
        ],
    )
    def test_early_helps_april_to_december_counts_are_never_the_years(self, demo, code, full_year, value):
        assert local(code, "2014-15").value == Decimal(value)
        assert not Observation.objects.filter(partnership__slug="shropshire", indicator__code=full_year).exists()

    def test_the_share_of_strategy_discussions_from_case_management_teams_is_worked_out_from_its_counts(self, demo):
        share = local("csc-strategy-discussions-open-cases-percent", "2014-15")
        assert (share.numerator, share.denominator, share.value) == (395, 903, Decimal("43.74"))
        assert local("csc-strategy-discussions", "2014-15").value == share.denominator

    def test_the_rate_of_child_protection_plans_goes_back_to_2011_12(self, demo):
        assert local("csc-cp-plans-rate", "2011-12").value == Decimal("18.7")

    @pytest.mark.parametrize(
        ("code", "agency"),
        [
            ("eh-referrals-apr-dec", "Shropshire Council Early Help"),
            ("csc-lac-mid-year", "Shropshire Council Children's Social Care"),
            ("csc-short-breaks-crisis", "Shropshire Council Children's Social Care"),
            ("context-population", "Shropshire Council Public Health"),
            ("context-schools", "Shropshire Council Education Access Service"),
        ],
    )
    def test_each_figure_is_validated_in_the_return_of_the_agency_that_holds_it(self, demo, code, agency):
        figure = local(code, "2014-15")
        assert figure.agency.name == agency
        assert figure.data_return.status == DataReturn.Status.VALIDATED

    def test_the_journey_page_takes_in_strategy_discussions_and_early_help(self, demo, client):
        client.force_login(board_member())
        page = client.get(reverse("performance:journey", kwargs={"partnership": "shropshire"})).content.decode()
        for said in ("Strategy discussions", "903", "Targeted early help referrals, April to December", "543"):
            assert said in page
