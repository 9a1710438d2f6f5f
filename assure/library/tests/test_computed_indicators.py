"""An indicator's ``computed`` block: it must name a registered computation, give only the
parameters that computation takes, name library items that exist, and be yearly."""

import textwrap

import pytest

from assure.library.loader import LibraryInvalid, validate_library

URN = "urn:test:indicator:counted"


def indicator_document(computed: str, *, frequency: str = "annual", source: str = "computed") -> str:
    """A document of one indicator whose ``computed`` block is ``computed`` (YAML, indented)."""
    block = textwrap.indent(textwrap.dedent(computed).strip("\n"), "      ")
    return (
        "urn: urn:test:indicators\nversion: 1\nkind: indicator\nprovider: test\ntitle: Test indicators\nitems:\n"
        f"  - urn: {URN}\n    code: counted\n    title: Counted\n    definition: Counted from the records.\n"
        f"    unit: percentage\n    polarity: higher_is_better\n    frequency: {frequency}\n    theme: outcomes\n"
        f"    source: {source}\n    computed:\n{block}\n"
    )


def problems_of(path) -> list[str]:
    with pytest.raises(LibraryInvalid) as caught:
        validate_library([path])
    return [str(p) for p in caught.value.problems]


def test_a_registered_computation_validates(db, write_document):
    path = write_document(
        indicator_document("computation: section11.compliance_percent\nparameters: {framework: schools-175-157}")
    )
    [document] = validate_library([path])
    assert document.items[0].computed.computation == "section11.compliance_percent"


def test_an_unknown_computation_is_refused_naming_the_file_and_the_urn(db, write_document):
    path = write_document(indicator_document("computation: section11.made_up\nparameters: {}"))
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}: {URN}: computed.computation")
    assert "no computation 'section11.made_up' is registered" in problem


def test_a_parameter_the_computation_does_not_take_is_refused(db, write_document):
    path = write_document(
        indicator_document("computation: partnerships.meetings_held\nparameters: {body: board, colour: red}")
    )
    [problem] = problems_of(path)
    assert URN in problem and "partnerships.meetings_held takes no parameter 'colour'" in problem


def test_a_missing_parameter_is_refused(db, write_document):
    path = write_document(indicator_document("computation: section11.compliance_percent"))
    [problem] = problems_of(path)
    assert "needs the parameter 'framework'" in problem


def test_a_framework_the_library_does_not_hold_is_refused(db, write_document):
    path = write_document(
        indicator_document("computation: section11.compliance_percent\nparameters: {framework: no-such-framework}")
    )
    [problem] = problems_of(path)
    assert problem == (
        f"{path}: {URN}: computed.parameters.framework names unknown section11 framework 'no-such-framework'"
    )


def test_a_computed_indicator_is_yearly(db, write_document):
    path = write_document(
        indicator_document("computation: partnerships.meetings_held\nparameters: {body: board}", frequency="quarterly")
    )
    [problem] = problems_of(path)
    assert "a computed indicator is annual" in problem


def test_a_computed_source_needs_its_computation(db, write_document):
    text = indicator_document("computation: partnerships.meetings_held").replace(
        "    computed:\n      computation: partnerships.meetings_held\n", ""
    )
    [problem] = problems_of(write_document(text))
    assert "needs a computed block" in problem
