"""The worked example of library/README.md, run as written there: its documents validate and load,
the mistakes it shows are reported as it shows them, its file imports with the output it shows,
the figures it tabulates are the ones recorded, and its pairing puts the published figure on
Shropshire's scorecard. Change the example and these follow it; break it and they fail."""

import re
from decimal import Decimal as D
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from assure.accounts.tests.factories import MembershipFactory
from assure.library.loader import load_library
from assure.partnerships.tests.factories import PartnershipFactory
from assure.performance.areas import areas_load
from assure.performance.imports import import_statistics
from assure.performance.models import Observation
from assure.performance.periods import period_for_year
from assure.performance.selectors.scorecard import build_scorecard, published_indicators
from assure.performance.tests.factories import PriorityFactory, ScorecardLineFactory, indicator
from assure.performance.tests.test_imports import ONS, subset_file, year

pytestmark = pytest.mark.django_db

README = Path(settings.LIBRARY_DIR) / "README.md"
FENCE = re.compile(r'^```(\w+) title="([^"]+)"\n(.*?)^```$', re.MULTILINE | re.DOTALL)
MAPPING = "shropshire-s47-icpc"


def examples() -> dict[str, str]:
    """Every block of the README with a title, by title (a file's path or what the block is)."""
    return {title: body for _, title, body in FENCE.findall(README.read_text(encoding="utf-8"))}


def example_csv() -> tuple[str, str]:
    [(name, text)] = [(title, body) for title, body in examples().items() if title.endswith(".csv")]
    return name, text


@pytest.fixture
def folder(tmp_path) -> Path:
    """The example's documents written where the README puts them, under tmp_path; their folder."""
    written = []
    for title, body in examples().items():
        if title.startswith("library/") and title.endswith(".yaml"):
            path = tmp_path / title
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
            written.append(path)
    assert len(written) == 3, "the example has an indicator document, a mapping and pairings"
    return written[0].parent


def shown(problems: str, tmp_path: Path) -> list[str]:
    """Problems as the README shows them: paths from library/ on."""
    return sorted(line.replace(f"{tmp_path}/", "") for line in problems.splitlines() if line)


def misspell(path: Path, right: str, wrong: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert right in text
    path.write_text(text.replace(right, wrong, 1), encoding="utf-8")


@pytest.fixture
def loaded(folder):
    areas_load()
    load_library([*folder.glob("*.yaml")])


@pytest.fixture
def imported(loaded, tmp_path):
    name, text = example_csv()
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_statistics(path=path, mapping_code=MAPPING)


def published(code: str, label: str, area: str) -> Observation:
    return Observation.objects.get(
        source=Observation.Source.PUBLICATION, indicator__code=code, period__label=label, area__code=area
    )


# --- the documents ---------------------------------------------------------------------------


def test_the_example_documents_validate(folder):
    out = StringIO()
    call_command("library_validate", str(folder), stdout=out)
    assert "3 library document(s) valid." in out.getvalue()


def test_codes_that_name_nothing_are_reported_as_the_readme_shows(folder, tmp_path):
    misspell(
        folder / "pairings.yaml",
        "published_as: shropshire-s47-rate-published",
        "published_as: shropshire-s47-rates-published",
    )
    misspell(
        folder / "s47-icpc-mapping.yaml", "indicator: shropshire-icpc-15-days", "indicator: shropshire-icpc-15-day"
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("library_validate", str(folder), stderr=err)
    assert shown(err.getvalue(), tmp_path) == sorted(
        examples()["library_validate: codes that name nothing"].splitlines()
    )


def test_a_rate_without_its_population_is_reported_as_the_readme_shows(folder, tmp_path):
    path = folder / "published-s47.yaml"
    misspell(path, "rate_population: population-0-17", "# rate_population: population-0-17")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("library_validate", str(path), stderr=err)
    assert shown(err.getvalue(), tmp_path) == examples()["library_validate: a rate without its population"].splitlines()


# --- the import ------------------------------------------------------------------------------


def test_the_example_file_imports_with_the_output_the_readme_shows(imported):
    assert imported.lines() == examples()["import output"].splitlines()


def test_the_derived_percentage_keeps_its_numerator_and_denominator(imported):
    figure = published("shropshire-icpc-15-days-percent-published", "2014-15", "E06000051")
    assert (figure.value, figure.numerator, figure.denominator, figure.missing) == (D("85.5"), 171, 200, "")


def test_a_suppressed_column_leaves_the_percentage_not_available_with_its_reason(imported):
    figure = published("shropshire-icpc-15-days-percent-published", "2013-14", "E06000019")
    assert (figure.value, figure.missing, figure.denominator) == (None, "x", 100)


def test_the_figures_the_readme_tabulates_are_those_recorded(imported, tmp_path):
    import_statistics(path=subset_file(tmp_path, ONS, year("2013", "2014")), mapping_code="ons-population")
    readme = README.read_text(encoding="utf-8")
    for area, name, label in [
        ("E06000051", "Shropshire", "2014-15"),
        ("E06000051", "Shropshire", "2013-14"),
        ("E06000019", "Herefordshire", "2013-14"),
    ]:
        percent = published("shropshire-icpc-15-days-percent-published", label, area)
        rate = published("shropshire-s47-rate-published", label, area)
        on_time = (
            f"{percent.value:.1f}% ({percent.numerator:,.0f} of {percent.denominator:,.0f})"
            if percent.value is not None
            else f"not available: `{percent.missing}` (its within-15-days cell)"
        )
        per_10000 = f"{rate.value:.1f} ({rate.numerator:,.0f} per {rate.denominator:,.0f} children)"
        assert f"| {name}, {label} | {on_time} | {per_10000} |" in readme


# --- the pairing -----------------------------------------------------------------------------


def test_the_pairing_puts_the_published_figure_beside_shropshires_own_line(imported):
    shropshire = PartnershipFactory(slug="shropshire", ons_code="E06000051")
    member = MembershipFactory(partnership=shropshire, role="business-unit").user
    priority = PriorityFactory(partnership=shropshire, title="Child protection")
    ScorecardLineFactory(priority=priority, indicator=indicator("csc-icpc-15-days-percent"))
    card = build_scorecard(user=member, partnership=shropshire, period=period_for_year("2014-15"))
    [row] = card.rows
    assert (row.published, row.published_code) == ((D("85.5"), ""), "shropshire-icpc-15-days-percent-published")
    assert row.benchmark.england == D("75.0915")  # 53,360 of 71,060


def test_the_pairing_is_shropshires_alone(imported, partnership):
    assert published_indicators([indicator("csc-icpc-15-days-percent")], partnership=partnership) == {}
