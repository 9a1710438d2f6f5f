"""An import never leaves a rate per 10,000 children out without saying so (imports/rates.py):
counts whose year has no population yet, and a rate whose definition names no population."""

import pytest

from assure.library.models import LibraryItem
from assure.performance.areas import areas_load
from assure.performance.imports import import_statistics
from assure.performance.models import Observation
from assure.performance.tests.test_imports import C1, ONS, subset_file, year

pytestmark = pytest.mark.django_db

REFERRALS_RATE = "Referrals to children's social care per 10,000 children (published)"


@pytest.fixture
def areas():
    areas_load()


def test_counts_of_a_year_without_its_population_say_the_rate_waits_for_it(areas, tmp_path):
    result = import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1")
    note = (
        f"No “{REFERRALS_RATE}” for 2014-15 yet: there is no “Children aged 0 to 17 (ONS mid-year estimate)” for "
        "those years. The rates are worked out when it is imported."
    )
    assert result.notes == [note]
    assert result.lines()[-1] == note


def test_counts_of_a_year_with_its_population_need_no_note(areas, tmp_path):
    import_statistics(path=subset_file(tmp_path, ONS, year("2014")), mapping_code="ons-population")
    result = import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1")
    assert result.notes == []
    assert Observation.objects.filter(indicator__code="dfe-referrals-rate", value__isnull=False).exists()


def test_a_rate_stored_without_its_population_is_named_at_import(areas, tmp_path):
    # A definition loaded before the library required rate_population with rate_of.
    rate = LibraryItem.objects.filter(kind="indicator", code="dfe-referrals-rate").latest("pk")
    rate.data = {key: value for key, value in rate.data.items() if key != "rate_population"}
    rate.save(update_fields=["data"])
    import_statistics(path=subset_file(tmp_path, ONS, year("2014")), mapping_code="ons-population")
    result = import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1")
    assert result.notes == [
        f"No “{REFERRALS_RATE}” was worked out: its definition names no population indicator Assure knows "
        "(rate_population). Publish a new version of its document that names one."
    ]
