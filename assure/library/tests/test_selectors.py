"""Reads of current library content."""

import yaml
from django.conf import settings

from assure.library.loader import load_library
from assure.library.selectors import current_item, current_items, role_definitions

from .conftest import sector_document

REVISED_ITEMS = """
- {urn: "urn:test:sector:alpha", code: alpha, title: Alpha renamed, description: The first test sector.}
- {urn: "urn:test:sector:gamma", code: gamma, title: Gamma, description: A sector added in version 2.}
"""


def test_current_items_come_from_the_newest_version(db, write_document):
    load_library([write_document(sector_document(), "v1.yaml")])
    load_library([write_document(sector_document(version=2, items=REVISED_ITEMS), "v2.yaml")])
    mine = current_items(kind="sector").filter(document__urn="urn:test:sectors")
    assert [(i.code, i.title, i.document.version) for i in mine] == [
        ("alpha", "Alpha renamed", 2),
        ("gamma", "Gamma", 2),
    ]


def test_current_item_finds_one_item_by_code(db):
    item = current_item(kind="agency-type", code="police")
    assert item.title == "Police force"
    assert item.data["sector"] == "police"


def test_current_item_is_none_for_an_unknown_code(db):
    assert current_item(kind="agency-type", code="astrologer") is None


def test_role_definitions_reflect_the_roles_document(db, fresh_role_cache):
    shipped = yaml.safe_load((settings.LIBRARY_DIR / "assure" / "roles.yaml").read_text())
    definitions = role_definitions()
    assert set(definitions) == {item["code"] for item in shipped["items"]}
    for item in shipped["items"]:
        definition = definitions[item["code"]]
        assert definition.mfa_required == item["mfa_required"]
        assert definition.agency_scoped == item["agency_scoped"]
        assert definition.permissions == frozenset(item["permissions"])
        assert definition.restricted_areas == frozenset(item.get("restricted_areas", []))


def test_a_newly_loaded_roles_version_takes_effect_at_once(db, fresh_role_cache, tmp_path):
    assert "viewer" in role_definitions()
    shipped = yaml.safe_load((settings.LIBRARY_DIR / "assure" / "roles.yaml").read_text())
    shipped["version"] += 1
    shipped["items"] = [item for item in shipped["items"] if item["code"] != "viewer"]
    path = tmp_path / "roles.yaml"
    path.write_text(yaml.safe_dump(shipped))
    load_library([path])
    assert "viewer" not in role_definitions()
    assert "business-unit" in role_definitions()
