"""The shipped library: every document is valid, loaded, and says what it should."""

import pytest

from assure.library.loader import library_files, validate_file
from assure.library.models import LibraryDocument
from assure.library.selectors import current_items

SHIPPED = library_files()


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_every_library_file_is_valid(path):
    document, problems = validate_file(path)
    assert problems == []
    assert document is not None


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_every_library_file_is_loaded_as_it_stands(db, path):
    document, _ = validate_file(path)
    stored = LibraryDocument.objects.get(urn=document.header.urn, version=document.header.version)
    assert stored.checksum == document.checksum
    assert stored.items.count() == len(document.items)


def test_the_eight_classic_section11_standards_are_numbered_one_to_eight(db):
    standards = current_items(kind="section11-standard")
    assert sorted(s.data["number"] for s in standards) == list(range(1, 9))


def test_section11_standards_keep_their_verification(db):
    verification = {
        s.data["number"]: s.data["provenance"]["verification"] for s in current_items(kind="section11-standard")
    }
    assert verification[1] == "verified"
    assert verification[6] == "paraphrase"


def test_child_death_categories_run_from_one_to_ten(db):
    categories = current_items(kind="cdop-category")
    assert sorted(c.data["number"] for c in categories) == list(range(1, 11))


def test_unconfirmed_child_death_categories_are_marked_for_checking(db):
    to_check = {
        c.data["number"] for c in current_items(kind="cdop-category") if c.data["provenance"]["verification"] == "check"
    }
    assert to_check == {2, 6, 7, 8, 9, 10}


def test_allegation_outcomes_are_the_five_of_current_guidance(db):
    codes = {o.code for o in current_items(kind="allegation-outcome")}
    assert codes == {"substantiated", "malicious", "false", "unsubstantiated", "unfounded"}


def test_four_point_scale_counts_fully_and_mostly_met_as_compliant(db):
    scale = current_items(kind="rating-scale").get(code="fully-mostly-partially-not-met")
    compliant = {level["code"] for level in scale.data["levels"] if level["compliant"]}
    assert compliant == {"fully-met", "mostly-met"}


def test_self_score_and_moderated_score_are_paired(db):
    scales = {s.code: s.data for s in current_items(kind="rating-scale")}
    assert scales["self-score-0-3"]["paired_with"] == "moderated-score-0-3"
    assert scales["moderated-score-0-3"]["paired_with"] == "self-score-0-3"
    assert [level["score"] for level in scales["moderated-score-0-3"]["levels"]] == [0, 1, 2, 3]


def test_every_agency_type_names_a_sector_of_the_library(db):
    sectors = {s.code for s in current_items(kind="sector")}
    assert {t.data["sector"] for t in current_items(kind="agency-type")} <= sectors


def test_every_restricted_area_a_role_names_exists(db):
    areas = {a.code for a in current_items(kind="restricted-area")}
    for role in current_items(kind="role"):
        assert set(role.data.get("restricted_areas", [])) <= areas, role.code
