import datetime as dt
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from assure.library.selectors import current_item
from assure.partnerships.models import (
    Agency,
    Attendance,
    ConfidentialMinute,
    Contribution,
    Expenditure,
    Meeting,
    Partnership,
    PartnershipAgency,
    Subgroup,
)


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Example Safeguarding Children Partnership {n}")
    short_name = factory.Sequence(lambda n: f"ESCP{n}")
    slug = factory.Sequence(lambda n: f"example-{n}")
    la_name = "Example"
    old_la_code = "999"
    ons_code = "E06999999"
    region = "West Midlands"


def library_item(kind: str, code: str):
    item = current_item(kind=kind, code=code)
    assert item is not None, f"library has no {kind} {code}: is the library loaded?"
    return item


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Example Agency {n}")
    agency_type = factory.LazyFunction(lambda: library_item("agency-type", "police"))
    sector = factory.LazyFunction(lambda: library_item("sector", "police"))

    @factory.post_generation
    def partnerships(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            for partnership in extracted:
                PartnershipAgency.objects.get_or_create(partnership=partnership, agency=obj)


class SubgroupFactory(DjangoModelFactory):
    class Meta:
        model = Subgroup

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Subgroup {n}")
    terms_of_reference = "To oversee the quality of multi-agency practice."


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    partnership = factory.SubFactory(PartnershipFactory)
    subgroup = None
    held_on = dt.date(2014, 6, 12)
    title = "Board meeting"


class AttendanceFactory(DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    agency = factory.SubFactory(AgencyFactory)
    status = Attendance.Status.PRESENT


class ConfidentialMinuteFactory(DjangoModelFactory):
    class Meta:
        model = ConfidentialMinute

    meeting = factory.SubFactory(MeetingFactory)
    heading = "Staffing matter"
    text = "The board discussed a confidential staffing matter."
    recorded_by = factory.SubFactory("assure.accounts.tests.factories.UserFactory")


class ContributionFactory(DjangoModelFactory):
    class Meta:
        model = Contribution

    partnership = factory.SubFactory(PartnershipFactory)
    year = "2014-15"
    agency = factory.SubFactory(AgencyFactory)
    amount = Decimal("10000.00")


class ExpenditureFactory(DjangoModelFactory):
    class Meta:
        model = Expenditure

    partnership = factory.SubFactory(PartnershipFactory)
    year = "2014-15"
    line = "Business unit staffing"
    amount = Decimal("5000.00")
