"""Frameworks in the library: the shipped ones load and read, and a broken framework file is
refused with problems that name the file, the framework and the criterion."""

import textwrap

import pytest

from assure.library.loader import LibraryInvalid, library_files, validate_library
from assure.library.selectors import current_item, current_items
from assure.section11.framework import Framework

SHIPPED_FRAMEWORKS = [p for p in library_files() if p.parent.name == "section11"]


def framework_document(*, scale: str = "rag", criterion_23: str = "", applies_to: str = "[]") -> str:
    """A small framework document of a partnership (provider 'testshire'): two standards."""
    criterion_23 = criterion_23 or '{ref: "2.3", text: Commissioning gives due regard to safeguarding.}'
    return textwrap.dedent(
        f"""\
        urn: urn:testshire:section11-frameworks:local
        version: 1
        kind: section11-framework
        provider: testshire
        title: Testshire Section 11
        items:
          - urn: urn:testshire:section11-framework:local
            code: testshire-local
            title: Testshire Section 11
            description: A local framework.
            scale: {scale}
            applies_to: {applies_to}
            standards:
              - number: 1
                title: Leadership
                criteria:
                  - {{ref: "1.1", text: A named lead.}}
              - number: 2
                title: Responsibilities
                criteria:
                  - {{ref: "2.1", text: A policy.}}
                  - {criterion_23}
        """
    )


@pytest.fixture
def write_framework(tmp_path):
    def write(text: str):
        path = tmp_path / "testshire-framework.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def problems_of(path) -> list[str]:
    with pytest.raises(LibraryInvalid) as caught:
        validate_library([path])
    return [str(p) for p in caught.value.problems]


def test_a_valid_partnership_framework_validates(db, write_framework):
    [document] = validate_library([write_framework(framework_document())])
    assert document.items[0].code == "testshire-local"


def test_unknown_agency_type_of_a_criterion_names_file_and_criterion(db, write_framework):
    path = write_framework(framework_document(criterion_23='{ref: "2.3", text: Commissioning., applies_to: [skool]}'))
    [problem] = problems_of(path)
    assert problem == (
        f"{path}: urn:testshire:section11-framework:local: standard 2, criterion 2.3: "
        "applies_to names unknown agency type 'skool'"
    )


def test_a_schema_error_names_the_standard_and_criterion_not_the_list_position(db, write_framework):
    path = write_framework(framework_document(criterion_23='{ref: "2.3", text: Commissioning., colour: red}'))
    [problem] = problems_of(path)
    assert str(path) in problem
    assert "standard 2, criterion 2.3: colour: Extra inputs are not permitted" in problem
    assert "standards.1" not in problem


def test_a_criterion_without_text_is_named_by_its_ref(db, write_framework):
    path = write_framework(framework_document(criterion_23='{ref: "2.3"}'))
    [problem] = problems_of(path)
    assert "standard 2, criterion 2.3: text: Field required" in problem


def test_duplicate_criterion_refs_are_refused(db, write_framework):
    path = write_framework(framework_document(criterion_23='{ref: "1.1", text: The same ref again.}'))
    [problem] = problems_of(path)
    assert str(path) in problem
    assert "standard 2, criterion 1.1: reference already used in standard 1" in problem


def test_unknown_scale_is_refused(db, write_framework):
    path = write_framework(framework_document(scale="traffic-lights"))
    [problem] = problems_of(path)
    assert problem.endswith(
        "urn:testshire:section11-framework:local: scale names unknown rating scale 'traffic-lights'"
    )


def test_unknown_agency_type_of_the_framework_is_refused(db, write_framework):
    path = write_framework(framework_document(applies_to="[school, nursery]"))
    [problem] = problems_of(path)
    assert problem.endswith("applies_to names unknown agency type 'nursery'")


def test_a_scale_defined_in_the_same_run_is_known(db, write_framework, tmp_path):
    scale = tmp_path / "testshire-scale.yaml"
    scale.write_text(
        textwrap.dedent(
            """\
            urn: urn:testshire:rating-scales
            version: 1
            kind: rating-scale
            provider: testshire
            title: Testshire scales
            items:
              - urn: urn:testshire:rating-scale:traffic-lights
                code: traffic-lights
                title: Traffic lights
                description: Local.
                levels: [{code: go, label: Go, compliant: true}, {code: stop, label: Stop, compliant: false}]
            """
        ),
        encoding="utf-8",
    )
    documents = validate_library([scale, write_framework(framework_document(scale="traffic-lights"))])
    assert len(documents) == 2


def test_four_frameworks_are_shipped():
    assert len(SHIPPED_FRAMEWORKS) == 4


@pytest.mark.parametrize("path", SHIPPED_FRAMEWORKS, ids=[p.name for p in SHIPPED_FRAMEWORKS])
def test_every_shipped_framework_validates_against_the_whole_library(path):
    # Validated with the rest of the library so its scale and agency types resolve from files.
    documents = validate_library(library_files())
    assert str(path).endswith(tuple(d.path for d in documents if d.header.kind == "section11-framework"))


SHIPPED_CODES = ["section11-classic-2007", "section11-working-together-2015", "schools-175-157", "early-years-settings"]


@pytest.mark.parametrize("code", SHIPPED_CODES)
def test_every_shipped_framework_is_loaded_and_reads(db, code):
    framework = Framework(current_item(kind="section11-framework", code=code))
    assert framework.criteria
    assert framework.scale.levels


def test_the_classic_framework_has_eight_standards_and_a_commissioning_criterion_2_3(db):
    framework = Framework(current_item(kind="section11-framework", code="section11-classic-2007"))
    assert [s.number for s in framework.standards] == list(range(1, 9))
    assert "commissioning" in framework.criterion("2.3").text.lower()


def test_the_classic_framework_is_self_scored_with_a_separate_moderated_score(db):
    framework = Framework(current_item(kind="section11-framework", code="section11-classic-2007"))
    assert (framework.scale.code, framework.moderated_scale.code) == ("self-score-0-3", "moderated-score-0-3")


def test_named_health_professionals_apply_to_health_agencies_only(db):
    framework = Framework(current_item(kind="section11-framework", code="section11-classic-2007"))
    refs = {c.ref for c in framework.applicable("acute-trust")} - {c.ref for c in framework.applicable("police")}
    assert refs == {"3.5"}


def test_schools_and_early_years_answer_their_own_frameworks(db):
    frameworks = {f.code: Framework(f) for f in current_items(kind="section11-framework")}
    assert frameworks["schools-175-157"].answered_by("school")
    assert frameworks["early-years-settings"].answered_by("early-years")
    assert not frameworks["section11-classic-2007"].answered_by("school")
