"""What reviews gives the annual report and the board pack: the year's case considerations by
route and by decision, the year's case reviews with their recommendations and actions, the
statutory clocks met and missed, and the learning briefings published.

The report's blocks read these as ``report_reader(partnership)`` (assure/reports/blocks), so each
function takes the reader and reads only what it may (``can_view_reviews``; actions through the
tracker's selector). They count and name records by reference and title, never a child: no case
reference, age or named content leaves the reviews' restricted pages this way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from assure.accounts.models import User
from assure.actions.models import Action
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_bounds

from ..computations import clock_stops
from ..models import Briefing, Recommendation, Referral, Review
from ..permissions import can_view_reviews
from ..scheme import scheme_for
from .recommendations import recommendation_actions

# --- case considerations ---------------------------------------------------------------------------


@dataclass
class ReferralsReport:
    year: str
    received: int = 0
    by_route: list[tuple[str, int]] = field(default_factory=list)  # (the route's title, referrals), the form's order
    decided: int = 0
    by_decision: list[tuple[str, int]] = field(default_factory=list)  # (the decision's title, referrals)


def referrals_report(*, user: User, partnership: Partnership, year: str) -> ReferralsReport:
    """The case considerations received in the year (by the day each was submitted) on each route,
    and those the chair decided in the year with each decision."""
    report = ReferralsReport(year=year)
    if not can_view_reviews(user=user, partnership=partnership):
        return report
    first, last = financial_year_bounds(year)
    scheme = scheme_for(partnership)
    found = Referral.objects.filter(partnership=partnership)
    routes: Counter = Counter()
    for route, moment in found.filter(submitted_at__isnull=False).values_list("route", "submitted_at"):
        if first <= timezone.localtime(moment).date() <= last:
            routes[route] += 1
    decisions: Counter = Counter(
        found.filter(decided_on__gte=first, decided_on__lte=last)
        .exclude(decision="")
        .values_list("decision", flat=True)
    )
    report.received, report.decided = sum(routes.values()), sum(decisions.values())
    report.by_route = _in_order(routes, [(t.code, t.title) for t in scheme.routes])
    report.by_decision = _in_order(decisions, [(t.code, t.title) for t in scheme.decisions])
    return report


def _in_order(counts: Counter, terms: list[tuple[str, str]]) -> list[tuple[str, int]]:
    """Each term counted, in the scheme's order, then any code the scheme no longer has."""
    known = {code for code, _ in terms}
    return [(title, counts[code]) for code, title in terms if counts[code]] + [
        (code, count) for code, count in sorted(counts.items()) if code not in known
    ]


# --- case reviews ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportedReview:
    reference: str
    title: str
    kind: str  # the type's title
    status: str
    lead: str  # the lead reviewer, or the partnership leading it
    recommendations: int
    recommendations_done: int
    actions: int
    actions_done: int


def year_reviews_q(year: str) -> Q:
    """Reviews of the year: commissioned in it, or commissioned before it and still going at its
    start (not finished before it, not cancelled)."""
    first, last = financial_year_bounds(year)
    still_going = (
        Q(decided_on__lt=first)
        & ~Q(status=Review.Status.CANCELLED)
        & (Q(completed_on__isnull=True) | Q(completed_on__gte=first))
        & (Q(published_on__isnull=True) | Q(published_on__gte=first))
    )
    return Q(decided_on__gte=first, decided_on__lte=last) | still_going


def case_reviews_report(*, user: User, partnership: Partnership, year: str) -> list[ReportedReview]:
    """The year's reviews in the order they were commissioned, each with its type, status, lead,
    and its recommendations and their actions (cancelled actions left aside): a query for the
    reviews, one for their recommendations, two for the actions, however many."""
    if not can_view_reviews(user=user, partnership=partnership):
        return []
    reviews = list(
        Review.objects.filter(partnership=partnership).filter(year_reviews_q(year)).order_by("decided_on", "reference")
    )
    titles = {t.code: t.title for t in scheme_for(partnership).review_types}
    recommendations = list(Recommendation.objects.filter(review__in=reviews).only("pk", "review_id"))
    actions = recommendation_actions(user=user, partnership=partnership, recommendations=recommendations)
    counts: dict[int, list[int]] = {review.pk: [0, 0, 0, 0] for review in reviews}
    for recommendation in recommendations:
        live = [a.action for a in actions.get(recommendation.pk, []) if a.action.status != Action.Status.CANCELLED]
        done = sum(1 for a in live if a.status == Action.Status.COMPLETED)
        row = counts[recommendation.review_id]
        row[0] += 1
        row[1] += 1 if live and done == len(live) else 0
        row[2] += len(live)
        row[3] += done
    return [
        ReportedReview(
            reference=review.reference,
            title=review.title,
            kind=titles.get(review.kind, review.kind),
            status=review.get_status_display(),
            lead=f"Led by {review.led_elsewhere}" if review.led_elsewhere else review.lead_reviewer,
            recommendations=counts[review.pk][0],
            recommendations_done=counts[review.pk][1],
            actions=counts[review.pk][2],
            actions_done=counts[review.pk][3],
        )
        for review in reviews
    ]


# --- statutory clocks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClockCount:
    title: str  # the clock's title
    met: int
    missed: int

    @property
    def stopped(self) -> int:
        return self.met + self.missed


def review_clocks_report(*, user: User, partnership: Partnership, year: str) -> list[ClockCount]:
    """Per statutory clock a serious incident or a review runs on (the scheme's, in its order), the
    runs that stopped in the year on or before their due date (met) and after it (missed). Clocks
    with no run stopped in the year are left out."""
    from assure.clocks.engine import ClockState, clock_read, clock_rule

    if not can_view_reviews(user=user, partnership=partnership):
        return []
    first, last = financial_year_bounds(year)
    scheme = scheme_for(partnership)
    codes = [scheme.clocks.notification, scheme.clocks.rapid_review] + [
        t.publication_clock for t in scheme.review_types if t.publication_clock
    ]
    found = []
    for code in dict.fromkeys(codes):
        try:
            rule = clock_rule(code)
        except LookupError:
            continue
        met = missed = 0
        for started_on, stopped_on in clock_stops(partnership=partnership, clock=code):
            if not first <= stopped_on <= last:
                continue
            reading = clock_read(rule, started_on=started_on, stopped_on=stopped_on, today=stopped_on)
            if reading.state == ClockState.MET:
                met += 1
            else:
                missed += 1
        if met or missed:
            found.append(ClockCount(title=rule.title, met=met, missed=missed))
    return found


# --- learning briefings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportedBriefing:
    title: str
    published_on: dt.date
    source: str
    still_published: bool


def briefings_report(*, user: User, partnership: Partnership, year: str) -> list[ReportedBriefing]:
    """The learning briefings first published in the year, in the order they were published."""
    if not can_view_reviews(user=user, partnership=partnership):
        return []
    first, last = financial_year_bounds(year)
    found = []
    for briefing in Briefing.objects.filter(partnership=partnership, published_at__isnull=False).order_by(
        "published_at", "pk"
    ):
        day = timezone.localtime(briefing.published_at).date()
        if first <= day <= last:
            found.append(
                ReportedBriefing(
                    title=briefing.title,
                    published_on=day,
                    source=briefing.get_source_display(),
                    still_published=briefing.status == Briefing.Status.PUBLISHED,
                )
            )
    return found
