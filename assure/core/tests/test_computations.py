"""The registration point of computed indicators: computations registered by name, the parameters
they take, and the signal that an app's counted records changed."""

import pytest

from assure.core import computations
from assure.core.computations import (
    ComputedFigure,
    Parameter,
    computation_named,
    on_records_changed,
    records_changed,
    register_computation,
)


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test, the real one untouched."""
    monkeypatch.setattr(computations, "_computations", {})
    monkeypatch.setattr(computations, "_on_records_changed", [])


def _nothing(*, partnership, years=None, **parameters):
    return []


def test_a_computation_is_found_by_its_name(registry):
    registered = register_computation("reviews.open_cases", _nothing, "Open cases.")
    assert computation_named("reviews.open_cases") is registered
    assert registered.owner == "reviews"
    assert computation_named("reviews.closed_cases") is None


@pytest.mark.parametrize("name", ["open_cases", "Reviews.open", "reviews.open-cases", "a.b.c"])
def test_a_name_not_written_app_dot_what_is_refused(registry, name):
    with pytest.raises(ValueError):
        register_computation(name, _nothing, "Badly named.")


def test_parameters_are_checked_against_what_it_takes(registry):
    registered = register_computation(
        "reviews.by_kind",
        _nothing,
        "Reviews of a kind.",
        parameters={"kind": Parameter("Which reviews.", choices=("rapid", "serious")), "since": Parameter("From.")},
    )
    assert registered.problems({"kind": "rapid", "since": "2014"}) == []
    assert registered.problems({"kind": "local", "colour": "red"}) == [
        "reviews.by_kind takes no parameter 'colour'",
        "reviews.by_kind: kind must be one of rapid, serious, not 'local'",
        "reviews.by_kind needs the parameter 'since' (From.)",
    ]


def test_compute_passes_the_partnership_years_and_parameters(registry):
    seen = {}

    def count(*, partnership, years=None, kind):
        seen.update(partnership=partnership, years=years, kind=kind)
        return iter([ComputedFigure("2014-15", 3, "3 reviews")])

    registered = register_computation("reviews.count", count, "Reviews.", parameters={"kind": Parameter("Which.")})
    found = registered.compute(partnership="p", parameters={"kind": "rapid"}, years={"2014-15"})
    assert found == [ComputedFigure("2014-15", 3, "3 reviews")]
    assert seen == {"partnership": "p", "years": {"2014-15"}, "kind": "rapid"}


def test_records_changed_tells_every_registered_function(registry):
    heard = []
    on_records_changed(lambda owner, **kwargs: heard.append((owner, kwargs)))
    records_changed("section11", partnership_ids=[3, 1, 3], years=["2014-15"])
    assert heard == [("section11", {"partnership_ids": [1, 3], "years": ["2014-15"]})]
