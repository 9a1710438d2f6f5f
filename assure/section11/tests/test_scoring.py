"""Scoring: the effective rating, compliance percentages and the self-versus-moderated gap, on
each of the library's schemes (read from the shipped rating-scales file, without a database)."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
import yaml
from django.conf import settings

from assure.section11.framework import Scale
from assure.section11.scoring import (
    Answer,
    Compliance,
    Outcome,
    by_agency,
    by_agency_type,
    by_partnership,
    by_sector,
    by_standard,
    compliance,
    effective_rating,
    gap_by,
    mean_score,
    moderation_gap,
    nearest_level,
    percent,
    score,
    score_all,
    summary,
)


def shipped_scales() -> dict[str, Scale]:
    document = yaml.safe_load((settings.LIBRARY_DIR / "assure" / "rating-scales.yaml").read_text(encoding="utf-8"))
    return {
        item["code"]: Scale.of(SimpleNamespace(code=item["code"], title=item["title"], data=item))
        for item in document["items"]
    }


SCALES = shipped_scales()
RAG = SCALES["rag"]
FOUR_POINT = SCALES["fully-mostly-partially-not-met"]
SELF = SCALES["self-score-0-3"]
MODERATED = SCALES["moderated-score-0-3"]


def answer(self_rating="", moderated_rating="", *, not_applicable=False, reviewed=False, **fields) -> Answer:
    fields.setdefault("criterion", "1.1")
    fields.setdefault("standard", 1)
    return Answer(
        self_rating=self_rating,
        moderated_rating=moderated_rating,
        not_applicable=not_applicable,
        reviewed=reviewed,
        **fields,
    )


# --- the effective rating and the outcome of one answer ------------------------------------


def test_the_moderated_rating_overrides_the_self_rating():
    assert effective_rating("green", "amber") == "amber"


def test_without_a_moderated_rating_the_self_rating_counts():
    assert effective_rating("green", "") == "green"


@pytest.mark.parametrize(
    ("rating", "outcome"),
    [("green", Outcome.COMPLIANT), ("amber", Outcome.NOT_COMPLIANT), ("red", Outcome.NOT_COMPLIANT)],
)
def test_rag_counts_only_green_as_compliant(rating, outcome):
    assert score(answer(rating), scale=RAG).outcome == outcome


@pytest.mark.parametrize(
    ("rating", "outcome"),
    [
        ("fully-met", Outcome.COMPLIANT),
        ("mostly-met", Outcome.COMPLIANT),
        ("partially-met", Outcome.NOT_COMPLIANT),
        ("not-met", Outcome.NOT_COMPLIANT),
    ],
)
def test_four_point_scale_counts_fully_and_mostly_met_as_compliant(rating, outcome):
    assert score(answer(rating), scale=FOUR_POINT).outcome == outcome


@pytest.mark.parametrize(
    ("rating", "outcome"),
    [("0", Outcome.NOT_COMPLIANT), ("1", Outcome.NOT_COMPLIANT), ("2", Outcome.COMPLIANT), ("3", Outcome.COMPLIANT)],
)
def test_self_score_counts_two_and_three_as_compliant(rating, outcome):
    assert score(answer(rating), scale=SELF, moderated_scale=MODERATED).outcome == outcome


def test_a_moderated_rating_below_compliance_makes_a_compliant_self_rating_non_compliant():
    scored = score(answer("green", "amber"), scale=RAG)
    assert scored.outcome == Outcome.NOT_COMPLIANT
    assert scored.level.code == "amber"


def test_a_moderated_rating_can_make_a_non_compliant_self_rating_compliant():
    scored = score(answer("partially-met", "mostly-met"), scale=FOUR_POINT)
    assert scored.outcome == Outcome.COMPLIANT


def test_a_moderated_0_3_score_is_read_on_the_moderated_scale():
    scored = score(answer("3", "1"), scale=SELF, moderated_scale=MODERATED)
    assert scored.self_level.label == "3 - Fully in place"
    assert scored.moderated_level in MODERATED.levels
    assert scored.outcome == Outcome.NOT_COMPLIANT


def test_a_not_applicable_criterion_is_not_applicable_even_when_rated():
    assert score(answer("red", not_applicable=True), scale=RAG).outcome == Outcome.NOT_APPLICABLE


def test_a_criterion_without_a_rating_is_unrated():
    assert score(answer(""), scale=RAG).outcome == Outcome.UNRATED


def test_a_code_that_is_not_a_level_of_the_scale_counts_as_unrated():
    assert score(answer("purple"), scale=RAG).outcome == Outcome.UNRATED


def test_a_moderated_rating_alone_is_counted():
    assert score(answer("", "2"), scale=SELF, moderated_scale=MODERATED).outcome == Outcome.COMPLIANT


# --- compliance percentages ---------------------------------------------------------------


def test_percent_rounds_half_up():
    assert percent(1, 8) == Decimal("12.5")
    assert percent(1, 8, places=0) == Decimal("13")


def test_percent_of_nothing_is_none():
    assert percent(0, 0) is None


def test_compliance_is_compliant_out_of_rated_applicable_criteria():
    scored = score_all([answer("green"), answer("green"), answer("amber"), answer("red")], scale=RAG)
    assert compliance(scored) == Compliance(compliant=2, rated=4)
    assert compliance(scored).percent == Decimal("50.0")


def test_not_applicable_criteria_are_left_out_of_the_percentage():
    scored = score_all([answer("green"), answer("red", not_applicable=True)], scale=RAG)
    result = compliance(scored)
    assert (result.percent, result.not_applicable) == (Decimal("100.0"), 1)


def test_unrated_criteria_are_left_out_and_counted_separately():
    scored = score_all([answer("fully-met"), answer("not-met"), answer("")], scale=FOUR_POINT)
    result = compliance(scored)
    assert (result.rated, result.unrated, result.percent) == (2, 1, Decimal("50.0"))


def test_compliance_uses_moderated_ratings():
    scored = score_all([answer("3", "1"), answer("3"), answer("2")], scale=SELF, moderated_scale=MODERATED)
    assert compliance(scored).compliant == 2


def test_no_rated_criteria_has_no_percentage():
    result = compliance(score_all([answer(""), answer("green", not_applicable=True)], scale=RAG))
    assert result.percent is None
    assert result.text == "No rated criteria"


def test_the_whole_percentage_is_the_board_figure():
    # 245 of 250 criteria compliant: the schools' 98%.
    scored = score_all([answer("fully-met")] * 245 + [answer("not-met")] * 5, scale=FOUR_POINT)
    assert compliance(scored).text == "98% (245 of 250)"


def test_compliance_by_standard():
    scored = score_all([answer("green", standard=1), answer("red", standard=1), answer("green", standard=2)], scale=RAG)
    result = by_standard(scored)
    assert (result[1].percent, result[2].percent) == (Decimal("50.0"), Decimal("100.0"))


def test_compliance_by_agency():
    scored = score_all([answer("green", agency="Police"), answer("red", agency="Probation")], scale=RAG)
    assert {k: v.compliant for k, v in by_agency(scored).items()} == {"Police": 1, "Probation": 0}


def test_compliance_by_agency_type_pools_agencies_of_a_type():
    scored = score_all(
        [
            answer("fully-met", agency="A", agency_type="school"),
            answer("not-met", agency="B", agency_type="school"),
            answer("fully-met", agency="C", agency_type="early-years"),
        ],
        scale=FOUR_POINT,
    )
    result = by_agency_type(scored)
    assert (result["school"].text, result["early-years"].text) == ("50% (1 of 2)", "100% (1 of 1)")


def test_compliance_by_sector():
    scored = score_all([answer("2", sector="health"), answer("0", sector="police")], scale=SELF)
    assert {k: v.compliant for k, v in by_sector(scored).items()} == {"health": 1, "police": 0}


def test_compliance_by_partnership():
    scored = score_all(
        [answer("green", partnership="Shropshire"), answer("red", partnership="Herefordshire")], scale=RAG
    )
    assert list(by_partnership(scored)) == ["Herefordshire", "Shropshire"]


def test_not_applicable_criteria_leave_a_standard_without_a_percentage():
    scored = score_all([answer("green", standard=1), answer("", standard=2, not_applicable=True)], scale=RAG)
    assert by_standard(scored)[2].percent is None


# --- self against moderated ---------------------------------------------------------------


def test_a_lower_moderated_score_is_over_rating():
    gap = moderation_gap(score_all([answer("3", "1")], scale=SELF, moderated_scale=MODERATED))
    assert (gap.compared, gap.over_rated, gap.under_rated, gap.mean_difference) == (1, 1, 0, Decimal("2.00"))


def test_a_higher_moderated_score_is_under_rating():
    gap = moderation_gap(score_all([answer("1", "2")], scale=SELF, moderated_scale=MODERATED))
    assert (gap.over_rated, gap.under_rated, gap.mean_difference) == (0, 1, Decimal("-1.00"))


def test_a_reviewed_answer_without_a_moderated_rating_is_agreement():
    gap = moderation_gap(score_all([answer("2", reviewed=True)], scale=SELF, moderated_scale=MODERATED))
    assert (gap.compared, gap.agreed, gap.mean_difference) == (1, 1, Decimal("0.00"))


def test_an_answer_not_yet_reviewed_is_not_compared():
    assert moderation_gap(score_all([answer("3")], scale=SELF)).compared == 0


def test_not_applicable_answers_are_not_compared():
    gap = moderation_gap(score_all([answer("3", "0", not_applicable=True)], scale=SELF, moderated_scale=MODERATED))
    assert gap.compared == 0


def test_the_mean_difference_is_over_every_compared_answer():
    scored = score_all(
        [answer("3", "1"), answer("2", reviewed=True), answer("2", reviewed=True)],
        scale=SELF,
        moderated_scale=MODERATED,
    )
    gap = moderation_gap(scored)
    assert (gap.mean_difference, gap.over_rated_percent) == (Decimal("0.67"), Decimal("33.3"))


def test_rag_over_rating_uses_the_levels_scores():
    gap = moderation_gap(score_all([answer("green", "red"), answer("amber", "amber")], scale=RAG))
    assert (gap.over_rated, gap.agreed, gap.mean_difference) == (1, 1, Decimal("1.00"))


def test_four_point_over_rating():
    gap = moderation_gap(score_all([answer("fully-met", "partially-met")], scale=FOUR_POINT))
    assert gap.mean_difference == Decimal("2.00")


def test_gap_by_agency():
    scored = score_all(
        [answer("3", "1", agency="Police"), answer("2", reviewed=True, agency="Probation")],
        scale=SELF,
        moderated_scale=MODERATED,
    )
    result = gap_by(scored, lambda a: a.agency)
    assert (result["Police"].over_rated, result["Probation"].over_rated) == (1, 0)


def test_no_compared_answers_have_no_mean():
    assert moderation_gap([]).mean_difference is None


# --- summaries for the heat map -----------------------------------------------------------


def test_mean_score_skips_missing_levels():
    assert mean_score([SELF.level("3"), None, SELF.level("2")]) == Decimal("2.5")


def test_nearest_level_takes_the_lower_when_halfway():
    assert nearest_level(SELF, Decimal("2.5")).code == "2"


def test_nearest_level_of_nothing_is_none():
    assert nearest_level(RAG, None) is None


def test_summary_shows_self_and_moderated_sides():
    scored = score_all([answer("3", "1"), answer("3")], scale=SELF, moderated_scale=MODERATED)
    result = summary(scored, scale=SELF, moderated_scale=MODERATED)
    assert (result.self_mean, result.effective_mean) == (Decimal("3.0"), Decimal("2.0"))
    assert (result.self_level.code, result.effective_level.code, result.moderated) == ("3", "2", 1)
    assert result.differs


def test_summary_leaves_out_not_applicable_and_unrated_answers():
    scored = score_all([answer("green"), answer("red", not_applicable=True), answer("")], scale=RAG)
    result = summary(scored, scale=RAG)
    assert (result.self_mean, result.self_level.code) == (Decimal("3.0"), "green")
