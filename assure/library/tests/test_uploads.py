"""Checking an uploaded library document before it is added: assure/library/uploads.py."""

from pathlib import Path

import yaml

from assure.library.uploads import uploaded_document_check

SHIPPED = Path(__file__).resolve().parents[3] / "library" / "assure"


def _questionnaire(**header) -> bytes:
    content = yaml.safe_load((SHIPPED / "questionnaires" / "conference-checklist.yaml").read_text())
    content.update(header)
    return yaml.safe_dump(content).encode()


def _check(content: bytes, *, kind: str = "questionnaire", provider: str = "northshire"):
    return uploaded_document_check(
        name="uploads/ours.yaml", content=content, kind=kind, provider=provider, noun="questionnaire"
    )


def test_a_valid_document_of_the_kind_is_returned_with_no_problem(db):
    checked = _check(_questionnaire(provider="northshire", urn="urn:northshire:questionnaires:ours"))
    assert checked.problems == []
    assert checked.document.header.urn == "urn:northshire:questionnaires:ours"


def test_problems_name_the_file_as_it_was_uploaded(db):
    checked = _check(b"urn: urn:northshire:x\nversion: 0\n")
    assert checked.document is None
    assert checked.problems
    assert all(problem.startswith("ours.yaml") for problem in checked.problems)


def test_a_document_of_another_kind_is_refused(db):
    checked = _check(_questionnaire(provider="northshire"), kind="section11-framework")
    assert checked.document is None
    assert "not section11-framework" in checked.problems[0]


def test_another_partnerships_document_is_refused(db):
    checked = _check(_questionnaire(provider="southshire", urn="urn:southshire:questionnaires:theirs"))
    assert checked.document is None
    assert (
        "provider is 'southshire'; a questionnaire of this partnership has provider 'northshire'"
        in (checked.problems[0])
    )
