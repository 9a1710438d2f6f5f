import datetime as dt
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from assure.performance.models import (
    Area,
    DataReturn,
    ExceptionItem,
    ExceptionReport,
    Indicator,
    Observation,
    Priority,
    ReturnRound,
    ScorecardLine,
)
from assure.performance.periods import period_for_year


def indicator(code: str) -> Indicator:
    """The Indicator of a library indicator code (the library is loaded for every test)."""
    found = Indicator.objects.filter(code=code).select_related("definition").first()
    assert found is not None, f"no indicator {code} in the library"
    return found


class AreaFactory(DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("code",)

    level = Area.Level.LOCAL_AUTHORITY
    code = factory.Sequence(lambda n: f"E06{n:06d}")
    name = factory.Sequence(lambda n: f"Area {n}")


class ObservationFactory(DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.LazyFunction(lambda: Indicator.objects.order_by("code").first())
    definition = factory.LazyAttribute(lambda o: o.indicator.definition)
    period = factory.LazyFunction(lambda: period_for_year("2014-15"))
    source = Observation.Source.PUBLICATION
    value = Decimal("10")


class ReturnRoundFactory(DjangoModelFactory):
    class Meta:
        model = ReturnRound

    partnership = factory.SubFactory("assure.partnerships.tests.factories.PartnershipFactory")
    period = factory.LazyFunction(lambda: period_for_year("2014-15"))
    deadline = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=14))
    created_by = factory.SubFactory("assure.accounts.tests.factories.UserFactory")


class DataReturnFactory(DjangoModelFactory):
    class Meta:
        model = DataReturn

    round = factory.SubFactory(ReturnRoundFactory)
    agency = factory.SubFactory("assure.partnerships.tests.factories.AgencyFactory")


class PriorityFactory(DjangoModelFactory):
    class Meta:
        model = Priority

    partnership = factory.SubFactory("assure.partnerships.tests.factories.PartnershipFactory")
    title = factory.Sequence(lambda n: f"Priority {n}")


class ScorecardLineFactory(DjangoModelFactory):
    class Meta:
        model = ScorecardLine

    priority = factory.SubFactory(PriorityFactory)
    partnership = factory.SelfAttribute("priority.partnership")
    indicator = factory.LazyFunction(lambda: Indicator.objects.order_by("code").first())


class ExceptionReportFactory(DjangoModelFactory):
    class Meta:
        model = ExceptionReport

    partnership = factory.SubFactory("assure.partnerships.tests.factories.PartnershipFactory")
    period = factory.LazyFunction(lambda: period_for_year("2014-15"))
    created_by = factory.SubFactory("assure.accounts.tests.factories.UserFactory")


class ExceptionItemFactory(DjangoModelFactory):
    class Meta:
        model = ExceptionItem

    report = factory.SubFactory(ExceptionReportFactory)
    indicator = factory.LazyFunction(lambda: Indicator.objects.order_by("code").first())
    reasons = factory.LazyFunction(lambda: ["Red against its target"])
