"""The indicator catalogue: the library's indicator content, the catalogue selector and page."""

import csv
import io

import pytest
from django.urls import reverse

from assure.library.models import LibraryDocument, LibraryItem
from assure.library.selectors import current_item, current_items
from assure.performance.models import Indicator
from assure.performance.selectors.catalogue import catalogue_indicators, indicator_themes

THEMES = ["outcomes", "child-protection-activity", "quality-and-timeliness", "quality-of-plans", "workforce"]

# The measures the seed's annual report gives figures for, which the demo enters as returns.
SEED_MEASURES = [
    "eh-assessments",
    "eh-plans",
    "csc-referrals",
    "csc-referrals-nfa-percent",
    "csc-rereferrals-percent",
    "csc-assessments-45-days-percent",
    "csc-s47-rate",
    "csc-icpc-15-days-percent",
    "csc-cp-plans",
    "csc-cp-plans-rate",
    "csc-cp-plans-2-years-percent",
    "csc-cp-plans-second-2-years-percent",
    "csc-lac",
    "csc-lac-rate",
    "police-offences-against-children-rate",
    "edu-cme",
    "edu-ehe-registered",
    "edu-part-time-timetables",
    "pf-notifications",
    "s136-police-custody",
    "s136-health-place-of-safety",
]
# The seed's measures Assure counts from its own records (the conferences' checklists, the
# designated officer's referrals, the training records, the multi-agency registers) instead.
SEED_MEASURES_COMPUTED = [
    "cpc-conferences",
    "cpc-core-groups-contribution-percent",
    "cpc-agencies-present-percent",
    "lado-referrals",
    "training-sessions",
    "training-delegates",
    "training-conference-delegates",
    "cse-panel-referrals",
    "marac-cases",
    "marac-repeat-cases",
    "marac-children",
]


def url(partnership, **query) -> str:
    return reverse("performance:catalogue", kwargs={"partnership": partnership.slug})


def indicator_data() -> list[dict]:
    return [item.data for item in current_items(kind="indicator")]


# --- the library's content -------------------------------------------------------------------


def test_the_five_framework_themes_are_in_the_library(db):
    assert list(indicator_themes()) == THEMES


def test_every_indicator_belongs_to_a_known_theme(db):
    unknown = {d["code"]: d["theme"] for d in indicator_data() if d["theme"] not in THEMES}
    assert unknown == {}


def test_indicator_codes_are_unique_across_documents(db):
    codes = [d["code"] for d in indicator_data()]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("code", SEED_MEASURES)
def test_the_core_dataset_holds_each_measure_of_the_seed(db, code):
    item = current_item(kind="indicator", code=code)
    assert item is not None and item.data["source"] in ("agency_return", "local_import")


@pytest.mark.parametrize("code", SEED_MEASURES_COMPUTED)
def test_the_core_dataset_counts_the_seeds_conference_measures(db, code):
    item = current_item(kind="indicator", code=code)
    assert item is not None and item.data["source"] == "computed"


def test_every_percentage_lies_between_0_and_100(db):
    wrong = [
        d["code"] for d in indicator_data() if d["unit"] == "percentage" and (d["minimum"], d["maximum"]) != (0, 100)
    ]
    assert wrong == []


def test_every_core_dataset_percentage_names_its_numerator_and_denominator(db):
    core = current_items(kind="indicator").filter(document__urn="urn:assure:indicators:core-dataset")
    missing = [
        i.code for i in core if i.data["unit"] == "percentage" and not (i.data["numerator"] and i.data["denominator"])
    ]
    assert missing == []


def test_every_core_dataset_indicator_has_a_definition_and_a_change_warning(db):
    core = current_items(kind="indicator").filter(document__urn="urn:assure:indicators:core-dataset")
    assert core.count() > 60
    assert all(i.data["definition"] and i.data["change_warning"] for i in core)


def test_the_default_rag_rule_is_target_with_tolerance(db):
    rule = current_item(kind="rag-rule", code="target-with-tolerance")
    assert [band["when"] for band in rule.data["bands"]] == ["meets_target", "within_tolerance", "otherwise"]
    assert rule.data["default_tolerance_percent"] == 5


def test_the_exception_rules_cover_red_worsening_and_bottom_quartile(db):
    rules = {item.data["condition"]: item.data for item in current_items(kind="exception-rule")}
    assert set(rules) == {"rag_red", "worsening", "bottom_quartile"}
    assert (rules["worsening"]["periods"], rules["worsening"]["beyond_tolerance"]) == (2, True)


def test_every_indicator_of_the_library_has_an_indicator_record(db):
    assert Indicator.objects.filter(code="csc-rereferrals-percent").exists()
    assert Indicator.objects.count() >= current_items(kind="indicator").count()


# --- the selector ----------------------------------------------------------------------------


def _own_indicator(slug: str, code: str) -> Indicator:
    """An indicator from a partnership's own library document."""
    document = LibraryDocument.objects.create(
        urn=f"urn:{slug}:indicators",
        version=1,
        kind="indicator",
        provider=slug,
        title=f"{slug} indicators",
        checksum=code,
        source_path=f"library/{slug}/indicators.yaml",
        content={},
    )
    base = current_item(kind="indicator", code="csc-referrals").data
    item = LibraryItem.objects.create(
        document=document,
        urn=f"urn:{slug}:indicator:{code}",
        kind="indicator",
        code=code,
        title=f"Local measure {code}",
        position=0,
        data={**base, "code": code, "urn": f"urn:{slug}:indicator:{code}", "title": f"Local measure {code}"},
    )
    return Indicator.objects.create(urn=item.urn, code=code, definition=item)


def test_catalogue_holds_the_core_dataset_and_the_published_measures(board_member, partnership):
    codes = set(catalogue_indicators(user=board_member, partnership=partnership).values_list("code", flat=True))
    assert {"csc-referrals", "dfe-referrals"} <= codes


def test_catalogue_holds_the_partnerships_own_indicators(board_member, partnership):
    own = _own_indicator(partnership.slug, "northshire-hotel-visits")
    assert own in catalogue_indicators(user=board_member, partnership=partnership)


def test_catalogue_leaves_out_another_partnerships_own_indicators(board_member, partnership, other_partnership):
    foreign = _own_indicator(other_partnership.slug, "southshire-hotel-visits")
    assert foreign not in catalogue_indicators(user=board_member, partnership=partnership)


@pytest.mark.parametrize("persona", ["viewer", "outsider"], indirect=True)
def test_catalogue_is_empty_for_those_who_may_not_view_performance(persona, partnership):
    assert not catalogue_indicators(user=persona, partnership=partnership).exists()


# --- the page --------------------------------------------------------------------------------


def test_page_lists_indicators_with_theme_unit_polarity_and_source(client, board_member, partnership):
    client.force_login(board_member)
    page = client.get(url(partnership), {"q": "re-referrals within"}).content.decode()
    assert "Re-referrals within 12 months" in page
    assert "The quality and timeliness of decision making" in page
    assert "Percentage" in page and "Lower is better" in page and "Agency return" in page


def test_page_links_each_title_to_the_indicators_page(client, board_member, partnership):
    client.force_login(board_member)
    page = client.get(url(partnership), {"q": "csc-rereferrals-percent"}).content.decode()
    assert (
        reverse("performance:indicator", kwargs={"partnership": "northshire", "code": "csc-rereferrals-percent"})
        in page
    )


def test_page_filters_by_theme(client, board_member, partnership):
    client.force_login(board_member)
    page = client.get(url(partnership), {"theme": "workforce"}).content.decode()
    assert "Multi-agency training sessions delivered" in page
    assert "Re-referrals within 12 months" not in page


@pytest.mark.parametrize(
    ("field", "value", "kept", "left_out"),
    [
        ("source", "dfe_publication", "dfe-referrals", "csc-referrals"),
        ("unit", "rate_per_10000", "csc-s47-rate", "csc-referrals"),
        ("polarity", "higher_is_better", "training-delegates", "csc-referrals"),
    ],
)
def test_page_filters_by_source_unit_and_polarity(client, board_member, partnership, field, value, kept, left_out):
    client.force_login(board_member)
    response = client.get(url(partnership), {field: value, "_export": "csv"})
    codes = {line.split(",")[0] for line in response.content.decode("utf-8-sig").splitlines()}
    assert kept in codes and left_out not in codes


def test_page_searches_definitions(client, board_member, partnership):
    client.force_login(board_member)
    response = client.get(url(partnership), {"q": "Mental Health Act", "_export": "csv"})
    codes = {line.split(",")[0] for line in response.content.decode("utf-8-sig").splitlines()[1:]}
    assert codes == {"s136-detentions-under-18"}


def test_export_holds_every_filtered_indicator_with_its_definition(client, board_member, partnership):
    client.force_login(board_member)
    response = client.get(url(partnership), {"theme": "workforce", "_export": "csv"})
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Code,Indicator,Theme,Unit,Polarity,Frequency,Source,Definition")
    assert "delegates marked attended" in text
    assert "Workforce" in text


def test_page_offers_the_set_up_to_the_business_unit_only(client, business_unit, board_member, partnership):
    setup = reverse("performance:setup", kwargs={"partnership": partnership.slug})
    client.force_login(business_unit)
    assert setup in client.get(url(partnership)).content.decode()
    client.force_login(board_member)
    assert setup not in client.get(url(partnership)).content.decode()


def test_viewer_may_not_see_the_catalogue(client, viewer, partnership):
    client.force_login(viewer)
    assert client.get(url(partnership)).status_code == 403


def test_outsider_gets_not_found(client, outsider, partnership):
    client.force_login(outsider)
    assert client.get(url(partnership)).status_code == 404


@pytest.mark.parametrize(
    ("sort", "attribute"),
    [
        ("theme", "definition__data__theme"),
        ("-title", "definition__title"),
        ("polarity", "definition__data__polarity"),
        ("-source", "definition__data__source"),
    ],
)
def test_page_sorts_by_the_indicators_attributes(client, board_member, partnership, sort, attribute):
    client.force_login(board_member)
    assert client.get(url(partnership), {"sort": sort}).status_code == 200
    # The download holds every row of the register in the page's order.
    response = client.get(url(partnership), {"sort": sort, "_export": "csv"})
    codes = [row["Code"] for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))]
    value_of = dict(Indicator.objects.filter(code__in=codes).values_list("code", attribute))
    shown = [value_of[code] for code in codes]
    # The database's own order (its collation) for the same values, ascending or descending.
    ordered = Indicator.objects.filter(code__in=codes).order_by(("-" if sort.startswith("-") else "") + attribute)
    assert shown == list(ordered.values_list(attribute, flat=True))
    assert len(set(shown)) > 1


def test_sorting_by_unit_puts_counts_before_percentages(client, board_member, partnership):
    client.force_login(board_member)
    response = client.get(url(partnership), {"sort": "unit", "_export": "csv"})
    units = [row["Unit"] for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))]
    assert units.index("Count") < units.index("Percentage")
