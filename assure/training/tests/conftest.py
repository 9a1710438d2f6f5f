"""Fixtures of the training tests: a course with a session open for booking, and the
practitioner persona's own profile."""

import pytest

from assure.training.tests.factories import CourseFactory, SessionFactory


@pytest.fixture
def course(partnership):
    return CourseFactory(partnership=partnership)


@pytest.fixture
def session(course):
    """A session of the course three weeks from now, open for booking, with 20 places."""
    return SessionFactory(course=course)


@pytest.fixture
def profile(practitioner, partnership):
    """The practitioner persona's profile in the partnership."""
    return practitioner.practitioner_profiles.get(partnership=partnership)
