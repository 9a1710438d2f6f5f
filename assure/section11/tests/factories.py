"""Factories of Section 11 records. The framework factory writes a small framework straight into
the library tables (two standards, four criteria, one of them for schools only), so tests do not
depend on the shipped frameworks' content; its scale is one of the library's rating scales."""

import datetime as dt
import secrets

import factory
from factory.django import DjangoModelFactory

from assure.library.models import LibraryDocument, LibraryItem
from assure.partnerships.tests.factories import AgencyFactory
from assure.section11.framework import Framework
from assure.section11.models import ChallengeMessage, Cycle, EvidenceFile, Response, Return

# The criteria of the test framework: standard number -> [(ref, applies_to)].
TEST_CRITERIA = {
    1: [("1.1", []), ("1.2", [])],
    2: [("2.1", []), ("2.2", ["school"])],
}


def framework_data(scale: str = "rag", applies_to: list[str] | None = None) -> dict:
    """The item data of a small framework on the given rating scale."""
    return {
        "description": "A small framework for tests.",
        "scale": scale,
        "applies_to": applies_to or [],
        "standards": [
            {
                "number": number,
                "title": f"Standard {number}",
                "description": f"What standard {number} asks.",
                "criteria": [
                    {
                        "ref": ref,
                        "text": f"Criterion {ref} is in place.",
                        "guidance": f"Guidance on {ref}.",
                        "evidence": f"Evidence expected for {ref}.",
                        "applies_to": types,
                    }
                    for ref, types in criteria
                ],
            }
            for number, criteria in TEST_CRITERIA.items()
        ],
    }


class Section11FrameworkDocumentFactory(DjangoModelFactory):
    class Meta:
        model = LibraryDocument

    urn = factory.Sequence(lambda n: f"urn:test:section11-framework-{n}")
    version = 1
    kind = "section11-framework"
    provider = "assure"
    title = factory.Sequence(lambda n: f"Test framework {n}")
    checksum = factory.Sequence(lambda n: f"{n:064d}")
    source_path = "tests/section11-framework.yaml"
    content = factory.LazyFunction(dict)


class Section11FrameworkFactory(DjangoModelFactory):
    """A `section11-framework` library item. ``scale`` names the rating scale (default "rag");
    ``applies_to`` the agency types that answer it (default: every agency)."""

    class Meta:
        model = LibraryItem
        exclude = ("scale", "applies_to")

    class Params:
        scale = "rag"
        applies_to = None

    document = factory.SubFactory(Section11FrameworkDocumentFactory)
    urn = factory.LazyAttribute(lambda o: f"{o.document.urn}:item")
    kind = "section11-framework"
    code = factory.Sequence(lambda n: f"test-framework-{n}")
    title = factory.LazyAttribute(lambda o: o.document.title)
    position = 0
    data = factory.LazyAttribute(lambda o: framework_data(o.scale, o.applies_to))


class CycleFactory(DjangoModelFactory):
    """A cycle led by ``lead_partnership``; ``partnerships`` defaults to the lead alone."""

    class Meta:
        model = Cycle
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Section 11 audit 2014-15 ({n})")
    year = "2014-15"
    framework = factory.SubFactory(Section11FrameworkFactory)
    lead_partnership = factory.SubFactory("assure.partnerships.tests.factories.PartnershipFactory")
    opens_on = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=30))
    deadline = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=30))
    reminder_days = 14
    created_by = factory.SubFactory("assure.accounts.tests.factories.UserFactory")

    @factory.post_generation
    def partnerships(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.partnerships.set(extracted or [obj.lead_partnership])


def add_responses(return_record: Return) -> list[Response]:
    """One response per criterion, as opening a cycle makes them (not applicable where the
    framework excludes the agency's type)."""
    agency_type = return_record.agency.agency_type.code
    return [
        Response.objects.get_or_create(
            return_record=return_record,
            criterion=criterion.ref,
            defaults={"not_applicable": not criterion.applies(agency_type)},
        )[0]
        for criterion in Framework(return_record.cycle.framework).criteria
    ]


class ReturnFactory(DjangoModelFactory):
    """A return with one response per criterion (``with_responses=False`` for none)."""

    class Meta:
        model = Return
        skip_postgeneration_save = True

    cycle = factory.SubFactory(CycleFactory)
    # A new agency of the cycle's lead partnership.
    agency = factory.LazyAttribute(lambda o: AgencyFactory(partnerships=[o.cycle.lead_partnership]))
    status = Return.Status.NOT_STARTED

    @factory.post_generation
    def with_responses(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted is not False:
            add_responses(obj)


class ResponseFactory(DjangoModelFactory):
    class Meta:
        model = Response
        django_get_or_create = ("return_record", "criterion")

    return_record = factory.SubFactory(ReturnFactory, with_responses=False)
    criterion = "1.1"


class ChallengeMessageFactory(DjangoModelFactory):
    class Meta:
        model = ChallengeMessage

    response = factory.SubFactory(ResponseFactory)
    kind = ChallengeMessage.Kind.QUESTION
    text = "What evidence shows that the policy is followed in practice?"
    author = factory.SubFactory("assure.accounts.tests.factories.UserFactory")


PDF_BYTES = b"%PDF-1.4\n% Section 11 evidence\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


class EvidenceFileFactory(DjangoModelFactory):
    class Meta:
        model = EvidenceFile

    response = factory.SubFactory(ResponseFactory)
    token = factory.LazyFunction(lambda: secrets.token_hex(16))
    file = factory.django.FileField(data=PDF_BYTES, filename="evidence.pdf")
    original_name = "Safeguarding policy 2014.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
    uploaded_by = factory.SubFactory("assure.accounts.tests.factories.UserFactory")
