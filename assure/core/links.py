"""Records one part of Assure may point at without importing the app that holds them: the
registration point behind a challenge's "about", an agenda item's paper and the evidence of a
business plan review.

A challenge may be about an exception report item, an agenda item's paper may be a report, a plan
review's evidence may be an indicator: the app pointing (governance, plans) cannot import the app
holding the record (performance, reports), so the holder registers a ``LinkableKind`` from its
``AppConfig.ready()``, saying which uses it serves::

    register_linkable(
        LinkableKind(
            key="performance.exception-item",
            label="Exception report item",
            model="performance.exceptionitem",
            uses=frozenset({"challenge", "paper", "evidence"}),
            choices=exception_item_choices,  # (*, user, partnership) -> [(id, label)]
            find=exception_item_find,  # (*, user, partnership, pk) -> record or None
            url=lambda record: record_url,  # the record's page
        )
    )

``choices`` and ``find`` go through the holder's own selectors, given the user, so a person can
only link what they may see; ``find`` answers None for a record they may not see or that does not
exist. The pointing app stores the record by content type and id with a label (never naming a
child) and shows the label; ``linked_url`` gives the address when the reader may open it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

# "referral": what a child death review was referred to the practice review panel as (a case
# consideration). Kinds serve only the first three unless they say so.
USES = ("challenge", "paper", "evidence", "referral")
DEFAULT_USES = frozenset({"challenge", "paper", "evidence"})


@dataclass(frozen=True)
class LinkableKind:
    key: str  # "<app>.<record>", used in forms and query strings
    label: str  # what the record is, in the domain's words: "Exception report item"
    model: str  # "<app_label>.<model_name>", lower case, as ContentType names it
    choices: Callable[..., list[tuple[str, str]]]  # (*, user, partnership) -> [(pk, label)]
    find: Callable[..., object | None]  # (*, user, partnership, pk) -> the record, or None
    url: Callable[[object], str]  # the record's page
    uses: frozenset[str] = DEFAULT_USES
    describe: Callable[[object], str] = str  # the label stored with a link


_kinds: dict[str, LinkableKind] = {}


def register_linkable(*kinds: LinkableKind) -> None:
    """Register kinds of linkable record; registering a key again (ready() run twice) replaces it."""
    for kind in kinds:
        unknown = set(kind.uses) - set(USES)
        if unknown:
            raise ValueError(f"{kind.key}: unknown uses {sorted(unknown)}; known: {', '.join(USES)}")
        _kinds[kind.key] = kind


def linkable_kinds(*, use: str) -> list[LinkableKind]:
    """The kinds that serve ``use`` (one of ``USES``), in label order."""
    return sorted((k for k in _kinds.values() if use in k.uses), key=lambda k: k.label)


def linkable_kind(key: str) -> LinkableKind | None:
    return _kinds.get(key)


def linkable_kind_of(content_type: ContentType) -> LinkableKind | None:
    """The kind registered for records of ``content_type``, if any."""
    model = f"{content_type.app_label}.{content_type.model}"
    return next((k for k in _kinds.values() if k.model == model), None)


def linked_record(*, user, partnership, key: str, pk: str) -> tuple[LinkableKind, object] | None:
    """The record of kind ``key`` with id ``pk`` when ``user`` may see it in ``partnership``."""
    kind = _kinds.get(key)
    if kind is None:
        return None
    record = kind.find(user=user, partnership=partnership, pk=pk)
    return (kind, record) if record is not None else None


def linked_url(*, user, partnership, content_type: ContentType | None, object_id: str) -> str:
    """The address of a linked record for this reader, or "" when they may not open it (or its
    kind is no longer registered): the stored label is shown either way."""
    if content_type is None or not object_id:
        return ""
    kind = linkable_kind_of(content_type)
    if kind is None:
        return ""
    record = kind.find(user=user, partnership=partnership, pk=object_id)
    return kind.url(record) if record is not None else ""
