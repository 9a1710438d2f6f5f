"""The statutory clocks of case reviews, read from the dates their records keep: a serious
incident's notification to the national panel (from the day the local authority became aware to
the day it was notified) and its rapid review (from the notification to the day the rapid review
was sent), both named by the partnership's review scheme (``clocks``); and a review's publication
(from the decision to hold it to the day it was published) for a review type with a
``publication_clock``. The lengths are library data read by ``assure/clocks``.

``clock_source_items`` is the reviews app's source for the list of open clocks, the home page and
the menu: a person who may read reviews sees every clock of the partnership's incidents and
reviews, each titled by the record's reference and summary, never a child. It reads in a constant
number of queries however many records there are."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.urls import NoReverseMatch

from assure.clocks.engine import ClockReading, ClockRule, ClockState, clock_read, clock_rule
from assure.clocks.registry import OpenClock
from assure.core.tables import record_address

from .models import Incident, Review
from .permissions import can_view_reviews
from .scheme import scheme_for

if TYPE_CHECKING:
    from assure.library.schemas_reviews import ReviewSchemeItem

SOURCE = "reviews"
NOTIFICATION, RAPID_REVIEW, PUBLICATION = "notification", "rapid_review", "publication"
# What each clock is called on a record's page, and at the end of its title in lists of clocks.
LABELS = {
    NOTIFICATION: "Notification to the national panel",
    RAPID_REVIEW: "Rapid review",
    PUBLICATION: "Publication of the review",
}
SHORT = {NOTIFICATION: "notification", RAPID_REVIEW: "rapid review", PUBLICATION: "publication"}
# The states that wait for someone: a clock running close to its due date, or past it.
ALERTS = (ClockState.AMBER, ClockState.OVERDUE)


class Rules:
    """The clock rules of one partnership's scheme, each read from the library once."""

    def __init__(self, partnership=None, *, scheme: ReviewSchemeItem | None = None) -> None:
        self.scheme = scheme if scheme is not None else scheme_for(partnership)
        self._rules: dict[str, ClockRule | None] = {}

    def rule(self, code: str | None) -> ClockRule | None:
        if not code:
            return None
        if code not in self._rules:
            try:
                self._rules[code] = clock_rule(code)
            except LookupError:
                self._rules[code] = None
        return self._rules[code]

    def incident(self, key: str) -> ClockRule | None:
        return self.rule(getattr(self.scheme.clocks, key))

    def publication(self, kind: str) -> ClockRule | None:
        review_type = self.scheme.term("review_types", kind)
        return self.rule(getattr(review_type, "publication_clock", None))


def _read(rule: ClockRule | None, started_on, stopped_on, today) -> ClockReading | None:
    if rule is None:
        return None
    return clock_read(rule, started_on=started_on, stopped_on=stopped_on, today=today)


def incident_readings(incident: Incident, today: dt.date, *, rules: Rules | None = None) -> dict:
    """Each clock of the incident by key (``notification``, ``rapid_review``): its reading, or
    None while it has not started."""
    rules = rules or Rules(incident.partnership)
    return {
        NOTIFICATION: _read(rules.incident(NOTIFICATION), incident.aware_on, incident.notified_on, today),
        RAPID_REVIEW: _read(rules.incident(RAPID_REVIEW), incident.notified_on, incident.rapid_review_on, today),
    }


def incident_clocks(
    incident: Incident, today: dt.date, *, rules: Rules | None = None
) -> list[tuple[str, ClockReading]]:
    """The incident's clocks that have started, each with what it is called."""
    readings = incident_readings(incident, today, rules=rules)
    return [(LABELS[key], reading) for key, reading in readings.items() if reading is not None]


def review_clocks(review: Review, today: dt.date, *, rules: Rules | None = None) -> list[tuple[str, ClockReading]]:
    """The review's publication clock, when its type has one (a local child safeguarding practice
    review): from the decision to hold it to its publication. None for a cancelled review."""
    if review.status == Review.Status.CANCELLED:
        return []
    rules = rules or Rules(review.partnership)
    reading = _read(rules.publication(review.kind), review.decided_on, review.published_on, today)
    return [(LABELS[PUBLICATION], reading)] if reading is not None else []


def _address(name: str, partnership):
    try:
        return record_address(name, partnership=partnership.slug)
    except NoReverseMatch:  # the page is not there (yet): the clock is listed without a link
        return lambda pk: ""


def clock_source_items(*, user, partnership, today: dt.date) -> list[OpenClock]:
    """Every clock of the partnership's incidents and reviews, for someone who may read reviews:
    open and stopped, except the clocks a closed incident left open (nothing more is awaited)."""
    if not can_view_reviews(user=user, partnership=partnership):
        return []
    rules = Rules(partnership)
    incident_url = _address("reviews:incident_detail", partnership)
    review_url = _address("reviews:review_detail", partnership)
    found: list[OpenClock] = []
    for incident in Incident.objects.filter(partnership=partnership).only(
        "pk", "partnership_id", "reference", "summary", "aware_on", "notified_on", "rapid_review_on", "closed_on"
    ):
        for key, reading in incident_readings(incident, today, rules=rules).items():
            if reading is None or (reading.is_open and not incident.is_open):
                continue
            found.append(
                OpenClock(
                    reading=reading,
                    title=f"{incident.reference} {incident.summary}: {SHORT[key]}",
                    url=incident_url(incident.pk),
                    source=SOURCE,
                )
            )
    kinds = [t.code for t in rules.scheme.review_types if t.publication_clock]
    reviews = (
        Review.objects.filter(partnership=partnership, kind__in=kinds)
        .exclude(status=Review.Status.CANCELLED)
        .only("pk", "partnership_id", "reference", "title", "kind", "status", "decided_on", "published_on")
    )
    for review in reviews:
        for _label, reading in review_clocks(review, today, rules=rules):
            found.append(
                OpenClock(
                    reading=reading,
                    title=f"{review.reference} {review.title}: {SHORT[PUBLICATION]}",
                    url=review_url(review.pk),
                    source=SOURCE,
                )
            )
    return found


def clock_alerts(*, user, partnership, today: dt.date) -> list[OpenClock]:
    """The open clocks of the partnership's incidents and reviews that are amber or overdue."""
    return [
        clock
        for clock in clock_source_items(user=user, partnership=partnership, today=today)
        if clock.reading.is_open and clock.reading.state in ALERTS
    ]
