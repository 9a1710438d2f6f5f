"""Writing published figures: the observation table keeps no foreign-key constraints on what a
figure points at, so the writer checks every reference itself, and Django still protects the
rows figures point at from deletion."""

import threading
from decimal import Decimal

import psycopg
import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from assure.library.loader import load_library
from assure.performance.imports.store import Figure, published_figures_save, references_hold
from assure.performance.models import Area, Observation, Publication
from assure.performance.periods import period_for_year
from assure.performance.tests.factories import AreaFactory, indicator, published, statistics_mapping

pytestmark = pytest.mark.django_db

NO_SUCH_ID = 999_999_999


def c1_publication() -> Publication:
    return Publication.objects.create(
        title="Characteristics of children in need",
        file_name="c1.csv",
        checksum="0" * 64,
        mapping=statistics_mapping("dfe-c1"),
    )


@pytest.fixture
def publication() -> Publication:
    return c1_publication()


@pytest.fixture
def figure(publication) -> Figure:
    referrals = indicator("dfe-referrals")
    return Figure(
        indicator_id=referrals.pk,
        definition_id=referrals.definition_id,
        period_id=period_for_year("2014-15").pk,
        area_id=AreaFactory(code="E06000051", name="Shropshire").pk,
        value=Decimal("2722.0000"),
        missing="",
        numerator=None,
        denominator=None,
        publication_id=publication.pk,
    )


def test_a_published_figure_is_written_with_what_it_points_at(figure):
    written = published_figures_save(figures=[figure], recorded_at=timezone.now())
    assert written.created == 1
    stored = Observation.objects.get()
    assert (stored.indicator.code, stored.period.label, stored.area.code, stored.value) == (
        "dfe-referrals",
        "2014-15",
        "E06000051",
        Decimal("2722.0000"),
    )
    assert stored.source == Observation.Source.PUBLICATION
    assert stored.publication_id == figure.publication_id


@pytest.mark.parametrize("reference", ["indicator_id", "definition_id", "period_id", "area_id", "publication_id"])
def test_a_figure_pointing_at_something_that_does_not_exist_writes_nothing(figure, reference):
    good = figure._replace(area_id=AreaFactory(code="E06000019", name="Herefordshire").pk)
    bad = figure._replace(**{reference: NO_SUCH_ID})
    with pytest.raises(IntegrityError, match=str(NO_SUCH_ID)), transaction.atomic():
        published_figures_save(figures=[good, bad], recorded_at=timezone.now())
    assert not Observation.objects.exists()


def test_a_correction_pointing_at_something_that_does_not_exist_changes_nothing(figure):
    published_figures_save(figures=[figure], recorded_at=timezone.now())
    corrected = figure._replace(value=Decimal("2730.0000"), publication_id=NO_SUCH_ID)
    with pytest.raises(IntegrityError), transaction.atomic():
        published_figures_save(figures=[corrected], recorded_at=timezone.now())
    assert Observation.objects.get().value == Decimal("2722.0000")


@pytest.fixture
def shropshire_referrals():
    return published(indicator("dfe-referrals"), AreaFactory(code="E06000051", name="Shropshire"), 2722)


def test_an_area_with_published_figures_cannot_be_deleted(shropshire_referrals):
    with pytest.raises(ProtectedError), transaction.atomic():
        shropshire_referrals.area.delete()
    assert Area.objects.filter(code="E06000051").exists()


def test_a_period_with_figures_cannot_be_deleted(shropshire_referrals):
    with pytest.raises(ProtectedError), transaction.atomic():
        shropshire_referrals.period.delete()


def test_an_indicator_with_figures_cannot_be_deleted(shropshire_referrals):
    with pytest.raises(ProtectedError), transaction.atomic():
        shropshire_referrals.indicator.delete()


def test_a_publication_with_figures_cannot_be_deleted(shropshire_referrals, publication):
    Observation.objects.filter(pk=shropshire_referrals.pk).update(publication=publication)
    with pytest.raises(ProtectedError), transaction.atomic():
        publication.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lets one writer in at a time anyway")
@pytest.mark.django_db(transaction=True)
def test_an_area_cannot_be_deleted_while_an_import_writing_its_figures_is_open(transactional_db):
    # Transactional tests empty the database, the library included: load it for this one.
    load_library()
    referrals = indicator("dfe-referrals")
    area = AreaFactory(code="E06000051", name="Shropshire")
    publication = c1_publication()
    figure = Figure(
        referrals.pk,
        referrals.definition_id,
        period_for_year("2014-15").pk,
        area.pk,
        Decimal(1),
        "",
        None,
        None,
        publication.pk,
    )
    outcome: list[str] = []

    def delete_from_another_connection():
        settings = connection.settings_dict
        with psycopg.connect(
            dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"], port=settings["PORT"] or 5432
        ) as other:
            other.execute("SET lock_timeout = '300ms'")
            try:
                other.execute("DELETE FROM performance_area WHERE id = %s", [area.pk])
                outcome.append("deleted")
            except psycopg.errors.LockNotAvailable:
                outcome.append("kept waiting for the import")

    with transaction.atomic():
        references_hold([figure])
        other = threading.Thread(target=delete_from_another_connection)
        other.start()
        other.join()
    assert outcome == ["kept waiting for the import"]
