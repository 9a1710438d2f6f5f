"""Factories of the training app's records, one block per part; each part may add its own.

Session references are taken in the partnership as the services number them (the highest plus
one), so a factory never takes one a service will."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from assure.accounts.tests.factories import UserFactory
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory
from assure.training.models import (
    Booking,
    Course,
    ElearningCompletion,
    Evaluation,
    Practitioner,
    Session,
    TrainingReturn,
)


def next_reference(prefix: str = "TS-", width: int = 4):
    def reference(record) -> str:
        numbers = [
            int(ref.removeprefix(prefix))
            for ref in Session.objects.filter(partnership=record.partnership, reference__startswith=prefix).values_list(
                "reference", flat=True
            )
            if ref.removeprefix(prefix).isdigit()
        ]
        return f"{prefix}{max(numbers, default=0) + 1:0{width}d}"

    return factory.LazyAttribute(reference)


# --- practitioners ------------------------------------------------------------------------------


class PractitionerFactory(DjangoModelFactory):
    class Meta:
        model = Practitioner

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    agency = factory.LazyAttribute(lambda p: AgencyFactory(partnerships=[p.partnership]))
    agency_status = Practitioner.AgencyStatus.PLACED
    job_role = "Health visitor"
    manager_email = factory.Sequence(lambda n: f"manager{n}@health.example.org")
    verified_at = factory.LazyFunction(timezone.now)


# --- catalogue ----------------------------------------------------------------------------------


class CourseFactory(DjangoModelFactory):
    class Meta:
        model = Course

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Working together to safeguard children {n}")
    level = "multi-agency"
    delivery = Course.Delivery.CLASSROOM
    summary = "How agencies work together when a child may be at risk of harm."
    audience = "Practitioners in every agency who work with children or their families."
    outcomes = [
        "Recognise the signs of abuse and neglect",
        "Know the local threshold document and how to refer",
        "Understand each agency's part in a child protection plan",
    ]


class SessionFactory(DjangoModelFactory):
    """A session three weeks from now, open for booking, free to cancel until a week before."""

    class Meta:
        model = Session

    course = factory.SubFactory(CourseFactory)
    partnership = factory.SelfAttribute("course.partnership")
    reference = next_reference()
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + dt.timedelta(days=21)).replace(hour=9, minute=30, second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + dt.timedelta(hours=6))
    venue = "Shirehall, Abbey Foregate"
    address = "Shirehall\nAbbey Foregate\nShrewsbury\nSY2 6ND"
    accessibility = "Step-free access from the car park; hearing loop in the council chamber."
    capacity = 20
    trainer_names = "Morgan Ellery"
    booking_opens = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=7))
    booking_closes = factory.LazyAttribute(lambda s: s.starts_at - dt.timedelta(days=2))
    cancel_by = factory.LazyAttribute(lambda s: s.starts_at - dt.timedelta(days=7))


# --- bookings -----------------------------------------------------------------------------------


class BookingFactory(DjangoModelFactory):
    class Meta:
        model = Booking

    session = factory.SubFactory(SessionFactory)
    partnership = factory.SelfAttribute("session.partnership")
    practitioner = factory.SubFactory(PractitionerFactory, partnership=factory.SelfAttribute("..partnership"))
    agency = factory.SelfAttribute("practitioner.agency")
    status = Booking.Status.BOOKED


# --- evaluations --------------------------------------------------------------------------------


class EvaluationFactory(DjangoModelFactory):
    class Meta:
        model = Evaluation

    booking = factory.SubFactory(BookingFactory)
    stage = Evaluation.Stage.AFTER


# --- returns ------------------------------------------------------------------------------------


class ElearningCompletionFactory(DjangoModelFactory):
    class Meta:
        model = ElearningCompletion

    course = factory.SubFactory(CourseFactory, delivery=Course.Delivery.ELEARNING)
    partnership = factory.SelfAttribute("course.partnership")
    learner = factory.Sequence(lambda n: f"{n:064x}")
    completed_on = dt.date(2014, 10, 1)


class TrainingReturnFactory(DjangoModelFactory):
    class Meta:
        model = TrainingReturn

    partnership = factory.SubFactory(PartnershipFactory)
    agency = factory.LazyAttribute(lambda r: AgencyFactory(partnerships=[r.partnership]))
    year = "2014-15"
