"""Validating and loading library documents: errors name the file and the URN, and a loaded
version is never rewritten."""

import pytest

from assure.library.loader import LibraryInvalid, load_library, validate_library
from assure.library.models import LibraryDocument, LibraryItem

from .conftest import sector_document


def problems_of(path) -> list[str]:
    with pytest.raises(LibraryInvalid) as caught:
        validate_library([path])
    return [str(p) for p in caught.value.problems]


def test_a_valid_document_validates(write_document):
    [document] = validate_library([write_document(sector_document())])
    assert [item.code for item in document.items] == ["alpha", "beta"]


def test_unknown_key_is_named_with_file_and_item_urn(write_document):
    path = write_document(
        sector_document(
            items='- {urn: "urn:test:sector:alpha", code: alpha, title: Alpha, description: A, colour: red}'
        )
    )
    [problem] = problems_of(path)
    assert str(path) in problem
    assert "urn:test:sector:alpha" in problem
    assert "colour" in problem


def test_bad_urn_is_named(write_document):
    path = write_document(sector_document(items="- {urn: not-a-urn, code: alpha, title: Alpha, description: A}"))
    [problem] = problems_of(path)
    assert str(path) in problem
    assert "not-a-urn" in problem
    assert "urn" in problem


def test_wrong_type_is_named_with_the_field(write_document):
    roles = """urn: urn:test:roles
version: 1
kind: role
provider: test
title: Test roles
items:
  - urn: urn:test:role:reader
    code: reader
    title: Reader
    description: Reads.
    mfa_required: sometimes
    agency_scoped: false
    permissions: [partnerships.view]
"""
    [problem] = problems_of(write_document(roles))
    assert "urn:test:role:reader" in problem
    assert "mfa_required" in problem


def test_duplicate_urn_in_a_document_is_refused(write_document):
    path = write_document(
        sector_document(
            items="""
            - {urn: "urn:test:sector:alpha", code: alpha, title: Alpha, description: A}
            - {urn: "urn:test:sector:alpha", code: other, title: Other, description: B}
            """
        )
    )
    [problem] = problems_of(path)
    assert str(path) in problem
    assert "urn:test:sector:alpha" in problem
    assert "twice" in problem


def test_duplicate_code_in_a_document_is_refused(write_document):
    path = write_document(
        sector_document(
            items="""
            - {urn: "urn:test:sector:alpha", code: alpha, title: Alpha, description: A}
            - {urn: "urn:test:sector:other", code: alpha, title: Other, description: B}
            """
        )
    )
    [problem] = problems_of(path)
    assert "urn:test:sector:other" in problem
    assert "code 'alpha'" in problem


def test_item_urn_shared_by_two_documents_is_refused(write_document):
    first = write_document(sector_document(), "first.yaml")
    second = write_document(
        sector_document().replace("urn: urn:test:sectors", "urn: urn:test:more-sectors"), "second.yaml"
    )
    with pytest.raises(LibraryInvalid) as caught:
        validate_library([first, second])
    problem = str(caught.value.problems[0])
    assert str(second) in problem
    assert "urn:test:sector:alpha" in problem


def test_invalid_yaml_names_the_file(write_document):
    path = write_document("urn: urn:test:sectors\nitems: [unclosed\n")
    [problem] = problems_of(path)
    assert str(path) in problem
    assert "not valid YAML" in problem


def test_unknown_kind_is_refused(write_document):
    [problem] = problems_of(write_document(sector_document().replace("kind: sector", "kind: horoscope")))
    assert "urn:test:sectors" in problem
    assert "kind" in problem


def test_every_problem_of_every_file_is_reported_at_once(write_document):
    first = write_document("urn: [", "first.yaml")
    second = write_document(
        sector_document(items="- {urn: nope, code: alpha, title: A, description: A}"), "second.yaml"
    )
    with pytest.raises(LibraryInvalid) as caught:
        validate_library([first, second])
    assert {p.path for p in caught.value.problems} == {str(first), str(second)}


def test_loading_the_library_twice_changes_nothing(db):
    before = dict(LibraryDocument.objects.values_list("pk", "checksum"))
    items_before = LibraryItem.objects.count()
    report = load_library()
    assert report.created == []
    assert dict(LibraryDocument.objects.values_list("pk", "checksum")) == before
    assert LibraryItem.objects.count() == items_before


def test_changed_content_with_the_same_version_is_refused(db, write_document):
    path = write_document(sector_document())
    load_library([path])
    path.write_text(sector_document(title="Renamed sectors"), encoding="utf-8")
    with pytest.raises(LibraryInvalid) as caught:
        load_library([path])
    assert "publish it as a new version" in str(caught.value)
    assert LibraryDocument.objects.get(urn="urn:test:sectors").title == "Test sectors"


def test_layout_and_comments_are_not_content(db, write_document):
    path = write_document(sector_document())
    load_library([path])
    path.write_text("# A comment\n" + sector_document().replace("title: Test sectors", "title:   Test sectors"))
    assert load_library([path]).created == []


def test_a_refused_load_loads_nothing(db, write_document):
    good = write_document(sector_document(), "good.yaml")
    bad = write_document("urn: [", "bad.yaml")
    with pytest.raises(LibraryInvalid):
        load_library([good, bad])
    assert not LibraryDocument.objects.filter(urn="urn:test:sectors").exists()


def test_a_new_version_is_stored_beside_the_old_one(db, write_document):
    load_library([write_document(sector_document(), "v1.yaml")])
    old_items = set(LibraryItem.objects.filter(document__urn="urn:test:sectors").values_list("pk", flat=True))
    load_library([write_document(sector_document(version=2, title="Test sectors, revised"), "v2.yaml")])
    assert sorted(LibraryDocument.objects.filter(urn="urn:test:sectors").values_list("version", flat=True)) == [1, 2]
    assert old_items <= set(LibraryItem.objects.values_list("pk", flat=True))
