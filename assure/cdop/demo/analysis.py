"""The panel's analysis in the demo, on the deaths the deaths part made (``made["deaths"]``, which
already carry each reviewed death's category, modifiable factors and learning): the child death
review meetings held on the unexpected deaths, the factors of the five Shropshire deaths with
modifiable factors identified (and some that were unlikely to have contributed), and six
recommendations on the seed's topics raised as actions of Shropshire's tracker, owned by its
agencies: one completed, the others in progress.

Everything is recorded through the services by the Shropshire child death review manager, then
dated as it happened. Actions are raised as due today (a new action cannot be due in the past) and
then given the dates of their year, as the reviews' demo does."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from assure.actions.models import Action, ActionUpdate
from assure.audit.selectors import events_about
from assure.demo import region

from ..models import ChildDeath, Factor
from ..services.analysis import recommendation_raise, review_meeting_record

D = dt.date
CHILD, FAMILY, PARENTING, SERVICES = "the-child", "family-and-environment", "parenting-capacity", "service-provision"
MAY, UNLIKELY = "may-have-contributed", "unlikely"

# (death key, domain, description, contribution, modifiable). Descriptions name no one.
FACTORS = [
    ("shropshire-03", PARENTING, "The mother smoked throughout the pregnancy.", MAY, True),
    ("shropshire-03", CHILD, "Born at 29 weeks.", MAY, False),
    ("shropshire-10", PARENTING, "Unsafe sleeping: the baby slept on a sofa with a parent.", MAY, True),
    (
        "shropshire-10",
        FAMILY,
        "The family were staying in a holiday caravan without a cot, and none was offered.",
        MAY,
        True,
    ),
    ("shropshire-13", FAMILY, "An unfenced garden pond at a relative's house.", MAY, True),
    ("shropshire-13", PARENTING, "A short gap in supervision while a sibling was settled.", UNLIKELY, False),
    (
        "shropshire-15",
        SERVICES,
        "Antibiotics were not started at the first visit to the surgery despite signs of sepsis.",
        MAY,
        True,
    ),
    ("shropshire-19", CHILD, "A newly qualified driver, driving at night with three passengers.", MAY, True),
    ("shropshire-19", FAMILY, "A fast rural road without a crossing or lighting at the junction.", MAY, True),
    ("shropshire-11", FAMILY, "Overcrowded housing.", UNLIKELY, False),
    ("shropshire-20", SERVICES, "A wait of some weeks for a mental health assessment.", UNLIKELY, False),
]


@dataclass(frozen=True)
class RecommendationSpec:
    death: str
    title: str
    owner_agency: str  # the agency's key in the region
    owner_name: str  # owners are named by their role: the demo's people are invented
    completed_on: dt.date | None = None
    due_on: dt.date | None = None  # of a completed action
    due_in_days: int = 0  # of one in progress, after the day of loading
    updates: tuple[tuple[dt.date, str], ...] = ()


RECOMMENDATIONS = [
    RecommendationSpec(
        "shropshire-03",
        "Refer every pregnant woman who smokes to the stop-smoking service at booking",
        "sath",
        "Head of midwifery",
        due_in_days=60,
        updates=((D(2015, 3, 2), "Carbon monoxide testing at booking started in two of the three units."),),
    ),
    RecommendationSpec(
        "shropshire-10",
        "Ask holiday caravan parks to offer a cot to every family with a baby",
        "shropshire-public-health",
        "Consultant in public health",
        completed_on=D(2015, 2, 27),
        due_on=D(2015, 3, 31),
        updates=((D(2015, 2, 27), "Letters sent to every licensed site; cots are now listed on booking forms."),),
    ),
    RecommendationSpec(
        "shropshire-10",
        "Repeat safer sleeping advice at every health visiting contact, with a check of where the baby sleeps",
        "shropshire-community-health",
        "Head of health visiting",
        due_in_days=45,
    ),
    RecommendationSpec(
        "shropshire-19",
        "Review the road safety of the junction with the highway authority and ask for a crossing",
        "police",
        "Head of roads policing",
        due_in_days=90,
        updates=((D(2015, 3, 20), "Speed survey done; the highway authority has the junction on its list."),),
    ),
    RecommendationSpec(
        "shropshire-15",
        "Remind GP practices of the sepsis guidance on antibiotics for children under five",
        "shropshire-ccg",
        "Designated nurse for safeguarding children",
        due_in_days=30,
    ),
    RecommendationSpec(
        "shropshire-19",
        "Offer the young driver scheme in every sixth form and college",
        "shropshire-colleges",
        "Head of student services",
        due_in_days=120,
    ),
]


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def _review_meetings(deaths: dict[str, ChildDeath], *, manager, partnership) -> None:
    """A child death review meeting about three weeks after each unexpected death reviewed."""
    for death in deaths.values():
        if death.status != ChildDeath.Status.REVIEWED or death.expected != ChildDeath.Expected.UNEXPECTED:
            continue
        held_on = min(death.date_of_death + dt.timedelta(days=21), death.reviewed_on)
        review_meeting_record(
            actor=manager,
            partnership=partnership,
            death=death,
            held_on=held_on,
            notes="The professionals who knew the child met with the designated doctor; "
            "the family were told of the panel's review.",
        )


def _raise(spec: RecommendationSpec, death: ChildDeath, *, manager, partnership, agencies, today) -> None:
    action = recommendation_raise(
        actor=manager,
        partnership=partnership,
        death=death,
        title=spec.title,
        owner_agency=agencies[spec.owner_agency],
        due_on=max(today, timezone.localdate()),
    )
    raised = death.reviewed_on or death.date_of_death
    changes = {"owner_name": spec.owner_name, "created_at": _at(raised)}
    if spec.completed_on:
        changes |= {
            "due_on": spec.due_on,
            "status": Action.Status.COMPLETED,
            "completed_on": spec.completed_on,
            "rag": Action.Rag.GREEN,
        }
    else:
        changes |= {
            "due_on": today + dt.timedelta(days=spec.due_in_days),
            "status": Action.Status.IN_PROGRESS if spec.updates else Action.Status.OPEN,
            "rag": Action.Rag.AMBER if spec.updates else "",
        }
    Action.objects.filter(pk=action.pk).update(**changes)
    for recorded_on, text in spec.updates:
        ActionUpdate.objects.create(
            action=action, recorded_on=recorded_on, text=text, author=manager, created_at=_at(recorded_on)
        )
    for event in events_about(target=action):
        event.occurred_at = _at(raised)
        event.save(update_fields=["occurred_at"])


# For each event of the analysis about a death, the day it happened, read from the death.
WHEN = {
    "cdop.review_meeting_recorded": lambda d: d.review_meeting_on,
    "cdop.recommendation_raised": lambda d: d.reviewed_on,
}


def _dated_as_they_happened(deaths) -> None:
    for death in deaths:
        for event in events_about(target=death):
            when = WHEN.get(event.verb)
            day = when(death) if when else None
            if day is not None:
                event.occurred_at = _at(day)
                event.save(update_fields=["occurred_at"])


def analysis_demo_load(*, partnerships, agencies, users, today, made) -> None:
    """Write the review meetings, factors and recommendations of the deaths the deaths part made;
    nothing when it made none."""
    deaths: dict[str, ChildDeath] = made.get("deaths") or {}
    if not deaths:
        return
    partnership = partnerships[region.SHROPSHIRE]
    manager = users[(region.SHROPSHIRE, "cdop-manager")]
    _review_meetings(deaths, manager=manager, partnership=partnership)
    # The deaths are reviewed already (the deaths part completes them), so their factors are
    # written as the panel left them rather than added through the service, which refuses a
    # completed review.
    Factor.objects.bulk_create(
        Factor(death=deaths[key], domain=domain, description=text, contribution=contribution, modifiable=modifiable)
        for key, domain, text, contribution, modifiable in FACTORS
        if key in deaths
    )
    for spec in RECOMMENDATIONS:
        if spec.death in deaths:
            _raise(spec, deaths[spec.death], manager=manager, partnership=partnership, agencies=agencies, today=today)
    _dated_as_they_happened(deaths.values())
    made["recommendations"] = [spec.death for spec in RECOMMENDATIONS if spec.death in deaths]
