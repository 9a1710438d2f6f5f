"""Section 11 cycles as report blocks read them: the cycles of the report's year that the
partnership takes part in, and each one's handed-in returns scored, the partnership's own
agencies only (a regional cycle's other partnerships are never read)."""

from dataclasses import dataclass

from assure.partnerships.models import Partnership
from assure.section11.framework import Framework
from assure.section11.models import Cycle
from assure.section11.scoring import Scored, Summaries, score_all
from assure.section11.selectors.analysis import answers_of, cycles_to_analyse, handed_in_returns


@dataclass
class CycleResults(Summaries):
    cycle: Cycle
    framework: Framework
    returns: int
    scored: list[Scored]

    @property
    def percent_text(self) -> str:
        shown = self.overall.whole_percent
        return "no rated criteria" if shown is None else f"{shown}%"


def cycles_of_year(*, reader, partnership: Partnership, year: str) -> list[Cycle]:
    """The partnership's cycles for the financial year, by title."""
    return list(cycles_to_analyse(user=reader, partnership=partnership).filter(year=year).order_by("title", "pk"))


def cycle_results(*, reader, partnership: Partnership, cycle: Cycle) -> CycleResults:
    """The cycle's handed-in returns of the partnership's agencies, scored."""
    framework = Framework(cycle.framework)
    returns = list(handed_in_returns(user=reader, partnership=partnership, cycle=cycle))
    scored = [
        s
        for r in returns
        for s in score_all(
            answers_of(r, framework, partnership.name), scale=framework.scale, moderated_scale=framework.moderated_scale
        )
    ]
    return CycleResults(cycle=cycle, framework=framework, returns=len(returns), scored=scored)


def previous_results(*, reader, partnership: Partnership, cycle: Cycle) -> CycleResults | None:
    """The results of the cycle's previous cycle, when the partnership took part in it too."""
    previous = cycle.previous
    if previous is None or not previous.partnerships.filter(pk=partnership.pk).exists():
        return None
    return cycle_results(reader=reader, partnership=partnership, cycle=previous)


def over_rating_sentence(results: CycleResults) -> str:
    """How far agencies rated themselves above the moderators, in words; "" when nothing was
    moderated."""
    gap = results.gap
    if not gap.compared:
        return ""
    if not gap.over_rated and not gap.under_rated:
        return f"Moderators agreed with all {gap.compared} of the ratings they reviewed."
    return (
        f"Moderators reviewed {gap.compared} of the ratings: {gap.over_rated} were rated higher by the agency than by "
        f"the moderator ({gap.over_rated_percent}%) and {gap.under_rated} lower, a mean over-rating of "
        f"{gap.mean_difference} points."
    )
