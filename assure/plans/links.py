"""The business plan's records other parts of Assure may point at (``assure/core/links.py``):
registered from ``PlansConfig.ready()`` by ``register_links``. A board paper may be the plan or
one of its priorities, a challenge may be about a priority or an objective. Each kind finds its
records through the plan's own selectors, given the user."""

from assure.core.links import LinkableKind, register_linkable
from assure.core.navigation import partnership_url


def _plan_choices(*, user, partnership) -> list[tuple[str, str]]:
    from .selectors import plans_visible_to

    return [(str(plan.pk), plan.title) for plan in plans_visible_to(user=user, partnership=partnership)]


def _plan_find(*, user, partnership, pk):
    from .selectors import plans_visible_to

    return (
        plans_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first() if str(pk).isdigit() else None
    )


def _priority_label(priority) -> str:
    return f"Priority: {priority.title}"


def _priority_choices(*, user, partnership) -> list[tuple[str, str]]:
    from .selectors import priorities_visible_to

    return [(str(p.pk), _priority_label(p)) for p in priorities_visible_to(user=user, partnership=partnership)]


def _priority_find(*, user, partnership, pk):
    from .selectors import priorities_visible_to

    if not str(pk).isdigit():
        return None
    return priorities_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


def _objective_label(objective) -> str:
    return f"Objective under {objective.priority.title}: {objective.title}"


def _objective_choices(*, user, partnership) -> list[tuple[str, str]]:
    from .selectors import objectives_visible_to

    objectives = objectives_visible_to(user=user, partnership=partnership).order_by(
        "priority__position", "priority_id", "position", "pk"
    )
    return [(str(o.pk), _objective_label(o)) for o in objectives]


def _objective_find(*, user, partnership, pk):
    from .selectors import objectives_visible_to

    if not str(pk).isdigit():
        return None
    return objectives_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


def register_links() -> None:
    register_linkable(
        LinkableKind(
            key="plans.plan",
            label="Business plan",
            model="plans.plan",
            choices=_plan_choices,
            find=_plan_find,
            url=lambda plan: partnership_url("plans:plan_detail", plan.partnership, pk=plan.pk),
            uses=frozenset({"paper"}),
            describe=lambda plan: plan.title,
        ),
        LinkableKind(
            key="plans.priority",
            label="Business plan priority",
            model="plans.priority",
            choices=_priority_choices,
            find=_priority_find,
            url=lambda priority: partnership_url("plans:priority_detail", priority.partnership, pk=priority.pk),
            uses=frozenset({"challenge", "paper"}),
            describe=_priority_label,
        ),
        LinkableKind(
            key="plans.objective",
            label="Business plan objective",
            model="plans.objective",
            choices=_objective_choices,
            find=_objective_find,
            url=lambda objective: partnership_url(
                "plans:objective_detail", objective.priority.partnership, pk=objective.pk
            ),
            uses=frozenset({"challenge"}),
            describe=_objective_label,
        ),
    )
