"""The kinds published statistics are described with: statistics mappings (read or derived
measures), indicators' rates and pairings. Every indicator they name must exist, in the files
checked or in the library already, and each problem names the file and the item's URN."""

import textwrap
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from assure.library.loader import LibraryInvalid, load_library, validate_library
from assure.library.models import LibraryDocument

pytestmark = pytest.mark.django_db

MAPPING_URN = "urn:testshire:statistics-mapping:s47"
PAIRING_URN = "urn:testshire:indicator-pairing:icpc"


def document(urn: str, kind: str, items: str, *, provider: str = "testshire") -> str:
    body = textwrap.indent(textwrap.dedent(items).strip("\n"), "  ")
    return f"urn: {urn}\nversion: 1\nkind: {kind}\nprovider: {provider}\ntitle: Test\nitems:\n{body}\n"


def mapping(measures: str) -> str:
    """A statistics mapping of the partnership "testshire" with the measures given (YAML)."""
    measures = textwrap.indent(textwrap.dedent(measures).strip("\n"), "      ")
    return document(
        "urn:testshire:statistics-mappings:s47",
        "statistics-mapping",
        f"""
        - urn: {MAPPING_URN}
          code: testshire-s47
          title: Section 47 enquiries
          description: Enquiries and conferences.
          publication: Section 47 enquiries
          file_pattern: "s47_*.csv"
          period_convention: year_ending_march
          levels: {{Local authority: local_authority}}
          code_columns: {{local_authority: new_la_code}}
          measures:
        """
        + measures,
    )


def indicator(code: str, **fields: str) -> str:
    """An indicator item (YAML) of the partnership "testshire"; ``fields`` add to or replace its own."""
    given = {
        "urn": f"urn:testshire:indicator:{code}",
        "code": code,
        "title": code,
        "definition": "A test measure.",
        "unit": "count",
        "polarity": "neither",
        "frequency": "annual",
        "theme": "child-protection-activity",
        "source": "dfe_publication",
        **fields,
    }
    lines = [f"{key}: {value}" for key, value in given.items()]
    return "- " + "\n  ".join(lines)


def indicators(*items: str) -> str:
    return document("urn:testshire:indicators:published", "indicator", "\n".join(items))


def pairings(*pairs: tuple[str, str], provider: str = "testshire", urn: str = "pairings") -> str:
    items = "\n".join(
        f"- {{urn: 'urn:{provider}:indicator-pairing:{urn}-{n}', code: {provider}-{urn}-{n}, title: Pair {n}, "
        f"indicator: {local}, published_as: {published}}}"
        for n, (local, published) in enumerate(pairs, start=1)
    )
    return document(f"urn:{provider}:indicator-pairings:{urn}", "indicator-pairing", items, provider=provider)


def problems_of(*paths) -> list[str]:
    with pytest.raises(LibraryInvalid) as caught:
        validate_library(list(paths))
    return [str(p) for p in caught.value.problems]


# --- every indicator named must exist ----------------------------------------------------------


def test_a_measure_naming_a_missing_indicator_is_refused_naming_file_and_urn(write_document):
    path = write_document(mapping("- {column: s47_count, indicator: testshire-s47-enquiries}"))
    assert problems_of(path) == [
        f"{path}: {MAPPING_URN}: measure s47_count: indicator names unknown indicator 'testshire-s47-enquiries'"
    ]


def test_a_derived_measure_naming_a_missing_indicator_is_named_by_its_columns(write_document):
    path = write_document(
        mapping("- {indicator: testshire-icpc-percent, derive: ratio, columns: [icpc_15_days, icpc], per: 100}")
    )
    assert problems_of(path) == [
        f"{path}: {MAPPING_URN}: measure ratio of icpc_15_days, icpc: indicator names unknown indicator "
        "'testshire-icpc-percent'"
    ]


def test_a_measure_naming_an_indicator_of_a_file_checked_with_it_passes(write_document):
    own = write_document(indicators(indicator("testshire-s47-enquiries")), "indicators.yaml")
    path = write_document(mapping("- {column: s47_count, indicator: testshire-s47-enquiries}"))
    assert len(validate_library([own, path])) == 2


def test_a_measure_naming_a_shipped_indicator_passes(write_document):
    path = write_document(mapping("- {column: referral_count, indicator: dfe-referrals}"))
    [checked] = validate_library([path])
    assert checked.items[0].measures[0].indicator == "dfe-referrals"


@pytest.mark.parametrize("field", ["rate_of", "published_as"])
def test_an_indicator_naming_a_missing_indicator_is_refused(write_document, field):
    extra = {"unit": "rate_per_10000", "rate_population": "population-0-17"} if field == "rate_of" else {}
    path = write_document(indicators(indicator("testshire-rate", **{field: "testshire-nothing"}, **extra)))
    assert problems_of(path) == [
        f"{path}: urn:testshire:indicator:testshire-rate: {field} names unknown indicator 'testshire-nothing'"
    ]


def test_a_rate_per_10000_of_a_missing_population_is_refused(write_document):
    rate = indicator("testshire-rate", unit="rate_per_10000", rate_of="dfe-referrals", rate_population="children-0-17")
    path = write_document(indicators(rate))
    assert problems_of(path) == [
        f"{path}: urn:testshire:indicator:testshire-rate: rate_population names unknown indicator 'children-0-17'"
    ]


@pytest.mark.parametrize("field", ["indicator", "published_as"])
def test_a_pairing_naming_a_missing_indicator_is_refused_naming_file_and_urn(write_document, field):
    pair = ("csc-nothing", "dfe-referrals") if field == "indicator" else ("csc-referrals", "dfe-nothing")
    path = write_document(pairings(pair))
    missing = pair[0] if field == "indicator" else pair[1]
    assert problems_of(path) == [
        f"{path}: urn:testshire:indicator-pairing:pairings-1: {field} names unknown indicator '{missing}'"
    ]


def test_library_load_loads_nothing_when_a_mapping_names_a_missing_indicator(write_document, tmp_path):
    write_document(indicators(indicator("testshire-s47-enquiries")), "indicators.yaml")
    write_document(mapping("- {column: s47_count, indicator: testshire-s47-enquirys}"))
    with pytest.raises(CommandError):
        call_command("library_load", str(tmp_path), stdout=StringIO(), stderr=StringIO())
    assert not LibraryDocument.objects.filter(provider="testshire").exists()


def test_library_validate_prints_the_file_and_urn_of_a_missing_indicator(write_document):
    path = write_document(pairings(("csc-referrals", "dfe-referals")))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("library_validate", str(path), stderr=err)
    assert f"{path}: urn:testshire:indicator-pairing:pairings-1: published_as names unknown indicator" in (
        err.getvalue()
    )


# --- a rate names its population -------------------------------------------------------------


def test_a_rate_without_its_population_is_refused(write_document):
    path = write_document(indicators(indicator("testshire-rate", unit="rate_per_10000", rate_of="dfe-referrals")))
    [problem] = problems_of(path)
    assert problem.startswith(
        f"{path}: urn:testshire:indicator:testshire-rate: rate_population: a rate of 'dfe-referrals' needs "
        "rate_population"
    )


def test_a_population_without_a_rate_is_refused(write_document):
    path = write_document(indicators(indicator("testshire-count", rate_population="population-0-17")))
    [problem] = problems_of(path)
    assert problem.endswith("rate_population: rate_population is only for a rate: give rate_of too")


def test_a_rate_of_a_count_must_be_per_10000(write_document):
    rate = indicator("testshire-rate", unit="percentage", rate_of="dfe-referrals", rate_population="population-0-17")
    [problem] = problems_of(write_document(indicators(rate)))
    assert problem.endswith(
        "rate_of: a rate worked out from a count (rate_of) is per 10,000: its unit must be rate_per_10000"
    )


def test_a_rate_naming_its_count_and_population_passes(write_document):
    rate = indicator(
        "testshire-rate", unit="rate_per_10000", rate_of="dfe-referrals", rate_population="population-0-17"
    )
    [checked] = validate_library([write_document(indicators(rate))])
    assert checked.items[0].rate_population == "population-0-17"


# --- the shape of a measure ------------------------------------------------------------------


def test_a_derived_ratio_is_read_with_its_columns_and_per(write_document):
    path = write_document(
        mapping("- {indicator: dfe-referrals-nfa-percent, derive: ratio, columns: [nfa, referrals], per: 100}")
    )
    [checked] = validate_library([path])
    measure = checked.items[0].measures[0]
    assert (measure.derive, measure.columns, measure.per, measure.column) == ("ratio", ["nfa", "referrals"], 100, None)


@pytest.mark.parametrize(
    ("measure", "message"),
    [
        (
            "{indicator: dfe-referrals}",
            "measure 1 (counting from the top): give the column holding the value, or derive with columns",
        ),
        (
            "{column: a, indicator: dfe-referrals, derive: sum, columns: [a, b]}",
            "measure a: give either column or derive with columns, not both",
        ),
        (
            "{column: a, indicator: dfe-referrals, columns: [a, b]}",
            "measure a: columns and per are for a derived figure: add derive",
        ),
        (
            "{indicator: dfe-referrals, derive: ratio, columns: [a, b]}",
            "measure ratio of a, b: a ratio needs per: 100 for a percentage, 1 for a plain ratio",
        ),
        (
            "{indicator: dfe-referrals, derive: ratio, columns: [a, b, c], per: 100}",
            "measure ratio of a, b, c: a ratio needs two columns: the numerator, then the denominator",
        ),
        ("{indicator: dfe-referrals, derive: sum, columns: [a]}", "measure sum of a: a sum needs two or more columns"),
        (
            "{indicator: dfe-referrals, derive: difference, columns: [a, a]}",
            "measure difference of a, a: columns names a column twice",
        ),
        (
            "{indicator: dfe-referrals, derive: sum, columns: [a, b], per: 100}",
            "measure sum of a, b: per is for a ratio only",
        ),
        (
            "{indicator: dfe-referrals, derive: ratio, columns: [a, b], per: 100, numerator_column: a}",
            "measure ratio of a, b: a derived figure needs no numerator_column or denominator_column: a ratio keeps "
            "its own",
        ),
        (
            "{indicator: dfe-referrals, derive: average, columns: [a, b]}",
            "measure average of a, b: derive: Input should be 'sum', 'difference' or 'ratio'",
        ),
    ],
)
def test_a_measure_of_the_wrong_shape_is_refused_in_the_authors_words(write_document, measure, message):
    path = write_document(mapping(f"- {measure}"))
    assert problems_of(path) == [f"{path}: {MAPPING_URN}: {message}"]


# --- pairings ---------------------------------------------------------------------------------


def test_a_pairing_of_a_shipped_indicator_with_a_published_one_passes(write_document):
    [checked] = validate_library([write_document(pairings(("csc-icpc-15-days-percent", "dfe-referrals")))])
    pairing = checked.items[0]
    assert (pairing.indicator, pairing.published_as) == ("csc-icpc-15-days-percent", "dfe-referrals")


def test_an_indicator_paired_with_itself_is_refused(write_document):
    [problem] = problems_of(write_document(pairings(("csc-referrals", "csc-referrals"))))
    assert problem.endswith(
        "urn:testshire:indicator-pairing:pairings-1: published_as: an indicator cannot be paired with itself"
    )


def test_one_indicator_paired_twice_in_a_document_is_refused(write_document):
    path = write_document(pairings(("csc-referrals", "dfe-referrals"), ("csc-referrals", "dfe-rereferrals")))
    assert problems_of(path) == [
        f"{path}: urn:testshire:indicator-pairing:pairings-2: a pairing for indicator 'csc-referrals' is already "
        "in this document; keep one"
    ]


def test_one_indicator_paired_in_two_documents_of_one_provider_is_refused(write_document):
    first = write_document(pairings(("csc-referrals", "dfe-referrals")), "first.yaml")
    second = write_document(pairings(("csc-referrals", "dfe-rereferrals"), urn="more"), "second.yaml")
    assert problems_of(first, second) == [
        f"{second}: urn:testshire:indicator-pairing:more-1: a pairing for indicator 'csc-referrals' is already "
        f"in {first}; keep one"
    ]


def test_two_partnerships_may_each_pair_the_same_indicator(write_document):
    ours = write_document(pairings(("csc-referrals", "dfe-referrals")), "ours.yaml")
    theirs = write_document(pairings(("csc-referrals", "dfe-rereferrals"), provider="othershire"), "theirs.yaml")
    assert len(validate_library([ours, theirs])) == 2


def test_a_pairing_document_is_stored_with_its_provider(write_document):
    load_library([write_document(pairings(("csc-referrals", "dfe-referrals")))])
    stored = LibraryDocument.objects.get(urn="urn:testshire:indicator-pairings:pairings")
    assert (stored.kind, stored.provider) == ("indicator-pairing", "testshire")


def test_a_pairing_beside_a_measure_that_is_not_published_is_refused(write_document):
    # csc-referrals is the agencies' own count: it has no England, region or neighbours to show.
    path = write_document(pairings(("csc-icpc-15-days-percent", "csc-referrals")))
    assert problems_of(path) == [
        f"{path}: urn:testshire:indicator-pairing:pairings-1: published_as names indicator 'csc-referrals', which is "
        "not a published measure: its source is 'agency_return', not 'dfe_publication'"
    ]


def test_a_pairing_beside_an_unpublished_measure_of_a_file_checked_with_it_is_refused(write_document):
    own = write_document(indicators(indicator("testshire-icpcs", source="agency_return")), "indicators.yaml")
    path = write_document(pairings(("csc-icpc-15-days-percent", "testshire-icpcs")))
    assert problems_of(own, path) == [
        f"{path}: urn:testshire:indicator-pairing:pairings-1: published_as names indicator 'testshire-icpcs', which "
        "is not a published measure: its source is 'agency_return', not 'dfe_publication'"
    ]


def test_a_pairing_beside_the_partnerships_own_published_measure_passes(write_document):
    own = write_document(indicators(indicator("testshire-icpcs-published")), "indicators.yaml")
    path = write_document(pairings(("csc-icpc-15-days-percent", "testshire-icpcs-published")))
    assert len(validate_library([own, path])) == 2


def othershire_indicators(*codes: str) -> str:
    """An indicator document of the partnership "othershire": published measures of its own."""
    items = [indicator(code, urn=f"urn:othershire:indicator:{code}") for code in codes]
    return document("urn:othershire:indicators:published", "indicator", "\n".join(items), provider="othershire")


@pytest.mark.parametrize("field", ["indicator", "published_as"])
def test_a_pairing_naming_another_partnerships_own_indicator_is_refused(write_document, field):
    theirs = write_document(othershire_indicators("othershire-icpcs"), "theirs.yaml")
    pair = ("othershire-icpcs", "dfe-referrals") if field == "indicator" else ("csc-referrals", "othershire-icpcs")
    ours = write_document(pairings(pair), "ours.yaml")
    assert problems_of(theirs, ours) == [
        f"{ours}: urn:testshire:indicator-pairing:pairings-1: {field} names indicator 'othershire-icpcs', which is "
        "othershire's own: a document of testshire may name only what Assure ships and testshire's own"
    ]


def test_a_pairing_naming_another_partnerships_loaded_indicator_is_refused(write_document):
    load_library([write_document(othershire_indicators("othershire-icpcs"), "theirs.yaml")])
    ours = write_document(pairings(("csc-referrals", "othershire-icpcs")), "ours.yaml")
    assert problems_of(ours) == [
        f"{ours}: urn:testshire:indicator-pairing:pairings-1: published_as names indicator 'othershire-icpcs', "
        "which is othershire's own: a document of testshire may name only what Assure ships and testshire's own"
    ]


def test_a_shipped_pairing_naming_a_partnerships_own_indicator_is_refused(write_document):
    theirs = write_document(othershire_indicators("othershire-icpcs"), "theirs.yaml")
    shipped = write_document(pairings(("csc-referrals", "othershire-icpcs"), provider="assure"), "shipped.yaml")
    assert problems_of(theirs, shipped) == [
        f"{shipped}: urn:assure:indicator-pairing:pairings-1: published_as names indicator 'othershire-icpcs', "
        "which is othershire's own: a document Assure ships may name only what Assure ships"
    ]
