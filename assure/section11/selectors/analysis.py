"""Reads for the analysis of a cycle: the heat map, compliance percentages, the self-versus-
moderated gap, the comparison between the cycle's partnerships and with the previous cycle.

Who sees what: only people with section11.analyse in the partnership, only for cycles the
partnership takes part in, and only returns that have been handed in (submitted, under
challenge or accepted), whoever asks: a draft is the agency's own until it submits it. The
detail (agencies, criteria) is of the partnership's own agencies; the comparison with the other
partnerships of a regional cycle shows each of them as one aggregate figure per standard, which
is what a regional cycle is run for.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch, QuerySet

from assure.partnerships.models import Partnership

from ..framework import Framework, Standard, framework_of
from ..models import Cycle, Response, Return
from ..permissions import can_analyse
from ..scoring import (
    Answer,
    Compliance,
    Gap,
    Scored,
    Summaries,
    Summary,
    by_standard,
    compliance,
    gap_by,
    grouped,
    score_all,
    summary,
)


def cycles_to_analyse(*, user, partnership: Partnership) -> QuerySet[Cycle]:
    """The cycles the partnership takes part in; none without section11.analyse."""
    if not can_analyse(user=user, partnership=partnership):
        return Cycle.objects.none()
    return Cycle.objects.filter(partnerships=partnership).select_related("framework__document", "lead_partnership")


def handed_in_returns(*, user, partnership: Partnership, cycle: Cycle) -> QuerySet[Return]:
    """The cycle's handed-in returns of agencies that belong to the partnership."""
    if not can_analyse(user=user, partnership=partnership) or not cycle.partnerships.filter(pk=partnership.pk).exists():
        return Return.objects.none()
    ids = Return.objects.filter(
        cycle=cycle, status__in=Return.HANDED_IN, agency__partnership_links__partnership=partnership
    ).values("pk")
    return (
        Return.objects.filter(pk__in=ids)
        .select_related("agency", "agency__agency_type", "agency__sector")
        .prefetch_related(Prefetch("responses", queryset=Response.objects.order_by("pk")))
        .order_by("agency__name")
    )


def answers_of(return_record: Return, framework: Framework, partnership: str = "") -> list[Answer]:
    """A return's responses as scoring reads them; responses to criteria the framework version
    does not hold are left out."""
    agency = return_record.agency
    answers = []
    for response in return_record.responses.all():
        criterion = framework.criterion(response.criterion)
        if criterion is None:
            continue
        answers.append(
            Answer(
                criterion=response.criterion,
                standard=criterion.standard_number,
                self_rating=response.self_rating,
                moderated_rating=response.moderated_rating,
                not_applicable=response.not_applicable,
                reviewed=response.moderation == Response.Moderation.ACCEPTED,
                agency=agency.name,
                agency_type=agency.agency_type.title if agency.agency_type_id else "",
                sector=agency.sector.title if agency.sector_id else "",
                partnership=partnership,
            )
        )
    return answers


@dataclass(frozen=True)
class HeatRow:
    agency: str
    agency_type: str
    return_id: int
    status: str
    cells: list[Summary]
    overall: Compliance


@dataclass(frozen=True)
class StandardComparison:
    number: int
    title: str
    current: Compliance
    previous: Compliance | None


@dataclass
class CycleAnalysis(Summaries):
    cycle: Cycle
    partnership: Partnership
    framework: Framework
    returns: list[Return]
    scored_by_return: dict[int, list[Scored]]
    not_handed_in: int
    regional: dict[str, dict[int, Compliance]] = field(default_factory=dict)
    regional_overall: dict[str, Compliance] = field(default_factory=dict)
    previous_cycle: Cycle | None = None
    previous_by_standard: dict[int, Compliance] | None = None
    previous_overall: Compliance | None = None

    @property
    def standards(self) -> tuple[Standard, ...]:
        return self.framework.standards

    @cached_property
    def scored(self) -> list[Scored]:
        return [s for scored in self.scored_by_return.values() for s in scored]

    @cached_property
    def gap_by_agency(self) -> dict[str, Gap]:
        return dict(sorted(gap_by(self.scored, lambda a: a.agency).items()))

    @cached_property
    def gap_by_standard(self) -> dict[int, Gap]:
        return dict(sorted(gap_by(self.scored, lambda a: a.standard).items()))

    @cached_property
    def heat_map(self) -> list[HeatRow]:
        scale, moderated = self.framework.scale, self.framework.moderated_scale
        rows = []
        for r in self.returns:
            scored = self.scored_by_return.get(r.pk, [])
            per_standard = grouped(scored, lambda a: a.standard)
            rows.append(
                HeatRow(
                    agency=r.agency.name,
                    agency_type=r.agency.agency_type.title if r.agency.agency_type_id else "",
                    return_id=r.pk,
                    status=r.get_status_display(),
                    cells=[
                        summary(per_standard.get(st.number, []), scale=scale, moderated_scale=moderated)
                        for st in self.standards
                    ],
                    overall=compliance(scored),
                )
            )
        return rows

    @cached_property
    def standard_comparison(self) -> list[StandardComparison]:
        """This cycle against the previous one, standard by standard (matched by number)."""
        return [
            StandardComparison(
                number=st.number,
                title=st.title,
                current=self.by_standard.get(st.number, Compliance()),
                previous=(self.previous_by_standard or {}).get(st.number) if self.previous_cycle else None,
            )
            for st in self.standards
        ]


def _scored(return_record: Return, framework: Framework, partnership: str = "") -> list[Scored]:
    """The return's answers scored."""
    answers = answers_of(return_record, framework, partnership)
    return score_all(answers, scale=framework.scale, moderated_scale=framework.moderated_scale)


def _scored_returns(returns: list[Return], framework: Framework, partnership: str = "") -> dict[int, list[Scored]]:
    """Each return's answers scored, by return id."""
    return {r.pk: _scored(r, framework, partnership) for r in returns}


def _scored_all(returns: list[Return], framework: Framework, partnership: str = "") -> list[Scored]:
    """The answers of all the returns scored, in one list."""
    return [s for r in returns for s in _scored(r, framework, partnership)]


def _regional(cycle: Cycle, framework: Framework) -> tuple[dict[str, dict[int, Compliance]], dict[str, Compliance]]:
    """Each partnership of the cycle as aggregates: an agency in several partnerships counts in
    each of them (its one return is theirs alike)."""
    by_partnership: dict[str, dict[int, Compliance]] = {}
    overall: dict[str, Compliance] = {}
    returns = list(
        Return.objects.filter(cycle=cycle, status__in=Return.HANDED_IN)
        .select_related("agency", "agency__agency_type", "agency__sector")
        .prefetch_related("responses", "agency__partnership_links")
    )
    for partnership in cycle.partnerships.order_by("name"):
        own = [
            r
            for r in returns
            if any(link.partnership_id == partnership.pk for link in r.agency.partnership_links.all())
        ]
        scored = _scored_all(own, framework, partnership.name)
        by_partnership[partnership.name] = by_standard(scored)
        overall[partnership.name] = compliance(scored)
    return by_partnership, overall


def cycle_analysis(*, user, partnership: Partnership, cycle: Cycle) -> CycleAnalysis:
    """Everything the analysis pages show for the cycle, as the user may see it."""
    framework = framework_of(cycle.framework)
    returns = list(handed_in_returns(user=user, partnership=partnership, cycle=cycle))
    tracked = Return.objects.filter(cycle=cycle, agency__partnership_links__partnership=partnership).distinct()
    analysis = CycleAnalysis(
        cycle=cycle,
        partnership=partnership,
        framework=framework,
        returns=returns,
        scored_by_return=_scored_returns(returns, framework, partnership.name),
        not_handed_in=tracked.count() - len(returns) if can_analyse(user=user, partnership=partnership) else 0,
    )
    if not can_analyse(user=user, partnership=partnership):
        return analysis
    if cycle.partnerships.count() > 1:
        analysis.regional, analysis.regional_overall = _regional(cycle, framework)
    previous = cycle.previous
    if previous is not None and previous.partnerships.filter(pk=partnership.pk).exists():
        previous_framework = framework_of(previous.framework)
        previous_returns = list(handed_in_returns(user=user, partnership=partnership, cycle=previous))
        previous_scored = _scored_all(previous_returns, previous_framework, partnership.name)
        analysis.previous_cycle = previous
        analysis.previous_by_standard = by_standard(previous_scored)
        analysis.previous_overall = compliance(previous_scored)
    return analysis
