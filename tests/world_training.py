"""Training records of one side of the permission matrix: each part of training (practitioners,
catalogue, bookings, attendance, evaluations, returns, figures) gives its samples here, in its own
block.

The side's bookings are another practitioner's, not the practitioner persona's: a page about one
booking answers its own practitioner and the business unit only, so those routes are in
``NARROWER`` for the persona; their own tests are in ``assure/training/tests/``."""

# --- practitioners ------------------------------------------------------------------------------
PRACTITIONER_SAMPLES: dict = {}

# --- catalogue ----------------------------------------------------------------------------------
CATALOGUE_SAMPLES: dict = {}

# --- bookings -----------------------------------------------------------------------------------
BOOKING_SAMPLES: dict = {}

# --- attendance ---------------------------------------------------------------------------------
ATTENDANCE_SAMPLES: dict = {}

# --- evaluations --------------------------------------------------------------------------------
EVALUATION_SAMPLES: dict = {}

# --- returns ------------------------------------------------------------------------------------
RETURN_SAMPLES: dict = {}

# --- figures ------------------------------------------------------------------------------------
FIGURES_SAMPLES: dict = {}

# --- public pages -------------------------------------------------------------------------------
PUBLIC_SAMPLES: dict = {}


def training_records(partnership, agency, recorder) -> dict:
    """A course and its session open for booking, a booking, a practitioner on its waiting list, a
    practitioner of an organisation waiting to be placed, an evaluation, a conference with a
    workshop, an e-learning module with a completion, and the agency's training return."""
    from assure.training.models import Booking, Course, Practitioner
    from assure.training.tests.factories import (
        BookingFactory,
        CourseFactory,
        ElearningCompletionFactory,
        EvaluationFactory,
        PractitionerFactory,
        SessionFactory,
        TrainingReturnFactory,
    )

    course = CourseFactory(partnership=partnership)
    session = SessionFactory(course=course, capacity=1)
    booking = BookingFactory(
        session=session, practitioner=PractitionerFactory(partnership=partnership, agency=agency), agency=agency
    )
    conference = SessionFactory(
        course=CourseFactory(partnership=partnership, delivery=Course.Delivery.CONFERENCE, level="specialist"),
        capacity=200,
    )
    elearning = CourseFactory(partnership=partnership, delivery=Course.Delivery.ELEARNING, level="foundation")
    return {
        "training_course": course,
        "training_session": session,
        "training_booking": booking,
        "training_waiting": BookingFactory(
            session=session,
            practitioner=PractitionerFactory(partnership=partnership, agency=agency),
            agency=agency,
            status=Booking.Status.WAITING,
        ),
        "training_to_review": PractitionerFactory(
            partnership=partnership,
            agency=None,
            other_organisation="Little Acorns Nursery",
            agency_status=Practitioner.AgencyStatus.TO_REVIEW,
        ),
        "training_evaluation": EvaluationFactory(booking=booking),
        "training_conference": conference,
        "training_workshop": SessionFactory(
            course=conference.course,
            parent=conference,
            title="Workshop: parental mental ill health",
            starts_at=conference.starts_at,
            ends_at=conference.ends_at,
            capacity=40,
        ),
        "training_elearning": elearning,
        "training_completion": ElearningCompletionFactory(course=elearning, partnership=partnership, agency=agency),
        "training_return": TrainingReturnFactory(partnership=partnership, agency=agency),
    }


TRAINING_SAMPLES = {
    **PRACTITIONER_SAMPLES,
    **CATALOGUE_SAMPLES,
    **BOOKING_SAMPLES,
    **ATTENDANCE_SAMPLES,
    **EVALUATION_SAMPLES,
    **RETURN_SAMPLES,
    **FIGURES_SAMPLES,
    **PUBLIC_SAMPLES,
}
