"""How the analysis page shows the heat map's cells: a level's short label, and how moderation
moved a standard's level (pure: no database)."""

from decimal import Decimal

import pytest

from assure.section11.analysis_tables import moderation_change, short_label
from assure.section11.framework import Level
from assure.section11.scoring import Compliance, Summary


def level(label: str, score: int | None, code: str = "") -> Level:
    return Level(code=code or label, label=label, description="", score=score, colour="green", compliant=True)


def summary(own: Level | None, moderated: Level | None) -> Summary:
    return Summary(
        self_mean=Decimal(1),
        self_level=own,
        effective_mean=Decimal(1),
        effective_level=moderated,
        compliance=Compliance(),
        moderated=1,
    )


@pytest.mark.parametrize(
    ("label", "short"),
    [("2 - Largely in place", "2"), ("Green", "Green"), ("Fully met", "Fully met"), (" - odd", " - odd")],
)
def test_a_scored_label_is_shortened_to_what_comes_before_its_dash(label, short):
    assert short_label(level(label, 2)) == short


def test_a_moderated_level_below_the_agencys_own_is_lowered():
    assert moderation_change(summary(level("3 - Fully in place", 3), level("2 - Largely in place", 2))) == "lowered"


def test_a_moderated_level_above_the_agencys_own_is_raised():
    assert moderation_change(summary(level("Amber", 2), level("Green", 3))) == "raised"


def test_the_same_level_on_the_moderated_scale_is_no_change():
    # The paired 0-3 scales: the same score on the moderator's scale is the same level.
    own, moderated = level("2 - Largely in place", 2, code="2"), level("2 - Largely in place", 2, code="2")
    assert moderation_change(summary(own, moderated)) == ""


def test_levels_without_scores_are_compared_by_what_they_are():
    assert moderation_change(summary(level("Met", None), level("Not met", None))) == "changed"
    assert moderation_change(summary(level("Met", None), level("Met", None))) == ""


def test_a_standard_not_rated_has_no_change():
    assert moderation_change(summary(None, None)) == ""
