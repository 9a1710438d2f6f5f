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

from django.db.models import Count, Prefetch, QuerySet

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
    score,
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


# What scoring reads of a response. The analysis of a regional cycle reads thousands of them on
# every view, so they are read as plain values rather than as model instances.
_ANSWER_FIELDS = ("return_record_id", "criterion", "self_rating", "moderated_rating", "not_applicable", "moderation")


def _scored_by_return(returns: list[Return], framework: Framework, partnership: str = "") -> dict[int, list[Scored]]:
    """Each return's answers scored, by return id, in the order of ``returns``, as ``answers_of``
    and ``score_all`` would score them; the responses of all of them read in one query."""
    agencies = {}
    for r in returns:
        agency = r.agency
        agencies[r.pk] = (
            agency.name,
            agency.agency_type.title if agency.agency_type_id else "",
            agency.sector.title if agency.sector_id else "",
        )
    answers: dict[int, list[Answer]] = {pk: [] for pk in agencies}
    rows = (
        Response.objects.filter(return_record__in=list(agencies))
        .order_by("return_record", "pk")
        .values_list(*_ANSWER_FIELDS)
    )
    for return_id, ref, self_rating, moderated_rating, not_applicable, moderation in rows if agencies else ():
        criterion = framework.criterion(ref)
        if criterion is None:
            continue
        agency, agency_type, sector = agencies[return_id]
        answers[return_id].append(
            Answer(
                criterion=ref,
                standard=criterion.standard_number,
                self_rating=self_rating,
                moderated_rating=moderated_rating,
                not_applicable=not_applicable,
                reviewed=moderation == Response.Moderation.ACCEPTED,
                agency=agency,
                agency_type=agency_type,
                sector=sector,
                partnership=partnership,
            )
        )
    scale, moderated_scale = framework.scale, framework.moderated_scale
    return {r.pk: score_all(answers[r.pk], scale=scale, moderated_scale=moderated_scale) for r in returns}


def _regional(
    cycle: Cycle, framework: Framework, partnerships: list[Partnership]
) -> tuple[dict[str, dict[int, Compliance]], dict[str, Compliance]]:
    """Each partnership of the cycle as aggregates: an agency in several partnerships counts in
    each of them (its one return is theirs alike). The database counts the alike answers of each
    partnership (same criterion, same ratings), so each is scored once, however many agencies
    gave it."""
    by_partnership: dict[str, dict[int, Compliance]] = {}
    overall: dict[str, Compliance] = {}
    alike = (
        Response.objects.filter(return_record__cycle=cycle, return_record__status__in=Return.HANDED_IN)
        .values_list(
            "return_record__agency__partnership_links__partnership",
            "criterion",
            "self_rating",
            "moderated_rating",
            "not_applicable",
        )
        .annotate(answers=Count("pk"))
        .order_by()
    )
    scale, moderated_scale = framework.scale, framework.moderated_scale
    scored_by_partnership: dict[int, list[Scored]] = {}
    for partnership_id, ref, self_rating, moderated_rating, not_applicable, answers in alike:
        criterion = framework.criterion(ref)
        if partnership_id is None or criterion is None:
            continue
        answer = Answer(
            criterion=ref,
            standard=criterion.standard_number,
            self_rating=self_rating,
            moderated_rating=moderated_rating,
            not_applicable=not_applicable,
        )
        scored = score(answer, scale=scale, moderated_scale=moderated_scale)
        scored_by_partnership.setdefault(partnership_id, []).extend([scored] * answers)
    for partnership in partnerships:
        scored = scored_by_partnership.get(partnership.pk, [])
        by_partnership[partnership.name] = by_standard(scored)
        overall[partnership.name] = compliance(scored)
    return by_partnership, overall


def cycle_analysis(*, user, partnership: Partnership, cycle: Cycle) -> CycleAnalysis:
    """Everything the analysis pages show for the cycle, as the user may see it."""
    framework = framework_of(cycle.framework)
    # Their responses are read by _scored_by_return, as values.
    returns = list(handed_in_returns(user=user, partnership=partnership, cycle=cycle).prefetch_related(None))
    tracked = Return.objects.filter(cycle=cycle, agency__partnership_links__partnership=partnership).distinct()
    analysis = CycleAnalysis(
        cycle=cycle,
        partnership=partnership,
        framework=framework,
        returns=returns,
        scored_by_return=_scored_by_return(returns, framework, partnership.name),
        not_handed_in=tracked.count() - len(returns) if can_analyse(user=user, partnership=partnership) else 0,
    )
    if not can_analyse(user=user, partnership=partnership):
        return analysis
    taking_part = list(cycle.partnerships.order_by("name"))
    if len(taking_part) > 1:
        analysis.regional, analysis.regional_overall = _regional(cycle, framework, taking_part)
    previous = cycle.previous
    if previous is not None and previous.partnerships.filter(pk=partnership.pk).exists():
        # Most cycles are compared with one on the same framework version: read it once.
        previous_framework = (
            framework if previous.framework_id == cycle.framework_id else framework_of(previous.framework)
        )
        previous_returns = list(
            handed_in_returns(user=user, partnership=partnership, cycle=previous).prefetch_related(None)
        )
        previous_scored = [
            s
            for scored in _scored_by_return(previous_returns, previous_framework, partnership.name).values()
            for s in scored
        ]
        analysis.previous_cycle = previous
        analysis.previous_by_standard = by_standard(previous_scored)
        analysis.previous_overall = compliance(previous_scored)
    return analysis
