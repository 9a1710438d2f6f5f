"""The demo's case reviews: Shropshire's 2014-15 case considerations, the serious case review led by
another board, three multi-agency audits (one with a learning event) and the SCIE learning review
of the child sexual exploitation strategy and panel, with their recommendations, action plans and
progress; two learning briefings on the public page; and one current rapid review whose clocks are
running (dated from the day the demo is loaded). Each part keeps its own module; ``made`` carries
what one part made to the next."""

import datetime as dt

from django.utils import timezone


def reviews_demo_load(*, partnerships, agencies, users, today) -> None:
    from . import briefings, incidents, recommendations, referrals, reviews

    made: dict = {}
    for part in (referrals, reviews, recommendations, incidents, briefings):
        part.load(partnerships=partnerships, agencies=agencies, users=users, today=today, made=made)
    events_dated_as_they_happened(partnerships=partnerships.values())


def _moment(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return timezone.make_aware(dt.datetime.combine(value, dt.time(10, 0)))


def _review_work_day(review):
    """When a review's findings and recommendations were written: on completion, else the decision."""
    return review.completed_on or review.decided_on


# For each kind of record, the day each event about it happened, read from the record itself.
WHEN = {
    "referral": {
        "reviews.referral_submitted": lambda r: r.submitted_at,
        "reviews.referral_acknowledged": lambda r: r.acknowledged_at,
        "reviews.referral_considered": lambda r: r.considered_at.held_on if r.considered_at_id else None,
        "reviews.referral_decided": lambda r: r.decided_on,
    },
    "review": {
        "reviews.review_commissioned": lambda r: r.decided_on,
        "reviews.review_started": lambda r: r.decided_on + dt.timedelta(days=14),
        "reviews.review_completed": lambda r: r.completed_on,
        "reviews.review_published": lambda r: r.published_on,
        "reviews.finding_recorded": _review_work_day,
        "reviews.recommendation_made": _review_work_day,
    },
    "incident": {
        "reviews.incident_recorded": lambda i: i.aware_on,
        "reviews.incident_notified": lambda i: i.notified_on,
        "reviews.incident_rapid_reviewed": lambda i: i.rapid_review_on,
        "reviews.incident_panel_responded": lambda i: i.panel_response_on,
        "reviews.incident_closed": lambda i: i.closed_on,
    },
}


def events_dated_as_they_happened(*, partnerships) -> None:
    """The history of the demo's referrals, reviews and incidents says when each step happened
    (2014-15 for that year's records), not the moment the demo was loaded."""
    from assure.audit.selectors import events_about

    from ..models import Incident, Referral, Review

    models = {"referral": Referral, "review": Review, "incident": Incident}
    for key, model in models.items():
        for record in model.objects.filter(partnership__in=list(partnerships)):
            for event in events_about(target=record):
                when = WHEN[key].get(event.verb)
                moment = _moment(when(record)) if when else None
                if moment is not None and moment < event.occurred_at:
                    event.occurred_at = moment
                    event.save(update_fields=["occurred_at"])
