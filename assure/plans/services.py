"""Changes to the business plan: the plan, its priorities and strategic objectives, the actions
raised under an objective, and each year's review of a priority with the evidence linked to it.

Only the business unit (``plan.manage``) makes them. Every change records a domain event. A change
to a priority (its title, description or place) also tells the other apps through
``partnership_changed``, since the scorecard and the reports show the plan's priorities.
"""

import datetime as dt
import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from assure.actions.models import Action
from assure.actions.services import action_create
from assure.audit.services import event_record
from assure.core.links import linked_record
from assure.core.services import model_update
from assure.partnerships.hooks import partnership_changed
from assure.partnerships.models import Agency, Partnership
from assure.partnerships.years import financial_year_problem

from .hooks import priority_holdings
from .models import Objective, Plan, Priority, PriorityReview, ReviewEvidence
from .permissions import ensure_can_manage_plan

_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


def _next_position(queryset) -> int:
    highest = queryset.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


def period_years(period: str) -> tuple[int | None, int | None]:
    """The first and last financial years (by their starting year) of a period written like
    2014-17: (2014, 2016). (None, None) for a blank period."""
    match = _PERIOD.match(period)
    if not match:
        return None, None
    start = int(match.group(1))
    end = start - start % 100 + int(match.group(2))
    if end <= start:
        end += 100
    return start, end - 1


def _period_errors(period: str) -> dict[str, str]:
    if not period:
        return {}
    match = _PERIOD.match(period)
    if not match:
        return {"period": "Enter the period like 2014-17, or leave it empty."}
    first, last = period_years(period)
    if last - first > 9:
        return {"period": "A business plan covers at most ten years: enter the period like 2014-17."}
    return {}


def _plan_values(title: str, period: str, vision: str) -> tuple[dict, dict[str, str]]:
    title, period = title.strip(), period.strip()
    errors = {} if title else {"title": "Enter the plan's title, for example Business plan 2014-17."}
    errors |= _period_errors(period)
    first, last = period_years(period) if not errors.get("period") else (None, None)
    values = {"title": title, "period": period, "first_year": first, "last_year": last, "vision": vision.strip()}
    return values, errors


# --- the plan ---------------------------------------------------------------------------------


@transaction.atomic
def plan_create(*, actor, partnership: Partnership, title: str, period: str = "", vision: str = "") -> Plan:
    """Record a business plan for the partnership: its title, the years it covers (2014-17) and
    the board's vision."""
    ensure_can_manage_plan(user=actor, partnership=partnership)
    values, errors = _plan_values(title, period, vision)
    if errors:
        raise ValidationError(errors)
    plan = Plan(partnership=partnership, **values)
    plan.full_clean()
    plan.save()
    event_record(
        actor=actor, verb="plan.created", target=plan, partnership=partnership, summary=f"Business plan {plan} recorded"
    )
    return plan


@transaction.atomic
def plan_update(*, actor, plan: Plan, title: str, period: str = "", vision: str = "") -> Plan:
    """Change the plan's title, period or vision."""
    partnership = plan.partnership
    ensure_can_manage_plan(user=actor, partnership=partnership)
    values, errors = _plan_values(title, period, vision)
    if errors:
        raise ValidationError(errors)
    changed = model_update(instance=plan, fields=list(values), data=values)
    if changed:
        event_record(
            actor=actor,
            verb="plan.changed",
            target=plan,
            partnership=partnership,
            summary=f"Business plan {plan} changed",
            data={"fields": changed},
        )
    return plan


# --- priorities -------------------------------------------------------------------------------


def _priority_errors(plan: Plan, title: str, priority: Priority | None = None) -> dict[str, str]:
    if not title:
        return {"title": "Enter the priority's title."}
    same = Priority.objects.filter(plan=plan, title__iexact=title)
    if priority is not None:
        same = same.exclude(pk=priority.pk)
    if same.exists():
        return {"title": f"The plan already has a priority called {title}."}
    return {}


@transaction.atomic
def priority_create(*, actor, plan: Plan, title: str, description: str = "", position: int | None = None) -> Priority:
    """Add a priority to the plan. Titles are unique within the plan; without a position it goes
    last. The scorecard and the annual report take their priorities from here."""
    partnership = plan.partnership
    ensure_can_manage_plan(user=actor, partnership=partnership)
    title = title.strip()
    errors = _priority_errors(plan, title)
    if errors:
        raise ValidationError(errors)
    if position is None:
        position = _next_position(Priority.objects.filter(plan=plan))
    priority = Priority(
        plan=plan, partnership=partnership, title=title, description=description.strip(), position=position
    )
    priority.full_clean()
    priority.save()
    event_record(
        actor=actor,
        verb="plan.priority_added",
        target=priority,
        partnership=partnership,
        summary=f"Priority {title} added to {plan}",
    )
    partnership_changed(partnership.pk)
    return priority


@transaction.atomic
def priority_update(*, actor, priority: Priority, title: str, description: str = "", position: int) -> Priority:
    """Rename, describe or move a priority; what hangs under it (objectives, reviews, scorecard
    lines, report sections) stays under it."""
    partnership = priority.partnership
    ensure_can_manage_plan(user=actor, partnership=partnership)
    title = title.strip()
    errors = _priority_errors(priority.plan, title, priority)
    if errors:
        raise ValidationError(errors)
    changed = model_update(
        instance=priority,
        fields=["title", "description", "position"],
        data={"title": title, "description": description.strip(), "position": position},
    )
    if changed:
        event_record(
            actor=actor,
            verb="plan.priority_changed",
            target=priority,
            partnership=partnership,
            summary=f"Priority {title} changed",
            data={"fields": changed},
        )
        partnership_changed(partnership.pk)
    return priority


def priority_blockers(priority: Priority) -> list[str]:
    """What other parts of Assure still hold under the priority ("2 indicators on the
    scorecard"): while anything does, it cannot be deleted."""
    return priority_holdings([priority.pk]).get(priority.pk, [])


@transaction.atomic
def priority_delete(*, actor, priority: Priority) -> None:
    """Delete a priority, with its objectives and reviews. Refused while another part of Assure
    holds records under it (the scorecard's indicators): move them to another priority first."""
    partnership = priority.partnership
    ensure_can_manage_plan(user=actor, partnership=partnership)
    if blockers := priority_blockers(priority):
        raise ValidationError(
            f"{priority.title} still has {' and '.join(blockers)}. Move them to another priority first."
        )
    event_record(
        actor=actor,
        verb="plan.priority_deleted",
        target=priority,
        partnership=partnership,
        summary=f"Priority {priority.title} deleted from {priority.plan}",
    )
    priority.delete()
    partnership_changed(partnership.pk)


# --- objectives -------------------------------------------------------------------------------


def _objective_errors(title: str) -> dict[str, str]:
    if not title:
        return {"title": "Enter the objective."}
    return {}


@transaction.atomic
def objective_create(
    *, actor, priority: Priority, title: str, description: str = "", position: int | None = None
) -> Objective:
    """Add a strategic objective under a priority; without a position it goes last."""
    partnership = priority.partnership
    ensure_can_manage_plan(user=actor, partnership=partnership)
    title = title.strip()
    if errors := _objective_errors(title):
        raise ValidationError(errors)
    if position is None:
        position = _next_position(priority.objectives.all())
    objective = Objective(priority=priority, title=title, description=description.strip(), position=position)
    objective.full_clean()
    objective.save()
    event_record(
        actor=actor,
        verb="plan.objective_added",
        target=objective,
        partnership=partnership,
        summary=f"Objective added under {priority.title}: {title}",
    )
    return objective


@transaction.atomic
def objective_update(*, actor, objective: Objective, title: str, description: str = "", position: int) -> Objective:
    """Reword, describe or move an objective within its priority."""
    partnership = objective.priority.partnership
    ensure_can_manage_plan(user=actor, partnership=partnership)
    title = title.strip()
    if errors := _objective_errors(title):
        raise ValidationError(errors)
    changed = model_update(
        instance=objective,
        fields=["title", "description", "position"],
        data={"title": title, "description": description.strip(), "position": position},
    )
    if changed:
        event_record(
            actor=actor,
            verb="plan.objective_changed",
            target=objective,
            partnership=partnership,
            summary=f"Objective changed under {objective.priority.title}: {title}",
            data={"fields": changed},
        )
    return objective


@transaction.atomic
def objective_delete(*, actor, objective: Objective) -> None:
    """Delete an objective. The actions raised under it stay in the tracker, still naming it."""
    partnership = objective.priority.partnership
    ensure_can_manage_plan(user=actor, partnership=partnership)
    event_record(
        actor=actor,
        verb="plan.objective_deleted",
        target=objective,
        partnership=partnership,
        summary=f"Objective deleted under {objective.priority.title}: {objective.title}",
    )
    objective.delete()


def objective_label(objective: Objective) -> str:
    """How an action raised under the objective names it, for every reader of the tracker."""
    return f"Business plan: {objective.title}"[:200]


@transaction.atomic
def objective_action_raise(
    *,
    actor,
    objective: Objective,
    title: str,
    owner_agency: Agency,
    due_on: dt.date,
    description: str = "",
    owner_name: str = "",
) -> Action:
    """Raise an action (the one Action) that delivers the objective, owned by an agency."""
    partnership = objective.priority.partnership
    ensure_can_manage_plan(user=actor, partnership=partnership)
    if not title.strip():
        raise ValidationError({"title": "Enter what is to be done."})
    return action_create(
        actor=actor,
        partnership=partnership,
        title=title,
        owner_agency=owner_agency,
        due_on=due_on,
        description=description,
        owner_name=owner_name,
        source=objective,
        source_label=objective_label(objective),
    )


# --- the year's review of a priority ----------------------------------------------------------


def review_year_problem(plan: Plan, year: str) -> str | None:
    """Why ``year`` cannot be reviewed under the plan: not a financial year, or outside its period."""
    if problem := financial_year_problem(year):
        return problem
    start = int(year[:4])
    if plan.first_year is not None and plan.last_year is not None and not plan.first_year <= start <= plan.last_year:
        return f"Choose a year the plan covers ({plan.period})."
    return None


@transaction.atomic
def review_save(
    *,
    actor,
    priority: Priority,
    year: str,
    what_done: str = "",
    what_difference: str = "",
    what_next: str = "",
) -> PriorityReview:
    """Write (or rewrite) the year's review of a priority: what have we done, what difference
    have we made, what will we do next. The annual report's section on the priority shows it."""
    partnership = priority.partnership
    ensure_can_manage_plan(user=actor, partnership=partnership)
    year = year.strip()
    if problem := review_year_problem(priority.plan, year):
        raise ValidationError({"year": problem})
    answers = {
        "what_done": what_done.strip(),
        "what_difference": what_difference.strip(),
        "what_next": what_next.strip(),
    }
    review = PriorityReview.objects.filter(priority=priority, year=year).first()
    if review is None:
        review = PriorityReview(priority=priority, year=year, **answers)
        review.updated_by = actor
        review.full_clean()
        review.save()
        changed = list(answers)
    else:
        changed = model_update(instance=review, fields=list(answers), data=answers)
        if changed:
            review.updated_at, review.updated_by = timezone.now(), actor
            review.save(update_fields=["updated_at", "updated_by"])
    if changed:
        event_record(
            actor=actor,
            verb="plan.review_written",
            target=review,
            partnership=partnership,
            summary=f"Review of {priority.title} for {year} written",
            data={"fields": changed},
        )
    return review


@transaction.atomic
def review_evidence_add(*, actor, review: PriorityReview, key: str, pk: str, note: str = "") -> ReviewEvidence:
    """Link a record from anywhere in Assure (an indicator, a Section 11 cycle, an action...) to
    the year's review as evidence of what difference the work made. Only a record the person may
    see in the partnership can be linked; the same record is linked once."""
    partnership = review.priority.partnership
    ensure_can_manage_plan(user=actor, partnership=partnership)
    note = note.strip()
    errors: dict[str, str] = {}
    found = linked_record(user=actor, partnership=partnership, key=key, pk=str(pk)) if key and pk else None
    if not key:
        errors["kind"] = "Choose what kind of record the evidence is."
    elif found is None:
        errors["record"] = "Choose a record from the list."
    if len(note) > 300:
        errors["note"] = "The note must be at most 300 characters."
    if errors:
        raise ValidationError(errors)
    kind, record = found
    target_type = ContentType.objects.get_for_model(record)
    if review.evidence.filter(target_type=target_type, target_id=str(record.pk)).exists():
        raise ValidationError({"record": "That record is already linked to this review."})
    evidence = ReviewEvidence.objects.create(
        review=review,
        target_type=target_type,
        target_id=str(record.pk),
        label=kind.describe(record)[:200],
        note=note,
        position=_next_position(review.evidence.all()),
    )
    event_record(
        actor=actor,
        verb="plan.evidence_linked",
        target=evidence,
        partnership=partnership,
        summary=f"Evidence linked to the {review.year} review of {review.priority.title}: {evidence.label}",
    )
    return evidence


@transaction.atomic
def review_evidence_remove(*, actor, evidence: ReviewEvidence) -> None:
    """Unlink a piece of evidence from its review; the record itself is untouched."""
    review = evidence.review
    partnership = review.priority.partnership
    ensure_can_manage_plan(user=actor, partnership=partnership)
    event_record(
        actor=actor,
        verb="plan.evidence_unlinked",
        target=review,
        partnership=partnership,
        summary=f"Evidence unlinked from the {review.year} review of {review.priority.title}: {evidence.label}",
    )
    evidence.delete()
