"""Generating a report's documents as a background task: asked for by the business unit,
progress written as it goes, the file kept privately, failures recorded without detail."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from assure.audit.models import Event
from assure.reports.models import Rendering
from assure.reports.services import rendering as rendering_service
from assure.reports.services.rendering import FAILED, download_name, rendering_request, rendering_run

from .factories import BlockFactory, ReportFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(partnership):
    report = ReportFactory(partnership=partnership, title="Annual report 2014-15", year="2014-15")
    section = SectionFactory(report=report, title="The child's journey", body="Referrals rose.")
    BlockFactory(section=section)
    return report


def _request(report, actor, format="pdf", capture=None) -> Rendering:
    with capture(execute=True):
        rendering = rendering_request(report=report, format=format, actor=actor)
    rendering.refresh_from_db()
    return rendering


def test_the_business_unit_asks_for_a_pdf_and_gets_it(report, business_unit, django_capture_on_commit_callbacks):
    rendering = _request(report, business_unit, capture=django_capture_on_commit_callbacks)
    assert rendering.status == Rendering.Status.DONE
    assert rendering.progress == 100
    content = rendering.file.read()
    assert rendering.size == len(content)
    assert "2,626" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_file_is_named_by_its_random_token(report, business_unit, django_capture_on_commit_callbacks):
    rendering = _request(report, business_unit, format="docx", capture=django_capture_on_commit_callbacks)
    assert rendering.file.name == f"reports/{report.pk}/{rendering.token}"
    assert len(rendering.token) == 48


def test_asking_is_recorded_in_the_trail(report, business_unit, django_capture_on_commit_callbacks):
    rendering = _request(report, business_unit, format="html", capture=django_capture_on_commit_callbacks)
    event = Event.objects.get(verb="reports.rendering_requested")
    assert event.target_id == str(rendering.pk)
    assert event.partnership == report.partnership


def test_the_task_starts_only_once_the_request_is_committed(report, business_unit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        rendering = rendering_request(report=report, format="pdf", actor=business_unit)
    rendering.refresh_from_db()
    assert rendering.status == Rendering.Status.QUEUED
    assert len(callbacks) == 1


@pytest.mark.parametrize("persona", ["board_member", "agency_lead", "auditor", "outsider"], indirect=True)
def test_only_the_business_unit_asks_for_documents(report, persona):
    with pytest.raises(PermissionDenied):
        rendering_request(report=report, format="pdf", actor=persona)
    assert not Rendering.objects.exists()


def test_an_unknown_format_is_refused(report, business_unit):
    with pytest.raises(ValidationError):
        rendering_request(report=report, format="odt", actor=business_unit)


def test_progress_and_stage_are_written_as_the_task_goes(report, business_unit, monkeypatch):
    seen = []
    real_update = rendering_service._update

    def spy(rendering, **fields):
        real_update(rendering, **fields)
        stored = Rendering.objects.get(pk=rendering.pk)
        seen.append((stored.status, stored.progress, stored.stage))

    monkeypatch.setattr(rendering_service, "_update", spy)
    rendering = Rendering.objects.create(report=report, format="docx", token="t" * 48, requested_by=business_unit)
    rendering_run(rendering.pk)
    assert seen[0] == ("running", 5, "Reading the report")
    assert any(stage.startswith("Writing section") for _, _, stage in seen)
    assert [p for _, p, _ in seen] == sorted(p for _, p, _ in seen)
    assert seen[-1] == ("done", 100, "Ready")


def test_a_failure_is_recorded_without_its_detail(report, business_unit, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("Ada Leed's section could not be read")

    monkeypatch.setattr(rendering_service, "render", broken)
    rendering = Rendering.objects.create(report=report, format="pdf", token="f" * 48, requested_by=business_unit)
    with pytest.raises(RuntimeError):
        rendering_run(rendering.pk)
    rendering.refresh_from_db()
    assert rendering.status == Rendering.Status.FAILED
    assert rendering.error == FAILED
    assert "Ada" not in rendering.error and rendering.finished_at is not None


def test_a_rendering_no_longer_queued_is_left_alone(report, business_unit):
    rendering = Rendering.objects.create(
        report=report, format="pdf", token="d" * 48, requested_by=business_unit, status=Rendering.Status.DONE
    )
    rendering_run(rendering.pk)
    rendering.refresh_from_db()
    assert not rendering.file


def test_the_download_name_says_whose_report_it_is(report, business_unit):
    rendering = Rendering(report=report, format="pdf", token="x", requested_by=business_unit)
    assert download_name(rendering) == "nscb-annual-report-2014-15.pdf"
