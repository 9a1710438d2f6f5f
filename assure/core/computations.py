"""Computed indicators: figures of the core dataset counted from Assure's own records (Section 11
returns, the partnership's meetings and their attendance, and each system to come) instead of
typed into an agency return.

The app that holds the records registers each way of counting them here, in its
``AppConfig.ready()``::

    register_computation(
        "section11.compliance_percent",
        compliance_percent,
        "Criteria rated compliant in the accepted returns of a framework's cycles, per cycle year.",
        parameters={"framework": Parameter("The framework's code.", names="section11-framework")},
    )

An indicator of the library names one in its ``computed`` block, with its parameters; the library
refuses a name that is not registered, or parameters the computation does not take. The
performance app stores the figures as observations with their provenance.

When the records change, the owning app's services call ``records_changed(owner,
partnership_ids=...)`` inside their transaction. The performance app has registered a function
for it with ``on_records_changed`` and computes the owner's figures again in the same transaction,
so no page shows a figure older than the records it was counted from. The owners and the
performance app never import each other: they meet here.
"""

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

NAME = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class ComputedFigure:
    """One financial year's figure as its owner counts it: ``numerator`` alone for a count, or
    ``numerator`` out of ``denominator`` for a percentage or a rate (the indicator's unit makes
    the value of it). ``counted_from`` says what it was counted from, in words that follow
    "computed from": "23 Section 11 returns", "6 board meetings"."""

    year: str
    numerator: Decimal
    counted_from: str
    denominator: Decimal | None = None


@dataclass(frozen=True)
class Parameter:
    """A parameter a computation takes from the indicator that names it. ``names`` is the library
    kind whose item code the parameter holds (the loader refuses a code the library does not
    hold); ``choices`` the values allowed, when there are few."""

    description: str
    names: str = ""
    choices: tuple[str, ...] = ()
    required: bool = True


@dataclass(frozen=True)
class Computation:
    """A registered way of counting figures. ``function(*, partnership, years, **parameters)``
    returns the partnership's ComputedFigures for the financial years asked (``years``, or every
    year its records cover when None); it reads every record of the partnership, whoever is
    looking, since its figures are shown only through the performance app's own checks."""

    name: str
    function: Callable[..., Iterable[ComputedFigure]]
    description: str
    parameters: Mapping[str, Parameter] = field(default_factory=dict)

    @property
    def owner(self) -> str:
        """The app whose records it counts: the part of its name before the dot."""
        return self.name.split(".", 1)[0]

    def problems(self, parameters: Mapping[str, object]) -> list[str]:
        """What is wrong with the parameters an indicator gives it, a sentence each."""
        found = [f"{self.name} takes no parameter {name!r}" for name in parameters if name not in self.parameters]
        for name, parameter in self.parameters.items():
            value = parameters.get(name)
            if value is None:
                if parameter.required:
                    found.append(f"{self.name} needs the parameter {name!r} ({parameter.description})")
            elif parameter.choices and value not in parameter.choices:
                found.append(f"{self.name}: {name} must be one of {', '.join(parameter.choices)}, not {value!r}")
        return found

    def compute(
        self, *, partnership, parameters: Mapping[str, object], years: Collection[str] | None = None
    ) -> list[ComputedFigure]:
        return list(self.function(partnership=partnership, years=years, **parameters))


_computations: dict[str, Computation] = {}


def register_computation(
    name: str,
    function: Callable[..., Iterable[ComputedFigure]],
    description: str,
    *,
    parameters: Mapping[str, Parameter] | None = None,
) -> Computation:
    """Offer ``function`` to the library's indicators as ``name`` ("<app>.<what>"); registering
    the same name again replaces it."""
    if not NAME.match(name):
        raise ValueError(
            f"A computation is named <app>.<what> in lower case, like section11.compliance_percent: {name!r}"
        )
    computation = Computation(name, function, description, dict(parameters or {}))
    _computations[name] = computation
    return computation


def computation_named(name: str) -> Computation | None:
    return _computations.get(name)


def registered_computations() -> list[Computation]:
    return sorted(_computations.values(), key=lambda c: c.name)


# --- records changed --------------------------------------------------------------------------

_on_records_changed: list[Callable[..., object]] = []


def on_records_changed(function: Callable[..., object]) -> Callable[..., object]:
    """Register ``function(owner, *, partnership_ids, years)`` to run, inside the changing
    transaction, whenever an app's records that computations count have changed."""
    if function not in _on_records_changed:
        _on_records_changed.append(function)
    return function


def records_changed(owner: str, *, partnership_ids: Iterable[int], years: Iterable[str] | None = None) -> None:
    """Tell every registered app that the records ``owner``'s computations count have changed for
    these partnerships (in these financial years, when the change is known to touch only them)."""
    ids, asked = sorted(set(partnership_ids)), None if years is None else sorted(set(years))
    for function in _on_records_changed:
        function(owner, partnership_ids=ids, years=asked)
