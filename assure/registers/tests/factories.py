"""Factories of the registers' records, one block per part; each part may add its own.

Entry numbers are taken in the partnership as the services number them (the highest plus one), so
a factory never takes one a service will."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from assure.accounts.tests.factories import UserFactory
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory, library_item
from assure.registers.kinds import kind_of
from assure.registers.models import Entry, Provider, RetainedYear, RetentionRun, Upload


def _next_number(entry) -> str:
    numbers = [
        int(number.removeprefix("RG-"))
        for number in Entry.objects.filter(partnership=entry.partnership).values_list("number", flat=True)
        if number.removeprefix("RG-").isdigit()
    ]
    return f"RG-{max(numbers, default=0) + 1:04d}"


# --- entries ------------------------------------------------------------------------------------


def marac_values(**values) -> dict:
    """A MARAC case's fields: discussed last week, not a repeat, two children, referred by the
    police; any given instead."""
    return {
        "discussed-on": (timezone.localdate() - dt.timedelta(days=7)).isoformat(),
        "repeat": "no",
        "children": 2,
        "referred-by": "police",
        **values,
    }


def placement_values(**values) -> dict:
    """A placement notification's fields: a child moved into Oak Lodge three days ago, placed by
    another authority, at risk of CSE; any given instead."""
    moved = (timezone.localdate() - dt.timedelta(days=3)).isoformat()
    return {
        "moved-in-on": moved,
        "notified-on": moved,
        "placing-authority": "other-authority",
        "setting": "childrens-home",
        "home": "Oak Lodge",
        "missing-before": "no",
        "cse-risk": "at-risk",
        **values,
    }


class EntryFactory(DjangoModelFactory):
    """A MARAC case of a police agency, recorded on the form (pass ``kind_code``, ``kind`` and
    ``values`` for another kind)."""

    class Meta:
        model = Entry

    partnership = factory.SubFactory(PartnershipFactory)
    kind_code = "marac-case"
    kind = factory.LazyAttribute(lambda e: library_item("register-kind", e.kind_code))
    number = factory.LazyAttribute(_next_number)
    agency = factory.LazyAttribute(lambda e: AgencyFactory(partnerships=[e.partnership]))
    agency_reference = factory.Sequence(lambda n: f"MARAC/{n:05d}")
    values = factory.LazyFunction(marac_values)
    occurred_on = factory.LazyAttribute(
        lambda e: dt.date.fromisoformat(str(e.values[kind_of(e.kind).spec.counted_by])[:10])
    )
    status = Entry.Status.SUBMITTED
    source = Entry.Source.FORM
    recorded_by = factory.SubFactory(UserFactory)


# --- uploads ------------------------------------------------------------------------------------


class UploadFactory(DjangoModelFactory):
    class Meta:
        model = Upload

    partnership = factory.SubFactory(PartnershipFactory)
    kind_code = "marac-case"
    kind = factory.LazyAttribute(lambda u: library_item("register-kind", u.kind_code))
    agency = factory.LazyAttribute(lambda u: AgencyFactory(partnerships=[u.partnership]))
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    filename = "marac-extract.csv"
    rows = 0
    uploaded_by = factory.SubFactory(UserFactory)


# --- providers ----------------------------------------------------------------------------------


class ProviderFactory(DjangoModelFactory):
    """A private provider, e-mail confirmed and verified by the business unit."""

    class Meta:
        model = Provider

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    organisation = "Hillside Care Homes Ltd"
    homes = "Oak Lodge\nBeech House"
    ofsted_urn = factory.Sequence(lambda n: f"SC{400000 + n}")
    job_role = "Registered manager"
    status = Provider.Status.VERIFIED
    verified_at = factory.LazyFunction(timezone.now)
    reviewed_at = factory.LazyFunction(timezone.now)


# --- retention ----------------------------------------------------------------------------------


class RetainedYearFactory(DjangoModelFactory):
    class Meta:
        model = RetainedYear

    partnership = factory.SubFactory(PartnershipFactory)
    kind_code = "marac-case"
    year = "2008-09"
    figures = factory.LazyFunction(lambda: {"cases": 150, "repeats": 20, "children": 180})
    entries_deleted = 150


class RetentionRunFactory(DjangoModelFactory):
    class Meta:
        model = RetentionRun

    finished_at = factory.LazyFunction(timezone.now)
    outcome = RetentionRun.Outcome.DONE
