"""The service navigation: a few groups named in the domain's words, each holding parts.

Core registers the groups (Home, Board, Performance and assurance, Reviews and panels, Learning,
Reports); every app registers its own parts from its ``AppConfig.ready()``, so a new system takes
its place without a template of core being edited::

    register(
        Part(
            group="assurance",
            label="Section 11",
            url_name="section11:cycles",
            permission="section11.view",
            description="Agencies' Section 11 self-assessments, their moderation and analysis.",
            waiting=section11_waiting,
            order=30,
        )
    )

A person sees the parts their roles allow (``permission`` is a permission of the roles library,
as in ``perms_here``), and a group none of whose parts they may use is not shown at all. A group
with a landing page (/p/<partnership>/<group>/) lists its parts there, each with what is waiting
in it when the part can say so: ``waiting(user=..., partnership=...)`` returns a short phrase
("3 returns overdue") or None, in one or two queries. A group without one (Home, Reports) links
straight to its part.

Pages of the whole installation rather than of a partnership (the operator's import of the
published statistics) are registered apart, with ``register_installation_page``: they are
linked beside the account links, outside every partnership, for people whose installation roles
allow them, and never through a membership.

The group of the page being shown is marked as current. Each part names the pages it holds by
URL name in ``covers``: a namespace ("section11"), a name ("partnerships:budget") or a pattern
("partnerships:meeting*"); by default its URL's namespace. The closest match wins, so a part
naming exact pages can share a namespace with another.
"""

from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase

from django.urls import reverse

from .navigation import partnership_url

# The URL namespace of the groups' landing pages.
LANDING_NAMESPACE = "menu"


@dataclass(frozen=True)
class Group:
    key: str  # its landing page's address and URL name: /p/<partnership>/<key>/, "menu:<key>"
    label: str
    order: int
    description: str = ""  # the landing page's opening line
    landing: bool = True  # False: the group links straight to its (first) part


@dataclass(frozen=True)
class Page:
    """A page of a part's own navigation."""

    label: str
    url_name: str
    permission: str


@dataclass(frozen=True)
class LocalNavigation:
    """The row of links a part shows under the service navigation on its own pages."""

    label: str  # names the navigation for screen readers
    pages: tuple[Page, ...]


Waiting = Callable[..., str | None]


@dataclass(frozen=True)
class Part:
    group: str
    label: str
    url_name: str
    permission: str
    description: str
    order: int
    waiting: Waiting | None = None
    covers: tuple[str, ...] = ()
    local: LocalNavigation | None = None

    @property
    def patterns(self) -> tuple[str, ...]:
        return self.covers or (self.url_name.split(":")[0],)


_groups: dict[str, Group] = {}
# Keyed by URL name: registering a part again (ready() run twice) replaces it.
_parts: dict[str, Part] = {}


def register_group(group: Group) -> None:
    _groups[group.key] = group


def register(*parts: Part) -> None:
    for part in parts:
        _parts[part.url_name] = part


def groups() -> list[Group]:
    return sorted(_groups.values(), key=lambda g: (g.order, g.label))


def parts_of(group: Group) -> list[Part]:
    return sorted((p for p in _parts.values() if p.group == group.key), key=lambda p: (p.order, p.label))


def all_parts() -> list[Part]:
    return list(_parts.values())


def landing_groups() -> list[Group]:
    """The groups with a landing page: those that have one and hold at least one part."""
    return [g for g in groups() if g.landing and parts_of(g)]


def _closeness(pattern: str, view_name: str) -> int:
    """How closely a part's pattern names the page: 3 by its name, 2 by a wildcard, 1 by its
    namespace, 0 not at all."""
    if ":" not in pattern:
        return 1 if view_name.startswith(f"{pattern}:") else 0
    if pattern == view_name:
        return 3
    return 2 if fnmatchcase(view_name, pattern) else 0


def part_of_page(view_name: str | None) -> Part | None:
    """The part holding the page with this URL name (None for pages outside every part)."""
    if not view_name:
        return None
    best, closest = None, 0
    for part in all_parts():
        closeness = max(_closeness(pattern, view_name) for pattern in part.patterns)
        if closeness > closest:
            best, closest = part, closeness
    return best


def group_of_page(view_name: str | None) -> Group | None:
    """The group holding the page: a landing page's own group, or the group of its part."""
    if view_name and view_name.startswith(f"{LANDING_NAMESPACE}:"):
        return _groups.get(view_name.split(":", 1)[1])
    part = part_of_page(view_name)
    return _groups.get(part.group) if part else None


@dataclass(frozen=True)
class MenuItem:
    group: Group
    url: str


def menu_for(*, permissions: frozenset[str], partnership) -> list[MenuItem]:
    """The groups a person with these permissions in the partnership sees, in order, each with
    the address its link goes to. Reads nothing from the database."""
    items = []
    for group in groups():
        parts = tuple(p for p in parts_of(group) if p.permission in permissions)
        if not parts:
            continue
        url_name = f"{LANDING_NAMESPACE}:{group.key}" if group.landing else parts[0].url_name
        items.append(MenuItem(group, partnership_url(url_name, partnership)))
    return items


@dataclass(frozen=True)
class PartEntry:
    part: Part
    url: str
    waiting: str | None


@dataclass(frozen=True)
class Landing:
    group: Group
    parts: list[PartEntry]


def group_landing(*, user, partnership, key: str) -> Landing | None:
    """A group's landing page for the user: the parts they may use, each with what is waiting in
    it. None when the group does not exist or they may use none of its parts."""
    from assure.accounts.permissions import permissions_of

    group = _groups.get(key)
    if group is None:
        return None
    permissions = permissions_of(user=user, partnership=partnership)
    entries = [
        PartEntry(
            part,
            partnership_url(part.url_name, partnership),
            part.waiting(user=user, partnership=partnership) if part.waiting else None,
        )
        for part in parts_of(group)
        if part.permission in permissions
    ]
    return Landing(group, entries) if entries else None


@dataclass(frozen=True)
class LocalLink:
    label: str
    url: str


def local_navigation_for(
    *, permissions: frozenset[str], partnership, view_name: str | None
) -> tuple[LocalNavigation, list[LocalLink]] | None:
    """The own navigation of the part holding the page, with the links the person may use."""
    part = part_of_page(view_name)
    if part is None or part.local is None:
        return None
    links = [
        LocalLink(p.label, partnership_url(p.url_name, partnership))
        for p in part.local.pages
        if p.permission in permissions
    ]
    return (part.local, links) if links else None


# --- pages of the whole installation -------------------------------------------------------------


@dataclass(frozen=True)
class InstallationPage:
    """A page of the whole installation, linked for people whose installation roles allow it."""

    label: str
    url_name: str  # its URL takes no arguments: the page belongs to no partnership
    permission: str  # an installation permission (``has_installation_permission``)
    description: str = ""  # a line on what it is for, on the "Your partnerships" page


# Keyed by URL name, like the parts.
_installation_pages: dict[str, InstallationPage] = {}


def register_installation_page(label: str, url_name: str, permission: str, *, description: str = "") -> None:
    _installation_pages[url_name] = InstallationPage(label, url_name, permission, description)


def installation_pages() -> list[InstallationPage]:
    return sorted(_installation_pages.values(), key=lambda p: p.label)


@dataclass(frozen=True)
class InstallationLink:
    label: str
    url: str
    description: str


def installation_links_for(*, permissions: frozenset[str]) -> list[InstallationLink]:
    """The installation's pages a person with these installation permissions may use, each with
    its address. Reads nothing from the database."""
    return [
        InstallationLink(p.label, reverse(p.url_name), p.description)
        for p in installation_pages()
        if p.permission in permissions
    ]
