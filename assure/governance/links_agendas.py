"""Governance's records that other parts of Assure may point at (``assure/core/links.py``), one
function per part, called from ``registrations.py``. Each kind finds its records through
governance's own selectors, given the user, so nobody links what they may not see."""

from assure.core.links import LinkableKind, register_linkable

# --- agendas: an item of a meeting's agenda -----------------------------------------------------


def agenda_item_label(item) -> str:
    """The item as a challenge or a piece of evidence names it. A confidential (part B) item is
    named by its meeting and number only: its title may say what the confidential business is,
    and the label is shown to everyone who reads the challenge log or the plan's review."""
    meeting = item.meeting
    where = f"{meeting.body_name} meeting {meeting.held_on.day} {meeting.held_on:%B %Y}, item {item.position}"
    return f"{where} (confidential item)" if item.confidential else f"{where}: {item.title}"


def agenda_item_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The items of the partnership's agendas the user may read, newest meeting first (a
    confidential item without its title)."""
    from .selectors.agendas import agenda_items_in

    items = agenda_items_in(user=user, partnership=partnership)
    return [(str(item.pk), agenda_item_label(item)) for item in items]


def agenda_item_find(*, user, partnership, pk):
    from .selectors.agendas import agenda_item_for

    if not str(pk).isdigit():
        return None
    return agenda_item_for(user=user, partnership=partnership, pk=int(pk))


def agenda_item_url(item) -> str:
    from assure.core.navigation import partnership_url

    meeting = item.meeting
    return f"{partnership_url('governance:agenda', meeting.partnership, meeting=meeting.pk)}#item-{item.pk}"


def agenda_links() -> None:
    register_linkable(
        LinkableKind(
            key="governance.agenda-item",
            label="Agenda item of a meeting",
            model="governance.agendaitem",
            choices=agenda_item_choices,
            find=agenda_item_find,
            url=agenda_item_url,
            uses=frozenset({"challenge", "evidence"}),
            describe=agenda_item_label,
        )
    )
