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
    ReturnRound,
    ScorecardLine,
)
from assure.performance.periods import period_for_year
from assure.plans.tests.factories import PriorityFactory


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


# --- agency data returns ---------------------------------------------------------------------
# Indicators of a library document made for the returns tests alone, so that the tests do not
# depend on the shipped core dataset (whose codes and limits may change).

RETURN_TEST_INDICATORS = [
    {
        "code": "returns-test-referrals",
        "title": "Referrals (test)",
        "definition": "Referrals to children's social care.",
        "unit": "count",
        "polarity": "neither",
        "frequency": "annual",
        "theme": "child-protection-activity",
        "source": "agency_return",
        "minimum": 0,
        "change_warning": 0.25,
    },
    {
        "code": "returns-test-rereferrals",
        "title": "Re-referrals within 12 months (test)",
        "definition": "Referrals within 12 months of a previous referral, as a percentage of referrals.",
        "unit": "percentage",
        "polarity": "lower_is_better",
        "frequency": "annual",
        "theme": "quality-and-timeliness",
        "source": "agency_return",
        "numerator": "referrals within 12 months of a previous referral",
        "denominator": "referrals",
        "decimals": 1,
        "minimum": 0,
        "maximum": 100,
        "change_warning": 0.25,
    },
    {
        "code": "returns-test-cp-rate",
        "title": "Child protection plans per 10,000 children (test)",
        "definition": "Children subject of a plan per 10,000 children.",
        "unit": "rate_per_10000",
        "polarity": "neither",
        "frequency": "annual",
        "theme": "child-protection-activity",
        "source": "agency_return",
        "numerator": "children subject of a plan",
        "denominator": "children aged 0 to 17",
        "decimals": 1,
    },
    {
        "code": "returns-test-lado",
        "title": "LADO referrals (test)",
        "definition": "Allegations referred to the designated officer.",
        "unit": "count",
        "polarity": "neither",
        "frequency": "annual",
        "theme": "outcomes",
        "source": "agency_return",
        "maximum": 500,
    },
    {
        "code": "returns-test-published",
        "title": "A published measure (test)",
        "definition": "Not asked of agencies.",
        "unit": "count",
        "polarity": "neither",
        "frequency": "annual",
        "theme": "outcomes",
        "source": "dfe_publication",
    },
]


def return_test_indicators() -> dict[str, Indicator]:
    """Load the returns tests' own indicator document and return its Indicators by code."""
    from assure.library.models import LibraryDocument, LibraryItem
    from assure.library.schemas import IndicatorItem
    from assure.performance.indicators import indicators_sync

    document, created = LibraryDocument.objects.get_or_create(
        urn="urn:test:indicators:returns",
        version=1,
        defaults={
            "kind": "indicator",
            "provider": "test",
            "title": "Returns test indicators",
            "checksum": "test",
            "source_path": "assure/performance/tests/factories.py",
            "content": {},
        },
    )
    if created:
        for position, fields in enumerate(RETURN_TEST_INDICATORS):
            item = IndicatorItem(urn=f"urn:test:indicator:{fields['code']}", **fields)
            LibraryItem.objects.create(
                document=document,
                urn=item.urn,
                kind="indicator",
                code=item.code,
                title=item.title,
                position=position,
                data=item.model_dump(mode="json"),
            )
        indicators_sync()
    codes = [fields["code"] for fields in RETURN_TEST_INDICATORS]
    return {i.code: i for i in Indicator.objects.filter(code__in=codes).select_related("definition")}


def return_with(*, partnership, agency, indicators, period=None, **fields) -> DataReturn:
    """A return of the agency in the partnership's round for the period (2014-15 unless said),
    made if needed, asking for the indicators given."""
    period = period or period_for_year("2014-15")
    round = ReturnRound.objects.filter(partnership=partnership, period=period).first() or ReturnRoundFactory(
        partnership=partnership, period=period
    )
    data_return = DataReturnFactory(round=round, agency=agency, **fields)
    data_return.indicators.set(indicators)
    return data_return


def figure(data_return: DataReturn, indicator: Indicator, value, **fields) -> Observation:
    """A figure of a return, as the services store it."""
    return ObservationFactory(
        indicator=indicator,
        period=data_return.round.period,
        source=Observation.Source.AGENCY_RETURN,
        partnership=data_return.round.partnership,
        agency=data_return.agency,
        data_return=data_return,
        value=None if value is None else Decimal(str(value)),
        **fields,
    )


# --- scorecard, indicator page, exception reports and the child's journey ----------------------
# A library document of the partnership's own ("northshire", the personas' partnership), so its
# indicators are in that partnership's catalogue, and areas with published figures around it.

SCORECARD_TEST_INDICATORS = [
    {
        "code": "sc-referrals",
        "title": "Referrals (scorecard test)",
        "definition": "Referrals received, as the agencies count them.",
        "unit": "count",
        "polarity": "higher_is_better",
        "frequency": "annual",
        "theme": "child-protection-activity",
        "source": "agency_return",
        "published_as": "sc-referrals-published",
    },
    {
        "code": "sc-referrals-published",
        "title": "Referrals, published (scorecard test)",
        "definition": "Referrals received, as the DfE publishes them.",
        "unit": "count",
        "polarity": "higher_is_better",
        "frequency": "annual",
        "theme": "child-protection-activity",
        "source": "dfe_publication",
    },
    {
        "code": "sc-rereferrals",
        "title": "Re-referrals (scorecard test)",
        "definition": "Re-referrals within 12 months, as a percentage of referrals.",
        "unit": "percentage",
        "polarity": "lower_is_better",
        "frequency": "annual",
        "theme": "quality-and-timeliness",
        "source": "agency_return",
        "numerator": "re-referrals",
        "denominator": "referrals",
        "decimals": 1,
    },
    {
        "code": "sc-plans",
        "title": "Children on a plan (scorecard test)",
        "definition": "Children subject of a child protection plan at the end of the period.",
        "unit": "count",
        "polarity": "neither",
        "frequency": "annual",
        "theme": "child-protection-activity",
        "source": "agency_return",
    },
]


def scorecard_test_indicators() -> dict[str, Indicator]:
    """Load the scorecard tests' own indicator document (provider "northshire") and return its
    Indicators by code. ``published_as`` pairs a local measure with its published one."""
    from assure.library.models import LibraryDocument, LibraryItem
    from assure.library.schemas import IndicatorItem
    from assure.performance.indicators import indicators_sync

    document, created = LibraryDocument.objects.get_or_create(
        urn="urn:northshire:indicators:scorecard-test",
        version=1,
        defaults={
            "kind": "indicator",
            "provider": "northshire",
            "title": "Scorecard test indicators",
            "checksum": "test",
            "source_path": "assure/performance/tests/factories.py",
            "content": {},
        },
    )
    if created:
        for position, fields in enumerate(SCORECARD_TEST_INDICATORS):
            given = {k: v for k, v in fields.items() if k != "published_as"}
            item = IndicatorItem(urn=f"urn:northshire:indicator:{fields['code']}", **given)
            data = item.model_dump(mode="json")
            if "published_as" in fields:
                data["published_as"] = fields["published_as"]
            LibraryItem.objects.create(
                document=document,
                urn=item.urn,
                kind="indicator",
                code=item.code,
                title=item.title,
                position=position,
                data=data,
            )
        indicators_sync()
    codes = [fields["code"] for fields in SCORECARD_TEST_INDICATORS]
    return {i.code: i for i in Indicator.objects.filter(code__in=codes).select_related("definition")}


def benchmark_areas(partnership, *, authorities: int = 8) -> dict:
    """England, a region, the partnership's own authority (by its ONS code) and ``authorities``
    other authorities of the region, the first three its statistical neighbours."""
    from assure.performance.models import StatisticalNeighbour

    england = AreaFactory(level=Area.Level.NATIONAL, code="E92000001", name="England")
    region = AreaFactory(level=Area.Level.REGIONAL, code="E12000005", name="West Midlands")
    own = AreaFactory(code=partnership.ons_code, name="Northshire", region=region)
    others = [AreaFactory(code=f"E0688{n:04d}", name=f"Authority {n}", region=region) for n in range(authorities)]
    for rank, neighbour in enumerate(others[:3], start=1):
        StatisticalNeighbour.objects.create(
            area=own, neighbour=neighbour, model="April 2021", rank=rank, closeness="Close"
        )
    return {"england": england, "region": region, "own": own, "others": others}


def published(indicator: Indicator, area: Area, value, *, period=None, missing: str = "") -> Observation:
    """A published figure of an area (a DfE publication)."""
    return ObservationFactory(
        indicator=indicator,
        period=period or period_for_year("2014-15"),
        source=Observation.Source.PUBLICATION,
        area=area,
        value=None if value is None else Decimal(str(value)),
        missing=missing,
    )


def validated_figures(*, partnership, agency, period, figures: dict) -> DataReturn:
    """A validated return of the agency for the period holding ``figures``: indicator → value,
    or (value, numerator, denominator)."""
    data_return = return_with(
        partnership=partnership,
        agency=agency,
        indicators=list(figures),
        period=period,
        status=DataReturn.Status.VALIDATED,
    )
    for indicator, given in figures.items():
        if isinstance(given, tuple):
            value, numerator, denominator = given
            figure(
                data_return,
                indicator,
                value,
                numerator=Decimal(str(numerator)),
                denominator=Decimal(str(denominator)),
            )
        else:
            figure(data_return, indicator, given)
    return data_return


# --- imports of published statistics (areas, import jobs) ------------------------------------


def statistics_mapping(code: str):
    """The current library item of a statistics mapping (the library is loaded for every test)."""
    from assure.library.selectors import current_item

    found = current_item(kind="statistics-mapping", code=code)
    assert found is not None, f"no statistics mapping {code} in the library"
    return found


class ImportJobFactory(DjangoModelFactory):
    """An import job of the installation's operator (queued; its file is only a name, nothing is
    stored)."""

    class Meta:
        model = "performance.ImportJob"

    partnership = None
    upload = "statistics/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
    file_name = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
    mapping = factory.LazyFunction(lambda: statistics_mapping("dfe-c1"))
    created_by = factory.SubFactory("assure.accounts.tests.factories.UserFactory")


class LocalImportFactory(DjangoModelFactory):
    """A queued import of a partnership's own figures (its file is only a name, nothing is stored)."""

    class Meta:
        model = "performance.LocalImport"

    partnership = factory.SubFactory("assure.partnerships.tests.factories.PartnershipFactory")
    upload = "local-statistics/local-figures.csv"
    file_name = "local-figures.csv"
    created_by = factory.SubFactory("assure.accounts.tests.factories.UserFactory")


# --- computed indicators ------------------------------------------------------------------------


def computed_indicator(
    code: str,
    *,
    computation: str,
    parameters: dict | None = None,
    unit: str = "percentage",
    source: str = "computed",
    decimals: int = 1,
    provider: str = "northshire",
) -> Indicator:
    """An indicator counted by a registered computation, in a library document of its own (of the
    personas' partnership by default, so it is in their catalogue)."""
    from assure.library.models import LibraryDocument, LibraryItem
    from assure.library.schemas import IndicatorItem
    from assure.performance.indicators import indicators_sync

    item = IndicatorItem(
        urn=f"urn:{provider}:indicator:{code}",
        code=code,
        title=f"{code} (computed test)",
        definition="Counted from Assure's records.",
        unit=unit,
        polarity="higher_is_better",
        frequency="annual",
        theme="outcomes",
        source=source,
        decimals=decimals,
        computed={"computation": computation, "parameters": parameters or {}},
    )
    document = LibraryDocument.objects.create(
        urn=f"urn:{provider}:indicators:{code}",
        version=1,
        kind="indicator",
        provider=provider,
        title=f"Computed test indicator {code}",
        checksum="test",
        source_path="assure/performance/tests/factories.py",
        content={},
    )
    LibraryItem.objects.create(
        document=document,
        urn=item.urn,
        kind="indicator",
        code=code,
        title=item.title,
        position=0,
        data=item.model_dump(mode="json"),
    )
    indicators_sync()
    return Indicator.objects.select_related("definition").get(code=code)
