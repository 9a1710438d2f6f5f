"""The counting rules of the training figures (selectors/figures.py) and the computed indicators
that read them (computations.py)."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.plans.tests.factories import PriorityFactory
from assure.training import computations
from assure.training.models import Booking, Course, Session, TrainingReturn
from assure.training.selectors.figures import figures_for_year, year_counts
from assure.training.tests.factories import (
    BookingFactory,
    CourseFactory,
    ElearningCompletionFactory,
    SessionFactory,
    TrainingReturnFactory,
)

pytestmark = pytest.mark.django_db

ATTENDED = Booking.Attendance.ATTENDED


def on(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 30)))


def held(course, day=dt.date(2014, 10, 6), **fields):
    start = on(day)
    return SessionFactory(
        course=course,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=6),
        booking_opens=start - dt.timedelta(days=60),
        booking_closes=start - dt.timedelta(days=2),
        cancel_by=start - dt.timedelta(days=7),
        **fields,
    )


def attended(session, count, agency=None, attendance=ATTENDED):
    for _ in range(count):
        booking = BookingFactory(session=session, attendance=attendance)
        if agency is not None:
            Booking.objects.filter(pk=booking.pk).update(agency=agency)


def test_a_scheduled_multi_agency_session_in_the_year_counts(partnership):
    held(CourseFactory(partnership=partnership))
    assert year_counts(partnership=partnership, year="2014-15").sessions == 1


def test_a_cancelled_session_does_not_count(partnership):
    held(CourseFactory(partnership=partnership), status=Session.Status.CANCELLED)
    assert year_counts(partnership=partnership, year="2014-15").sessions == 0


def test_a_single_agency_course_does_not_count(partnership):
    held(CourseFactory(partnership=partnership, is_multi_agency=False))
    assert year_counts(partnership=partnership, year="2014-15").sessions == 0


def test_a_session_counts_in_the_year_april_to_march_it_starts_in(partnership):
    course = CourseFactory(partnership=partnership)
    held(course, day=dt.date(2015, 3, 31))
    held(course, day=dt.date(2015, 4, 1))
    assert year_counts(partnership=partnership, year="2014-15").sessions == 1
    assert year_counts(partnership=partnership, year="2015-16").sessions == 1


def test_conferences_and_workshops_are_not_sessions(partnership):
    conference = held(CourseFactory(partnership=partnership, delivery=Course.Delivery.CONFERENCE))
    held(conference.course, parent=conference, title="Workshop")
    assert year_counts(partnership=partnership, year="2014-15").sessions == 0


def test_delegates_are_attendances_only(partnership):
    session = held(CourseFactory(partnership=partnership))
    attended(session, 3)
    attended(session, 2, attendance=Booking.Attendance.NO_SHOW)
    BookingFactory(session=session)
    assert year_counts(partnership=partnership, year="2014-15").delegates == 3


def test_delegates_add_the_years_elearning_completions(partnership):
    attended(held(CourseFactory(partnership=partnership)), 4)
    module = CourseFactory(partnership=partnership, delivery=Course.Delivery.ELEARNING)
    ElearningCompletionFactory(course=module, completed_on=dt.date(2014, 5, 1))
    ElearningCompletionFactory(course=module, completed_on=dt.date(2015, 5, 1))
    counts = year_counts(partnership=partnership, year="2014-15")
    assert (counts.delegates, counts.elearning_completions, counts.elearning_modules) == (5, 1, 1)


def test_conference_delegates_are_counted_apart(partnership):
    conference = held(CourseFactory(partnership=partnership, delivery=Course.Delivery.CONFERENCE))
    attended(conference, 5)
    counts = year_counts(partnership=partnership, year="2014-15")
    assert (counts.conference_delegates, counts.delegates) == (5, 0)


def test_another_partnerships_training_does_not_count(partnership, other_partnership):
    attended(held(CourseFactory(partnership=other_partnership)), 2)
    assert year_counts(partnership=partnership, year="2014-15").delegates == 0


def test_delegates_count_under_the_priority_their_course_is_linked_to(partnership, business_unit):
    priority = PriorityFactory(partnership=partnership, title="Compromised parenting")
    attended(held(CourseFactory(partnership=partnership, priority=priority)), 3)
    attended(held(CourseFactory(partnership=partnership, title="Compromised parenting: an introduction")), 2)
    figures = figures_for_year(user=business_unit, partnership=partnership, year="2014-15")
    assert [(row.label, row.now) for row in figures.priorities] == [("Compromised parenting", 3)]


def test_delegates_are_counted_by_the_agency_on_the_booking(partnership, agency, business_unit):
    attended(held(CourseFactory(partnership=partnership)), 2, agency=agency)
    figures = figures_for_year(user=business_unit, partnership=partnership, year="2014-15")
    by_agency = next(t for t in figures.tables if t.heading == "Agency")
    assert (agency.name, 2) in [(row.label, row.now) for row in by_agency.rows]


def test_the_summary_says_it_as_the_annual_report_does(partnership, business_unit):
    course = CourseFactory(partnership=partnership)
    attended(held(course), 3)
    attended(held(course, day=dt.date(2013, 10, 7)), 2)
    module = CourseFactory(partnership=partnership, delivery=Course.Delivery.ELEARNING)
    ElearningCompletionFactory(course=module, completed_on=dt.date(2014, 5, 1))
    figures = figures_for_year(user=business_unit, partnership=partnership, year="2014-15")
    assert figures.summary[0] == (
        "In 2014-15, 1 multi-agency training session plus 1 e-learning module reached 4 delegates, "
        "against 1 session and 2 delegates in 2013-14."
    )


def test_returns_made_count_submitted_returns_against_the_agencies(partnership, agency, other_agency, business_unit):
    TrainingReturnFactory(partnership=partnership, agency=agency, status=TrainingReturn.Status.SUBMITTED)
    TrainingReturnFactory(partnership=partnership, agency=other_agency)
    returns = figures_for_year(user=business_unit, partnership=partnership, year="2014-15").returns
    assert (returns.submitted, returns.agencies) == (1, 2)


def test_figures_are_refused_to_a_practitioner(partnership, practitioner):
    assert figures_for_year(user=practitioner, partnership=partnership, year="2014-15") is None


def test_the_computed_delegates_say_what_they_were_counted_from(partnership):
    attended(held(CourseFactory(partnership=partnership)), 2)
    (figure,) = computations.delegates(partnership=partnership)
    assert (figure.year, figure.numerator, figure.counted_from) == (
        "2014-15",
        2,
        "2 attendances at 1 session and 0 e-learning completions",
    )


def test_computed_sessions_give_only_the_years_asked(partnership):
    course = CourseFactory(partnership=partnership)
    held(course)
    held(course, day=dt.date(2013, 10, 7))
    assert [f.year for f in computations.sessions(partnership=partnership, years=["2013-14"])] == ["2013-14"]


def test_a_year_not_yet_ended_gives_no_computed_figure(partnership):
    course = CourseFactory(partnership=partnership)
    held(course)
    held(course, day=timezone.localdate() - dt.timedelta(days=1))
    assert [f.year for f in computations.sessions(partnership=partnership)] == ["2014-15"]


def test_computed_conference_delegates(partnership):
    attended(held(CourseFactory(partnership=partnership, delivery=Course.Delivery.CONFERENCE)), 4)
    assert [f.numerator for f in computations.conference_delegates(partnership=partnership)] == [4]


def test_the_summary_gives_the_evaluation_return_rate(partnership, business_unit):
    from assure.training.models import Evaluation
    from assure.training.tests.factories import EvaluationFactory

    session = held(CourseFactory(partnership=partnership))
    attended(session, 2)
    first, second = Booking.objects.filter(session=session)
    EvaluationFactory(booking=first, stage=Evaluation.Stage.AFTER, submitted_at=timezone.now())
    EvaluationFactory(booking=second, stage=Evaluation.Stage.AFTER)
    figures = figures_for_year(user=business_unit, partnership=partnership, year="2014-15")
    assert "50% of delegates returned their evaluation after the course." in figures.summary
