"""Factories of the lado app's records, one block per part; each part may add its own.

References are taken in the partnership as the services number them (the highest plus one), so a
factory never takes one a service will."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from assure.core.secrets import new_token
from assure.lado.models import Child, Meeting, Person, Referral, SectorExpectation, UpdateRequest
from assure.partnerships.tests.factories import PartnershipFactory


def next_reference(prefix: str = "LA-", width: int = 4):
    def reference(record) -> str:
        numbers = [
            int(ref.removeprefix(prefix))
            for ref in Referral.objects.filter(
                partnership=record.partnership, reference__startswith=prefix
            ).values_list("reference", flat=True)
            if ref.removeprefix(prefix).isdigit()
        ]
        return f"{prefix}{max(numbers, default=0) + 1:0{width}d}"

    return factory.LazyAttribute(reference)


# --- people ---------------------------------------------------------------------------------------


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    partnership = factory.SubFactory(PartnershipFactory)
    given_names = factory.Sequence(lambda n: f"Robin{n}")
    family_name = "Ashdown"
    date_of_birth = dt.date(1980, 3, 14)


# --- referrals ------------------------------------------------------------------------------------


class ReferralFactory(DjangoModelFactory):
    class Meta:
        model = Referral

    partnership = factory.SubFactory(PartnershipFactory)
    reference = next_reference()
    status = Referral.Status.OPEN
    route = Referral.Route.OFFICER
    date_known = dt.date(2014, 6, 2)
    date_referred = dt.date(2014, 6, 3)
    referrer_name = "Morgan Tillery"
    referrer_role = "Head teacher"
    referrer_organisation = "Severnside Primary School"
    referrer_email = "head@severnside.example.org"
    employer_name = "Severnside Primary School"
    sector = "education"
    person = factory.SubFactory(PersonFactory, partnership=factory.SelfAttribute("..partnership"))
    person_role = "Teaching assistant"
    employment_basis = "employed"
    category = "physical"
    harm_tests = factory.LazyFunction(lambda: ["harmed"])
    context = "work"
    description = "Grabbed a pupil's arm hard enough to leave a mark."


class ChildFactory(DjangoModelFactory):
    class Meta:
        model = Child

    referral = factory.SubFactory(ReferralFactory)
    age_years = 8
    agency_reference = factory.Sequence(lambda n: f"CSC-{1000 + n}")


# --- handling -------------------------------------------------------------------------------------


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    referral = factory.SubFactory(ReferralFactory)
    kind = "joint-evaluation"
    held_on = dt.date(2014, 6, 10)
    attendees = "Designated officer; detective sergeant, police; head teacher"
    decisions = "Police to interview; employer to consider suspension."


class UpdateRequestFactory(DjangoModelFactory):
    class Meta:
        model = UpdateRequest

    referral = factory.SubFactory(ReferralFactory)
    asked_of_name = "Morgan Tillery"
    asked_of_email = "head@severnside.example.org"
    question = "Has the disciplinary hearing been held, and with what result?"
    due_on = dt.date(2014, 7, 1)
    token_digest = factory.LazyFunction(lambda: new_token()[1])


# --- figures --------------------------------------------------------------------------------------


class SectorExpectationFactory(DjangoModelFactory):
    class Meta:
        model = SectorExpectation

    partnership = factory.SubFactory(PartnershipFactory)
    sector = "health"
    expected_per_year = 10
