"""Actions other parts of Assure may point at (``assure/core/links.py``): registered from
``ActionsConfig.ready()`` by ``register_links``. Actions are found through ``actions_visible_to``,
given the user, so nobody links an action they may not see."""

from assure.core.links import LinkableKind, register_linkable
from assure.core.navigation import partnership_url


def _label(action) -> str:
    return f"Action {action.reference}: {action.title}"


def action_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The partnership's actions the user may see: those completed first (the likeliest evidence
    of work done), then the rest, each by reference."""
    from .models import Action
    from .selectors import actions_visible_to

    actions = list(actions_visible_to(user=user, partnership=partnership).order_by("reference"))
    completed = [a for a in actions if a.status == Action.Status.COMPLETED]
    others = [a for a in actions if a.status != Action.Status.COMPLETED]
    return [(str(a.pk), f"{_label(a)} ({a.get_status_display().lower()})") for a in completed + others]


def action_find(*, user, partnership, pk):
    """The action ``pk`` when the user may see it in the partnership, else None."""
    from .selectors import actions_visible_to

    if not str(pk).isdigit():
        return None
    return actions_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


def register_links() -> None:
    register_linkable(
        LinkableKind(
            key="actions.action",
            label="Action",
            model="actions.action",
            choices=action_choices,
            find=action_find,
            url=lambda action: partnership_url("actions:detail", action.partnership, pk=action.pk),
            uses=frozenset({"evidence"}),
            describe=_label,
        ),
    )
