"""The ``audit-framework`` kind: tiers, terms and files per term, each problem named in the
author's words, and the framework and case-file audit tool Assure ships."""

import pytest
import yaml

from assure.library.loader import LibraryInvalid, validate_library
from assure.library.selectors import current_item
from assure.questionnaires.definition import questionnaire_of

pytestmark = pytest.mark.django_db

URN = "urn:testshire:audit-framework:termly"


TIERS = [
    {"code": "oversight", "title": "Oversight", "description": "Deep dives."},
    {"code": "practice", "title": "Practice", "description": "File audits."},
]
TERMS = [
    {"code": "autumn", "title": "Autumn term", "first_month": 9, "last_month": 12},
    {"code": "spring", "title": "Spring term", "first_month": 1, "last_month": 4},
]


def framework(*, tiers: list | None = None, terms: list | None = None, files: int = 10) -> str:
    """A document of one framework of the partnership "testshire" (YAML)."""
    item = {
        "urn": URN,
        "code": "termly",
        "title": "Termly audits",
        "description": "A test framework.",
        "files_per_term": files,
        "tiers": TIERS if tiers is None else tiers,
        "terms": TERMS if terms is None else terms,
    }
    header = {
        "urn": "urn:testshire:audit-frameworks",
        "version": 1,
        "kind": "audit-framework",
        "provider": "testshire",
        "title": "Test",
    }
    return yaml.safe_dump({**header, "items": [item]}, sort_keys=False)


def term(code: str, first: int, last: int) -> dict:
    return {"code": code, "title": code.title(), "first_month": first, "last_month": last}


def problems_of(path) -> list[str]:
    with pytest.raises(LibraryInvalid) as caught:
        validate_library([path])
    return [str(p) for p in caught.value.problems]


def test_a_valid_framework_passes(write_document):
    path = write_document(framework())
    assert [document.header.kind for document in validate_library([path])] == ["audit-framework"]


def test_two_tiers_with_one_code_are_refused_naming_the_code(write_document):
    path = write_document(
        framework(
            tiers=[
                {"code": "practice", "title": "Practice", "description": "One."},
                {"code": "practice", "title": "Practice again", "description": "Two."},
            ]
        )
    )
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}: {URN}: ")
    assert "tier practice: code used by 2 tiers" in problem


def test_two_terms_with_one_code_are_refused(write_document):
    path = write_document(framework(terms=[term("autumn", 9, 10), term("autumn", 11, 12)]))
    assert "term autumn: code used by 2 terms" in problems_of(path)[0]


def test_a_month_outside_1_to_12_is_refused(write_document):
    path = write_document(framework(terms=[term("autumn", 9, 13)]))
    [problem] = problems_of(path)
    assert "terms.0.last_month" in problem
    assert "less than or equal to 12" in problem


def test_overlapping_terms_are_refused_naming_the_month(write_document):
    path = write_document(framework(terms=[term("autumn", 9, 12), term("winter", 12, 2)]))
    assert "term winter: December is already in term autumn" in problems_of(path)[0]


def test_no_files_per_term_is_refused(write_document):
    path = write_document(framework(files=0))
    assert "files_per_term" in problems_of(path)[0]


def test_the_shipped_framework_has_three_tiers_three_terms_and_ten_files():
    item = current_item(kind="audit-framework", code="three-tiers")
    assert [tier["code"] for tier in item.data["tiers"]] == ["oversight", "practice", "compliance"]
    assert [(term["code"], term["first_month"], term["last_month"]) for term in item.data["terms"]] == [
        ("autumn", 9, 12),
        ("spring", 1, 4),
        ("summer", 5, 7),
    ]
    assert item.data["files_per_term"] == 10


def test_the_shipped_case_file_audit_tool_has_agency_sections_and_the_lead_auditors_grade():
    tool = questionnaire_of(current_item(kind="questionnaire", code="case-file-audit"))
    police = tool.sections_for(agency_type="police", role="agency-lead")
    assert [section.code for section in police] == ["police"]
    overall = tool.question("overall-grade")
    assert overall.type == "grade"
    assert [choice.code for choice in overall.choices] == ["outstanding", "good", "requires-improvement", "inadequate"]
    assert tool.question("sc-plan-weakness").shown_when.question == "sc-plan-smart"
