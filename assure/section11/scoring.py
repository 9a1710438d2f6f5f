"""Scoring Section 11 answers: the rating that counts, whether it is compliant, compliance
percentages and the gap between self-ratings and moderated ratings.

Pure functions over plain values: nothing here reads the database. Callers turn responses into
``Answer``s and pass the framework's scales (``Framework.scale`` and ``Framework.moderated_scale``);
which levels count as compliant, and each level's score, come from the library's scale.

The rules:
- the effective rating is the moderated rating where there is one, else the self-rating;
- a compliance percentage is compliant criteria out of rated, applicable ones: criteria that do
  not apply are left out, and criteria not yet rated are left out and counted separately;
- over-rating is a moderated score lower than the self score (the agency thought better of
  itself than the evidence showed); the mean difference is self score minus moderated score over
  every reviewed criterion, so a positive mean means over-rating.
"""

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cached_property

from .framework import Level, Scale


@dataclass(frozen=True)
class Answer:
    """One criterion of one return, as scoring sees it. ``reviewed`` says a moderator has looked
    at it: a reviewed answer without a moderated rating means the moderator agreed."""

    criterion: str
    standard: int
    self_rating: str = ""
    moderated_rating: str = ""
    not_applicable: bool = False
    reviewed: bool = False
    agency: str = ""
    agency_type: str = ""
    sector: str = ""
    partnership: str = ""


class Outcome(StrEnum):
    NOT_APPLICABLE = "not_applicable"
    UNRATED = "unrated"
    COMPLIANT = "compliant"
    NOT_COMPLIANT = "not_compliant"


@dataclass(frozen=True)
class Scored:
    """An answer with its levels looked up: the self level (on the self scale), the moderated
    level (on the moderated scale) and the effective one."""

    answer: Answer
    self_level: Level | None
    moderated_level: Level | None
    outcome: Outcome

    @property
    def level(self) -> Level | None:
        """The level that counts: moderated where there is one, else self."""
        return self.moderated_level or self.self_level

    @property
    def compliant(self) -> bool:
        return self.outcome == Outcome.COMPLIANT

    @property
    def applicable_and_rated(self) -> bool:
        return self.outcome in (Outcome.COMPLIANT, Outcome.NOT_COMPLIANT)


def effective_rating(self_rating: str, moderated_rating: str) -> str:
    """The rating that counts: the moderated one overrides the self-rating."""
    return moderated_rating or self_rating


def score(answer: Answer, *, scale: Scale, moderated_scale: Scale | None = None) -> Scored:
    """Look up an answer's levels and decide its outcome. A code that is not a level of its
    scale is treated as no rating (it cannot be counted either way)."""
    moderated_scale = moderated_scale or scale
    self_level = scale.level(answer.self_rating) if answer.self_rating else None
    moderated_level = moderated_scale.level(answer.moderated_rating) if answer.moderated_rating else None
    if answer.not_applicable:
        outcome = Outcome.NOT_APPLICABLE
    elif (moderated_level or self_level) is None:
        outcome = Outcome.UNRATED
    else:
        outcome = Outcome.COMPLIANT if (moderated_level or self_level).compliant else Outcome.NOT_COMPLIANT
    return Scored(answer, self_level, moderated_level, outcome)


def score_all(answers: Iterable[Answer], *, scale: Scale, moderated_scale: Scale | None = None) -> list[Scored]:
    return [score(a, scale=scale, moderated_scale=moderated_scale) for a in answers]


def percent(part: int, whole: int, places: int = 1) -> Decimal | None:
    """``part`` as a percentage of ``whole``, rounded half up; None when ``whole`` is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Compliance:
    """How many applicable, rated criteria are compliant; not-applicable and unrated criteria
    are counted beside, never in the percentage."""

    compliant: int = 0
    rated: int = 0
    not_applicable: int = 0
    unrated: int = 0

    @property
    def percent(self) -> Decimal | None:
        """Compliant out of rated applicable criteria, to one decimal place; None if none is rated."""
        return percent(self.compliant, self.rated)

    @property
    def whole_percent(self) -> Decimal | None:
        """The percentage as the board reports it: a whole number."""
        return percent(self.compliant, self.rated, places=0)

    @property
    def text(self) -> str:
        shown = self.whole_percent
        return "No rated criteria" if shown is None else f"{shown}% ({self.compliant} of {self.rated})"


def compliance(scored: Iterable[Scored]) -> Compliance:
    compliant = rated = not_applicable = unrated = 0
    for s in scored:
        if s.outcome == Outcome.NOT_APPLICABLE:
            not_applicable += 1
        elif s.outcome == Outcome.UNRATED:
            unrated += 1
        else:
            rated += 1
            compliant += s.compliant
    return Compliance(compliant, rated, not_applicable, unrated)


def grouped[K: Hashable](scored: Iterable[Scored], key: Callable[[Answer], K]) -> dict[K, list[Scored]]:
    """Scored answers grouped by ``key`` of their answer, groups in order of first appearance."""
    groups: dict[K, list[Scored]] = {}
    for s in scored:
        groups.setdefault(key(s.answer), []).append(s)
    return groups


def compliance_by[K: Hashable](scored: Iterable[Scored], key: Callable[[Answer], K]) -> dict[K, Compliance]:
    return {k: compliance(group) for k, group in grouped(scored, key).items()}


def by_standard(scored: Iterable[Scored]) -> dict[int, Compliance]:
    return dict(sorted(compliance_by(scored, lambda a: a.standard).items()))


def by_agency(scored: Iterable[Scored]) -> dict[str, Compliance]:
    return dict(sorted(compliance_by(scored, lambda a: a.agency).items()))


def by_agency_type(scored: Iterable[Scored]) -> dict[str, Compliance]:
    return dict(sorted(compliance_by(scored, lambda a: a.agency_type).items()))


def by_sector(scored: Iterable[Scored]) -> dict[str, Compliance]:
    return dict(sorted(compliance_by(scored, lambda a: a.sector).items()))


def by_partnership(scored: Iterable[Scored]) -> dict[str, Compliance]:
    return dict(sorted(compliance_by(scored, lambda a: a.partnership).items()))


@dataclass(frozen=True)
class Gap:
    """Self scores against moderated scores over the reviewed criteria that have both."""

    compared: int = 0
    over_rated: int = 0
    under_rated: int = 0
    total_difference: int = 0

    @property
    def agreed(self) -> int:
        return self.compared - self.over_rated - self.under_rated

    @property
    def mean_difference(self) -> Decimal | None:
        """Mean of self score minus moderated score, to two places: positive means over-rating."""
        if not self.compared:
            return None
        return (Decimal(self.total_difference) / self.compared).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def over_rated_percent(self) -> Decimal | None:
        return percent(self.over_rated, self.compared)


def moderation_gap(scored: Iterable[Scored]) -> Gap:
    compared = over = under = total = 0
    for s in scored:
        if s.outcome == Outcome.NOT_APPLICABLE or s.self_level is None or s.self_level.score is None:
            continue
        if s.moderated_level is not None:
            moderated = s.moderated_level
        elif s.answer.reviewed:
            moderated = s.self_level  # reviewed and left as it was: the moderator agreed
        else:
            continue
        if moderated.score is None:
            continue
        difference = s.self_level.score - moderated.score
        compared += 1
        total += difference
        over += difference > 0
        under += difference < 0
    return Gap(compared, over, under, total)


def gap_by[K: Hashable](scored: Iterable[Scored], key: Callable[[Answer], K]) -> dict[K, Gap]:
    return {k: moderation_gap(group) for k, group in grouped(scored, key).items()}


def mean_score(levels: Iterable[Level | None]) -> Decimal | None:
    """The mean score of the levels that have one, to one place; None if none has."""
    scores = [level.score for level in levels if level is not None and level.score is not None]
    if not scores:
        return None
    return (Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def nearest_level(scale: Scale, mean: Decimal | None) -> Level | None:
    """The level of ``scale`` whose score is nearest ``mean``; halfway between two, the lower
    (a summary should not flatter)."""
    scored = [level for level in scale.levels if level.score is not None]
    if mean is None or not scored:
        return None
    return min(scored, key=lambda level: (abs(Decimal(level.score) - mean), level.score))


@dataclass(frozen=True)
class Summary:
    """A group of answers (an agency's standard, say) summed up on both sides: the mean self
    score and the level nearest it, the mean effective score and its level, and compliance."""

    self_mean: Decimal | None
    self_level: Level | None
    effective_mean: Decimal | None
    effective_level: Level | None
    compliance: Compliance
    moderated: int

    @property
    def differs(self) -> bool:
        return self.self_mean != self.effective_mean


def summary(scored: Sequence[Scored], *, scale: Scale, moderated_scale: Scale | None = None) -> Summary:
    counted = [s for s in scored if s.applicable_and_rated]
    self_mean = mean_score(s.self_level for s in counted)
    effective_mean = mean_score(s.level for s in counted)
    return Summary(
        self_mean=self_mean,
        self_level=nearest_level(scale, self_mean),
        effective_mean=effective_mean,
        effective_level=nearest_level(moderated_scale or scale, effective_mean),
        compliance=compliance(scored),
        moderated=sum(1 for s in counted if s.moderated_level is not None),
    )


class Summaries:
    """Compliance and the moderation gap of a set of scored answers (``self.scored``), each
    worked out once: what the analysis pages and the report blocks show of a cycle."""

    scored: list[Scored]

    @cached_property
    def overall(self) -> Compliance:
        return compliance(self.scored)

    @cached_property
    def by_standard(self) -> dict[int, Compliance]:
        return by_standard(self.scored)

    @cached_property
    def by_agency_type(self) -> dict[str, Compliance]:
        return by_agency_type(self.scored)

    @cached_property
    def by_sector(self) -> dict[str, Compliance]:
        return by_sector(self.scored)

    @cached_property
    def gap(self) -> Gap:
        return moderation_gap(self.scored)
