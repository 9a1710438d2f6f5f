"""What other apps ask to run when something a partnership's figures show has changed (for
example, the performance app moves its cached scorecards on when an agency is renamed). The
partnerships services fire it inside the transaction of the change; apps register in
AppConfig.ready().

Two more registration points serve a partnership's creation: the local authorities it may cover,
and the first steps its overview lists until they are taken."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

_on_changed: list[Callable[[int], object]] = []


def on_partnership_changed(function: Callable[[int], object]) -> Callable[[int], object]:
    """Register ``function(partnership_id)`` to run, inside the changing transaction, after every
    change to a partnership that other apps' figures may show (its agencies' names, its agencies)."""
    if function not in _on_changed:
        _on_changed.append(function)
    return function


def partnership_changed(partnership_id: int) -> None:
    """Tell every registered app that the partnership has changed."""
    for function in _on_changed:
        function(partnership_id)


# --- the local authorities a new partnership may cover --------------------------------------------


@dataclass(frozen=True)
class LocalAuthority:
    """A local authority a partnership can be made for, as the loaded areas name it."""

    ons_code: str
    old_la_code: str
    name: str
    region: str

    def __str__(self) -> str:
        return f"{self.name} ({self.ons_code})"


_local_authorities: list[Callable[[], Iterable[LocalAuthority]]] = []


def provide_local_authorities(function: Callable[[], Iterable[LocalAuthority]]) -> Callable:
    """Register ``function()`` giving the local authorities Assure holds (the performance app
    gives the areas it loaded from the DfE's files). A partnership is created only for one of
    them, so its codes, name and region are the ones the statistics use."""
    if function not in _local_authorities:
        _local_authorities.append(function)
    return function


def local_authorities() -> list[LocalAuthority]:
    """Every registered local authority, by name; empty when no app provides any."""
    found = {la.ons_code: la for function in _local_authorities for la in function()}
    return sorted(found.values(), key=lambda la: (la.name, la.ons_code))


# --- the first steps of a new partnership ----------------------------------------------------------


@dataclass(frozen=True)
class FirstStep:
    """One step the business unit of a new partnership takes before Assure is of use to it.

    ``is_done(partnership)`` says whether it has been taken; ``url_name`` (given the partnership's
    slug) is where it is taken, shown when ``permission`` is one the person holds there (an empty
    ``url_name`` when the step is someone else's, the operator's).
    """

    label: str
    hint: str
    is_done: Callable[[object], bool]
    order: int = 100
    url_name: str = ""
    permission: str = ""


_first_steps: dict[str, FirstStep] = {}


def register_first_step(*steps: FirstStep) -> None:
    """Add steps to the checklist a new partnership's overview shows (a step registered again
    under the same label replaces the earlier one)."""
    for step in steps:
        _first_steps[step.label] = step


def first_steps() -> list[FirstStep]:
    return sorted(_first_steps.values(), key=lambda s: (s.order, s.label))


# --- more about a meeting ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingPart:
    """A page of another app about one meeting (its agenda, its minutes), linked from the
    meeting's page for those who hold ``permission``. ``url_name`` takes the partnership's slug
    and ``meeting`` (the meeting's id)."""

    label: str
    url_name: str
    permission: str
    order: int = 100


_meeting_parts: dict[str, MeetingPart] = {}


def register_meeting_part(*parts: MeetingPart) -> None:
    """Link pages of another app from every meeting's page (registering the same URL name again
    replaces the earlier part)."""
    for part in parts:
        _meeting_parts[part.url_name] = part


def meeting_parts() -> list[MeetingPart]:
    return sorted(_meeting_parts.values(), key=lambda p: (p.order, p.label))
