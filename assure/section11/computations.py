"""Figures of the core dataset counted from Section 11 returns (registered in apps.py with
``assure.core.computations``): the indicators that name them are counted again whenever a return
is accepted or reopened (services/moderation.py calls ``records_changed``).

Compliance is the scoring's (scoring.py): criteria whose effective rating, the moderator's where
there is one, is a compliant level of the framework's scale, out of the applicable criteria
rated. Only accepted returns count: their ratings are moderated, so the figure the board reads
is the one the partnership stands behind.
"""

from collections import defaultdict
from collections.abc import Collection
from decimal import Decimal

from django.db.models import Prefetch

from assure.core.computations import ComputedFigure
from assure.partnerships.models import Partnership

from .framework import Framework
from .models import Cycle, Response, Return
from .scoring import Compliance, compliance, score_all
from .selectors.analysis import answers_of

OWNER = "section11"


def _returns_counted_from(count: int) -> str:
    return f"{count} Section 11 return{'' if count == 1 else 's'}"


def compliance_percent(
    *, partnership: Partnership, years: Collection[str] | None = None, framework: str
) -> list[ComputedFigure]:
    """Per cycle year, the criteria rated compliant out of those rated in the accepted returns of
    the partnership's agencies, over every cycle of the framework (by its code) the partnership
    takes part in. Counts every such return, whoever is looking: the performance app shows the
    figure only to those who may see the partnership's performance. A year with no rated
    criterion has no figure."""
    cycles = Cycle.objects.filter(partnerships=partnership, framework__code=framework)
    if years is not None:
        cycles = cycles.filter(year__in=list(years))
    # An agency belongs to the partnership once, whatever its links: count each return once.
    counted = Return.objects.filter(
        cycle__in=cycles, status=Return.Status.ACCEPTED, agency__partnership_links__partnership=partnership
    ).values("pk")
    returns = (
        Return.objects.filter(pk__in=counted)
        .select_related("cycle__framework__document", "agency__agency_type", "agency__sector")
        .prefetch_related(Prefetch("responses", queryset=Response.objects.order_by("pk")))
    )
    read: dict[int, Framework] = {}
    scored_by_year: dict[str, list] = defaultdict(list)
    returns_by_year: dict[str, int] = defaultdict(int)
    for return_record in returns:
        item = return_record.cycle.framework
        version = read.setdefault(item.pk, Framework(item))
        answers = answers_of(return_record, version)
        scored_by_year[return_record.cycle.year] += score_all(
            answers, scale=version.scale, moderated_scale=version.moderated_scale
        )
        returns_by_year[return_record.cycle.year] += 1
    figures = []
    for year, scored in sorted(scored_by_year.items()):
        found: Compliance = compliance(scored)
        if found.rated:
            figures.append(
                ComputedFigure(
                    year=year,
                    numerator=Decimal(found.compliant),
                    denominator=Decimal(found.rated),
                    counted_from=_returns_counted_from(returns_by_year[year]),
                )
            )
    return figures
