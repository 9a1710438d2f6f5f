"""A report read as a document: numbered sections, safe narrative, blocks as BlockData, and a
published report read only from what was frozen."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.partnerships.tests.factories import MeetingFactory
from assure.reports.blocks import REGISTRY, BlockData, BlockKind
from assure.reports.document import NOT_COMPUTED, document_for, section_numbers
from assure.reports.models import Report

from .factories import BlockFactory, ReportFactory, SectionFactory, block_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def counting_kind(monkeypatch):
    """A block kind that counts its computations and says how many there have been."""
    calls = []

    def compute(context):
        calls.append(context)
        return BlockData(
            title="Computed",
            source="Test source",
            as_at=context.today.isoformat(),
            paragraphs=[f"Computed {len(calls)} time(s) for {context.section.title}."],
        )

    monkeypatch.setitem(REGISTRY, "counting", BlockKind("counting", "Counting", "For tests", compute))
    return calls


def _published(report: Report, when: dt.datetime) -> Report:
    report.status = Report.Status.PUBLISHED
    report.published_at = when
    report.save(update_fields=["status", "published_at"])
    return report


def test_sections_are_numbered_from_their_parents_and_positions():
    report = ReportFactory()
    first = SectionFactory(report=report, position=1, title="Foreword")
    board = SectionFactory(report=report, position=2, title="The board")
    SectionFactory(report=report, position=3, parent=board, title="Membership")
    budget = SectionFactory(report=report, position=4, parent=board, title="Budget")
    SectionFactory(report=report, position=5, parent=budget, title="Contributions")
    SectionFactory(report=report, position=6, title="Conclusion")
    document = document_for(report)
    assert [(s.number, s.level, s.title) for s in document.sections] == [
        ("1", 1, "Foreword"),
        ("2", 1, "The board"),
        ("2.1", 2, "Membership"),
        ("2.2", 2, "Budget"),
        ("2.2.1", 3, "Contributions"),
        ("3", 1, "Conclusion"),
    ]
    assert first.pk in section_numbers([first])


def test_the_narrative_becomes_safe_html():
    section = SectionFactory(body="The board *met* six times.\n\n<script>alert(1)</script>")
    (shown,) = document_for(section.report).sections
    assert "<em>met</em>" in shown.narrative_html
    assert "<script" not in shown.narrative_html


def test_the_document_names_the_report_and_its_language():
    report = ReportFactory(title="Annual report 2014-15", year="2014-15")
    document = document_for(report)
    assert document.title == "Annual report 2014-15"
    assert document.partnership == report.partnership.name
    assert document.subtitle == "Annual report for April 2014 to March 2015"
    assert document.language == "en-GB"


def test_a_board_pack_names_its_meeting():
    meeting = MeetingFactory(held_on=dt.date(2015, 3, 12), title="")
    report = ReportFactory(kind=Report.Kind.BOARD_PACK, year="", meeting=meeting, partnership=meeting.partnership)
    assert document_for(report).subtitle == "Board meeting, 12 March 2015"


def test_a_board_pack_names_its_meeting_by_its_title_when_it_has_one():
    meeting = MeetingFactory(held_on=dt.date(2015, 3, 12), title="Extraordinary board meeting")
    report = ReportFactory(kind=Report.Kind.BOARD_PACK, year="", meeting=meeting, partnership=meeting.partnership)
    assert document_for(report).subtitle == "Extraordinary board meeting, 12 March 2015"


def test_a_draft_is_as_at_now():
    now = timezone.make_aware(dt.datetime(2015, 6, 1, 9, 0))
    document = document_for(ReportFactory(), now=now)
    assert document.as_at == now
    assert document.status_text == "Draft as at 1 June 2015"


def test_a_published_report_is_as_at_its_publication_whatever_the_date_now():
    published = timezone.make_aware(dt.datetime(2015, 9, 30, 12, 0))
    report = _published(ReportFactory(), published)
    later = timezone.make_aware(dt.datetime(2019, 1, 1, 9, 0))
    document = document_for(report, now=later)
    assert document.as_at == published
    assert document.status_text == "Published 30 September 2015"


def test_a_block_shows_its_stored_data():
    block = BlockFactory(title="Referrals", data=block_data("Referrals"))
    (section,) = document_for(block.section.report).sections
    (data,) = section.blocks
    assert data.paragraphs == block.data["paragraphs"]
    assert data.tables[0].rows[1] == ["2014-15", "2,626"]


def test_the_blocks_title_is_the_one_the_report_gives_it():
    block = BlockFactory(title="Referrals this year", data=block_data("Referrals"))
    assert document_for(block.section.report).sections[0].blocks[0].title == "Referrals this year"


def test_a_draft_block_never_computed_is_computed_without_being_saved(counting_kind):
    block = BlockFactory(kind="counting", data=None, computed_at=None, section__title="Context")
    (data,) = document_for(block.section.report).sections[0].blocks
    assert data.paragraphs == ["Computed 1 time(s) for Context."]
    block.refresh_from_db()
    assert block.data is None and block.computed_at is None


def test_a_draft_block_already_computed_is_not_computed_again(counting_kind):
    block = BlockFactory(kind="counting")
    document_for(block.section.report)
    assert counting_kind == []


def test_a_published_report_never_computes_its_blocks(counting_kind):
    block = BlockFactory(kind="counting", data=None, computed_at=None)
    _published(block.section.report, timezone.now())
    (data,) = document_for(block.section.report).sections[0].blocks
    assert counting_kind == []
    assert data.empty == NOT_COMPUTED


def test_a_published_report_shows_its_frozen_figures_after_the_data_changed(counting_kind):
    block = BlockFactory(kind="counting", data=block_data("Referrals"))
    _published(block.section.report, timezone.now())
    # The kind would now compute something else entirely.
    text = " ".join(document_for(block.section.report).sections[0].blocks[0].paragraphs)
    assert "2,626 referrals" in text
    assert counting_kind == []


def test_a_block_of_an_unknown_kind_says_its_figures_could_not_be_worked_out():
    block = BlockFactory(kind="no-such-block", data=None, computed_at=None)
    (data,) = document_for(block.section.report).sections[0].blocks
    assert data.empty == NOT_COMPUTED


def test_a_block_that_fails_does_not_stop_the_draft(monkeypatch):
    def broken(context):
        raise ZeroDivisionError

    monkeypatch.setitem(REGISTRY, "broken", BlockKind("broken", "Broken", "For tests", broken))
    block = BlockFactory(kind="broken", data=None, computed_at=None)
    assert document_for(block.section.report).sections[0].blocks[0].empty == NOT_COMPUTED


def test_stored_data_of_the_wrong_shape_is_not_shown():
    block = BlockFactory(data={"title": "x", "unexpected": True})
    assert document_for(block.section.report).sections[0].blocks[0].empty == NOT_COMPUTED


def test_blocks_keep_their_order_within_a_section():
    section = SectionFactory()
    BlockFactory(section=section, position=2, title="Second")
    BlockFactory(section=section, position=1, title="First")
    assert [b.title for b in document_for(section.report).sections[0].blocks] == ["First", "Second"]
