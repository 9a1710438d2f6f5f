"""Figures of the core dataset counted from the reviews app's records (registered in
``registrations.recommendations()`` with ``assure.core.computations``): case considerations
received (on a route) and decided (with a decision), reviews commissioned (of a type) and
published, statutory clocks met, recommendations whose actions are all completed, and learning
briefings published.

Every service of reviews that creates or changes a referral, an incident, a review, a
recommendation or a briefing calls ``records_changed("reviews", ...)`` inside its transaction.
Actions move in the tracker, which cannot tell reviews, so the share of recommendations done is
counted again by the daily ``compute_indicators`` as well. Every figure counts every record of the
partnership, whoever is looking: the performance app shows them only to those who may see the
partnership's performance, and they count records, never describe a child.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from assure.actions.models import Action
from assure.core.computations import ComputedFigure, Parameter
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_of

from .models import Briefing, Incident, Recommendation, Referral, Review
from .scheme import scheme_for

OWNER = "reviews"

ROUTE = Parameter("The code of a route of the case consideration form (review scheme).", required=False)
DECISION = Parameter("The code of a decision the chair may take on a referral (review scheme).", required=False)
KIND = Parameter("The code of a type of review (review scheme).", required=False)
CLOCK = Parameter("The code of a statutory clock a serious incident or a review runs on.", names="statutory-clock")


def _plural(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _counted(days: Iterable[dt.date], years: Collection[str] | None, words: str, plural: str = "") -> list:
    counts: dict[str, int] = defaultdict(int)
    for day in days:
        counts[financial_year_of(day)] += 1
    return [
        ComputedFigure(year=year, numerator=Decimal(count), counted_from=_plural(count, words, plural))
        for year, count in sorted(counts.items())
        if years is None or year in years
    ]


def _local(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def referrals_received(
    *, partnership: Partnership, years: Collection[str] | None = None, route: str = ""
) -> list[ComputedFigure]:
    """Per financial year, the case considerations received (by the day each was submitted, once a
    practitioner referring through the public form had confirmed it), on ``route`` when given."""
    found = Referral.objects.filter(partnership=partnership, submitted_at__isnull=False)
    if route:
        found = found.filter(route=route)
    moments = found.values_list("submitted_at", flat=True)
    return _counted((_local(m) for m in moments), years, "case consideration")


def referrals_decided(
    *, partnership: Partnership, years: Collection[str] | None = None, decision: str = ""
) -> list[ComputedFigure]:
    """Per financial year, the case considerations the chair decided (by the day of the decision),
    with ``decision`` when given."""
    found = Referral.objects.filter(partnership=partnership, decided_on__isnull=False).exclude(decision="")
    if decision:
        found = found.filter(decision=decision)
    return _counted(found.values_list("decided_on", flat=True), years, "case consideration decided")


def reviews_commissioned(
    *, partnership: Partnership, years: Collection[str] | None = None, kind: str = ""
) -> list[ComputedFigure]:
    """Per financial year, the reviews commissioned (by the day of the decision to hold them,
    whatever became of them), of type ``kind`` when given."""
    found = Review.objects.filter(partnership=partnership)
    if kind:
        found = found.filter(kind=kind)
    return _counted(found.values_list("decided_on", flat=True), years, "review commissioned", "reviews commissioned")


def reviews_published(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, the reviews whose report was published (by the day of publication)."""
    days = Review.objects.filter(
        partnership=partnership, status=Review.Status.PUBLISHED, published_on__isnull=False
    ).values_list("published_on", flat=True)
    return _counted(days, years, "review published", "reviews published")


def clock_stops(*, partnership: Partnership, clock: str) -> list[tuple[dt.date, dt.date]]:
    """The (started, stopped) days of every run of the statutory clock ``clock`` that has stopped
    in the partnership: a serious incident's notification or rapid review (the review scheme says
    which clock each step runs on), or a review's publication (the clock of its type)."""
    scheme = scheme_for(partnership)
    pairs: list[tuple[dt.date | None, dt.date | None]] = []
    incidents = Incident.objects.filter(partnership=partnership)
    if clock == scheme.clocks.notification:
        pairs += list(incidents.values_list("aware_on", "notified_on"))
    if clock == scheme.clocks.rapid_review:
        pairs += list(incidents.values_list("notified_on", "rapid_review_on"))
    kinds = [t.code for t in scheme.review_types if t.publication_clock == clock]
    if kinds:
        pairs += list(
            Review.objects.filter(partnership=partnership, kind__in=kinds, status=Review.Status.PUBLISHED).values_list(
                "decided_on", "published_on"
            )
        )
    return [(started, stopped) for started, stopped in pairs if started is not None and stopped is not None]


def clocks_met_percent(*, partnership: Partnership, years: Collection[str] | None = None, clock: str) -> list:
    """Per financial year, of the runs of the statutory clock ``clock`` that stopped in the year,
    the percentage stopped on or before their due date."""
    from assure.clocks.engine import ClockState, clock_read, clock_rule

    rule = clock_rule(clock)
    met: dict[str, int] = defaultdict(int)
    stopped: dict[str, int] = defaultdict(int)
    for started_on, stopped_on in clock_stops(partnership=partnership, clock=clock):
        year = financial_year_of(stopped_on)
        reading = clock_read(rule, started_on=started_on, stopped_on=stopped_on, today=stopped_on)
        stopped[year] += 1
        met[year] += 1 if reading.state == ClockState.MET else 0
    return [
        ComputedFigure(
            year=year,
            numerator=Decimal(met[year]),
            denominator=Decimal(count),
            counted_from=f"{_plural(count, 'clock')} stopped: {rule.title.lower()}",
        )
        for year, count in sorted(stopped.items())
        if years is None or year in years
    ]


def recommendations_done_percent(*, partnership: Partnership, years: Collection[str] | None = None) -> list:
    """Per financial year of the decision to hold the review, of the recommendations of the
    reviews (not cancelled), the percentage whose actions are all completed (at least one raised;
    cancelled actions left aside)."""
    recommendations = list(
        Recommendation.objects.filter(review__partnership=partnership)
        .exclude(review__status=Review.Status.CANCELLED)
        .values_list("pk", "review__decided_on")
    )
    statuses: dict[int, list[str]] = defaultdict(list)
    actions = (
        Action.objects.filter(
            partnership=partnership,
            source_type=ContentType.objects.get_for_model(Recommendation),
            source_id__in=[str(pk) for pk, _ in recommendations],
        )
        .exclude(status=Action.Status.CANCELLED)
        .values_list("source_id", "status")
    )
    for source_id, status in actions:
        statuses[int(source_id)].append(status)
    done: dict[str, int] = defaultdict(int)
    every: dict[str, int] = defaultdict(int)
    for pk, decided_on in recommendations:
        year = financial_year_of(decided_on)
        every[year] += 1
        raised = statuses.get(pk, [])
        done[year] += 1 if raised and all(s == Action.Status.COMPLETED for s in raised) else 0
    return [
        ComputedFigure(
            year=year,
            numerator=Decimal(done[year]),
            denominator=Decimal(count),
            counted_from=_plural(count, "recommendation") + " of the year's reviews",
        )
        for year, count in sorted(every.items())
        if years is None or year in years
    ]


def briefings_published(*, partnership: Partnership, years: Collection[str] | None = None) -> list[ComputedFigure]:
    """Per financial year, the learning briefings published (by the day each was first published,
    whether or not it has been withdrawn since)."""
    moments = Briefing.objects.filter(partnership=partnership, published_at__isnull=False).values_list(
        "published_at", flat=True
    )
    return _counted((_local(m) for m in moments), years, "learning briefing published", "learning briefings published")
