"""Training records of one side of the permission matrix: each part of training (practitioners,
catalogue, bookings, attendance, evaluations, returns, figures) gives its samples here, in its own
block.

The side's bookings are another practitioner's, not the practitioner persona's: a page about one
booking answers its own practitioner and the business unit only, so those routes are in
``NARROWER`` for the persona; their own tests are in ``assure/training/tests/``."""

# --- practitioners ------------------------------------------------------------------------------
PRACTITIONER_SAMPLES: dict = {
    "training:practitioner_place": lambda s: {"pk": s.training_to_review.pk},
}

# --- catalogue ----------------------------------------------------------------------------------
# A course's pages take the side's course (a classroom course, offered); a session's its full
# session; adding a workshop the side's conference.
CATALOGUE_SAMPLES: dict = {
    **{
        name: (lambda s: {"pk": s.training_course.pk})
        for name in (
            "training:course_detail",
            "training:course_edit",
            "training:course_retire",
            "training:course_reinstate",
            "training:session_create",
        )
    },
    **{
        name: (lambda s: {"pk": s.training_session.pk})
        for name in ("training:session_detail", "training:session_edit", "training:session_cancel")
    },
    "training:workshop_create": lambda s: {"pk": s.training_conference.pk},
}

# --- bookings -----------------------------------------------------------------------------------
# The session's pages take the side's full session; a booking's pages its booking (another
# practitioner's: NARROWER for the persona); the manager's approval page a booking of the side
# awaiting approval, made the first time its link is asked for.
BOOKING_SAMPLES: dict = {
    "training:book": lambda s: {"pk": s.training_session.pk},
    "training:session_bookings": lambda s: {"pk": s.training_session.pk},
    **{
        name: (lambda s: {"pk": s.training_booking.pk})
        for name in (
            "training:booking_detail",
            "training:booking_cancel",
            "training:offer_accept",
            "training:booking_ics",
            "training:booking_withdraw",
        )
    },
    "courses:approve": lambda s: {"token": _approval_token(s)},
}


def _approval_token(side) -> str:
    """The secret of the approval link of a booking of the side awaiting its manager."""
    import datetime as dt

    from django.utils import timezone

    from assure.core.secrets import token_digest
    from assure.training.models import Booking
    from assure.training.tests.factories import BookingFactory

    token = f"training-approve-{side.partnership.slug}"
    digest = token_digest(token)
    if not Booking.objects.filter(partnership=side.partnership, approval_digest=digest).exists():
        BookingFactory(
            session=side.training_conference,
            status=Booking.Status.AWAITING_APPROVAL,
            manager_email="manager@example.org",
            approval_digest=digest,
            approval_expires=timezone.now() + dt.timedelta(days=7),
        )
    return token


# --- attendance ---------------------------------------------------------------------------------
# The register of the side's session (which names no trainer: NARROWER), the charges of the side's
# agency, and a charge to waive: a no-show of a session held three days ago, made the first time it
# is asked for so that no other part's records change.
ATTENDANCE_SAMPLES: dict = {
    "training:register": lambda s: {"pk": s.training_session.pk},
    "training:charges_agency": lambda s: {"agency_pk": s.agency.pk},
    "training:charge_waive": lambda s: {"pk": _charged_booking(s).pk},
}


def _charged_booking(side):
    """A booking of the side's agency charged for not attending (made once per side)."""
    import datetime as dt

    from django.utils import timezone

    from assure.training.models import Booking
    from assure.training.tests.factories import BookingFactory, PractitionerFactory, SessionFactory

    if getattr(side, "training_charged", None) is None:
        held = (timezone.now() - dt.timedelta(days=3)).replace(hour=9, minute=30, second=0, microsecond=0)
        session = SessionFactory(course=side.training_course, starts_at=held)
        side.training_charged = BookingFactory(
            session=session,
            practitioner=PractitionerFactory(partnership=side.partnership, agency=side.agency),
            agency=side.agency,
            attendance=Booking.Attendance.NO_SHOW,
            charge_pence=5000,
            charge_reason="no-show",
        )
    return side.training_charged


# --- evaluations --------------------------------------------------------------------------------
# A delegate's own pages take the side's booking and its after-course evaluation (another
# practitioner's: NARROWER); the business unit's copy of a certificate and the quotes take a
# session held three days ago, attended and evaluated, made the first time it is asked for.
EVALUATION_SAMPLES: dict = {
    "training:evaluate": lambda s: {"pk": s.training_evaluation.pk},
    "training:evaluation_start": lambda s: {"pk": s.training_booking.pk, "stage": "before"},
    "training:certificate": lambda s: {"pk": s.training_booking.pk},
    "training:certificate_copy": lambda s: {"pk": _evaluated(s).booking.pk},
    "training:quote_select": lambda s: {"pk": _evaluated(s).pk, "question": "after-differently"},
    "training:quote_remove": lambda s: {"pk": _quote(s).pk},
}


def _evaluated(side):
    """An after-course evaluation submitted by a delegate who attended (made once per side)."""
    import datetime as dt

    from django.utils import timezone

    from assure.library.selectors import current_item
    from assure.questionnaires.services import answers_save, response_start, response_submit
    from assure.training.models import Booking
    from assure.training.tests.factories import (
        BookingFactory,
        EvaluationFactory,
        PractitionerFactory,
        SessionFactory,
    )

    if getattr(side, "training_evaluated", None) is None:
        held = (timezone.now() - dt.timedelta(days=3)).replace(hour=9, minute=30, second=0, microsecond=0)
        booking = BookingFactory(
            session=SessionFactory(course=side.training_course, starts_at=held),
            practitioner=PractitionerFactory(partnership=side.partnership, agency=side.agency),
            agency=side.agency,
            attendance=Booking.Attendance.ATTENDED,
        )
        evaluation = EvaluationFactory(booking=booking)
        response = response_start(
            actor=None,
            partnership=side.partnership,
            questionnaire=current_item(kind="questionnaire", code="training-after"),
            about=evaluation,
        )
        answers_save(
            actor=None,
            response=response,
            data={
                "after-content": ["good"],
                "after-trainer": ["very-good"],
                "after-venue": ["good"],
                "after-pace": ["about-right"],
                "after-differently": ["Check the threshold document before I refer."],
                "after-comments": ["More time for the case studies, please."],
            },
        )
        response_submit(actor=None, response=response)
        evaluation.response = response
        evaluation.submitted_at = timezone.now()
        evaluation.save(update_fields=["response", "submitted_at"])
        side.training_evaluated = evaluation
    return side.training_evaluated


def _quote(side):
    """A quote chosen from the evaluated booking's other comments (made once per side)."""
    from django.utils import timezone

    from assure.partnerships.years import financial_year_of
    from assure.training.models import Quote

    if getattr(side, "training_quote", None) is None:
        side.training_quote = Quote.objects.create(
            partnership=side.partnership,
            evaluation=_evaluated(side),
            question="after-comments",
            text="More time for the case studies, please.",
            year=financial_year_of(timezone.localdate()),
        )
    return side.training_quote


# --- returns ------------------------------------------------------------------------------------
# The side's agency's training return (a draft of 2014-15); a reminder names the side's agency.
RETURN_SAMPLES: dict = {
    "training:return_detail": lambda s: {"pk": s.training_return.pk},
    "training:return_reopen": lambda s: {"pk": s.training_return.pk},
    "training:return_remind": lambda s: {"agency": s.agency.pk},
}

# --- figures ------------------------------------------------------------------------------------
FIGURES_SAMPLES: dict = {}

# --- public pages -------------------------------------------------------------------------------
PUBLIC_SAMPLES: dict = {
    "courses:session": lambda s: {"reference": s.training_session.reference},
    # A public page must answer below 400: a live link of the side's own.
    "courses:verify": lambda s: {"token": _verification_token(s)},
}


def _verification_token(side) -> str:
    """The secret of a verification link of a practitioner of the side who signed up and has not
    yet followed it, made the first time it is asked for."""
    import datetime as dt

    from django.utils import timezone

    from assure.core.secrets import token_digest
    from assure.training.models import Practitioner
    from assure.training.tests.factories import PractitionerFactory

    token = f"training-verify-{side.partnership.slug}"
    digest = token_digest(token)
    if not Practitioner.objects.filter(partnership=side.partnership, verification_digest=digest).exists():
        PractitionerFactory(
            partnership=side.partnership,
            verified_at=None,
            verification_digest=digest,
            verification_expires=timezone.now() + dt.timedelta(hours=24),
        )
    return token


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
