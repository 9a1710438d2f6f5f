"""Section 11's records that other parts of Assure may point at (``assure/core/links.py``):
registered from ``Section11Config.ready()`` by ``register_links``. Each kind finds its records
through Section 11's own selectors, given the user, so nobody links what they may not see."""

from assure.core.links import LinkableKind, register_linkable
from assure.core.navigation import partnership_url

# --- returns: what a challenge may be about ----------------------------------------------------


def return_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The Section 11 returns the user may read in the partnership, newest cycle first."""
    from .selectors.returns import returns_visible_to

    returns = returns_visible_to(user=user, partnership=partnership).order_by("-cycle__deadline", "agency__name")
    return [(str(record.pk), f"Section 11 return: {record}") for record in returns]


def return_find(*, user, partnership, pk):
    """The return ``pk`` when the user may read it in the partnership, else None. A return is seen
    by every partnership of its cycle, each at an address of its own: the record found keeps the
    partnership it was found in, for its address."""
    from .selectors.returns import returns_visible_to

    if not str(pk).isdigit():
        return None
    record = returns_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()
    if record is not None:
        record.linked_partnership = partnership
    return record


def return_url(record) -> str:
    partnership = getattr(record, "linked_partnership", None) or record.cycle.lead_partnership
    return partnership_url("section11:return_detail", partnership, pk=record.pk)


# --- cycles: evidence of a business plan review -------------------------------------------------


def cycle_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The Section 11 cycles the partnership takes part in, newest deadline first."""
    from .selectors.cycles import cycles_visible_to

    cycles = cycles_visible_to(user=user, partnership=partnership).order_by("-deadline", "-pk")
    return [(str(cycle.pk), f"Section 11 cycle: {cycle.title}") for cycle in cycles]


def cycle_find(*, user, partnership, pk):
    """The cycle ``pk`` when the partnership takes part in it and the user may see it, else None."""
    from .selectors.cycles import cycles_visible_to

    if not str(pk).isdigit():
        return None
    cycle = cycles_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()
    if cycle is not None:
        cycle.linked_partnership = partnership
    return cycle


def cycle_url(cycle) -> str:
    partnership = getattr(cycle, "linked_partnership", None) or cycle.lead_partnership
    return partnership_url("section11:cycle_detail", partnership, pk=cycle.pk)


def register_links() -> None:
    register_linkable(
        LinkableKind(
            key="section11.return",
            label="Section 11 return",
            model="section11.return",
            choices=return_choices,
            find=return_find,
            url=return_url,
            uses=frozenset({"challenge", "paper", "evidence"}),
            describe=lambda record: f"Section 11 return: {record}",
        ),
        LinkableKind(
            key="section11.cycle",
            label="Section 11 cycle",
            model="section11.cycle",
            choices=cycle_choices,
            find=cycle_find,
            url=cycle_url,
            uses=frozenset({"paper", "evidence"}),
            describe=lambda cycle: f"Section 11 cycle: {cycle.title}",
        ),
    )
