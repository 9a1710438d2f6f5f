"""The annual report's training block, and the computations the library's indicators name."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from assure.core.computations import computation_named
from assure.library.selectors import current_item
from assure.reports.blocks import compute_block
from assure.training.models import Booking
from assure.training.tests.factories import BookingFactory, CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _compute(partnership, year="2014-15"):
    data, problem = compute_block(
        kind="training-figures",
        report=SimpleNamespace(partnership=partnership, year=year, pk=1),
        section=None,
        params={},
        today=dt.date(2015, 5, 1),
    )
    assert problem == ""
    return data


def _held(partnership, attended):
    start = timezone.make_aware(dt.datetime(2014, 10, 6, 9, 30))
    session = SessionFactory(
        course=CourseFactory(partnership=partnership),
        starts_at=start,
        ends_at=start + dt.timedelta(hours=6),
        booking_opens=start - dt.timedelta(days=60),
        booking_closes=start - dt.timedelta(days=2),
        cancel_by=start - dt.timedelta(days=7),
    )
    for _ in range(attended):
        BookingFactory(session=session, attendance=Booking.Attendance.ATTENDED)


def test_the_block_says_the_years_training_in_a_sentence(partnership):
    _held(partnership, 4)
    assert _compute(partnership).paragraphs[0] == "In 2014-15, 1 multi-agency training session reached 4 delegates."


def test_the_block_tables_the_year_against_the_year_before(partnership):
    _held(partnership, 4)
    rows = _compute(partnership).tables[0].rows
    assert rows[0] == ["Multi-agency training sessions", "0", "1", "+1"]


def test_the_block_of_a_year_without_training_is_empty(partnership):
    assert _compute(partnership).empty == "No multi-agency training was recorded in 2014-15."


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("training-sessions", "training.sessions"),
        ("training-delegates", "training.delegates"),
        ("training-conference-delegates", "training.conference_delegates"),
        ("training-elearning-completions", "training.elearning_completions"),
    ],
)
def test_the_core_dataset_counts_training_from_the_records(db, code, name):
    item = current_item(kind="indicator", code=code)
    assert item.data["computed"]["computation"] == name and computation_named(name) is not None


def test_the_quotes_block_gives_the_words_chosen_for_the_year(partnership):
    from assure.training.models import Quote
    from assure.training.tests.factories import EvaluationFactory

    evaluation = EvaluationFactory(booking__session__course__partnership=partnership)
    Quote.objects.create(
        partnership=partnership,
        evaluation=evaluation,
        question="after-differently",
        text="I ask sooner.",
        year="2014-15",
    )
    data, problem = compute_block(
        kind="training-quotes",
        report=SimpleNamespace(partnership=partnership, year="2014-15", pk=1),
        section=None,
        params={},
        today=dt.date(2015, 5, 1),
    )
    assert (problem, data.paragraphs) == ("", ["“I ask sooner.”"])
