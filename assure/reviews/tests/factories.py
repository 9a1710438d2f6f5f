"""Factories of the reviews app's records, one block per part; each part may add its own."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from assure.accounts.tests.factories import UserFactory
from assure.library.selectors import current_item
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory
from assure.reviews.models import (
    Briefing,
    Contribution,
    Conversation,
    Incident,
    ProgressReport,
    Recommendation,
    Referral,
    Review,
    ReviewFinding,
)


def next_free(model, prefix: str):
    """A reference the partnership's records of ``model`` do not hold yet, as the services number
    them (the highest plus one), so a record made by a factory never takes the number a service
    gives next, nor the reverse."""

    def reference(record) -> str:
        taken = model.objects.filter(partnership=record.partnership, reference__startswith=prefix)
        numbers = [
            int(ref.removeprefix(prefix))
            for ref in taken.values_list("reference", flat=True)
            if ref.removeprefix(prefix).isdigit()
        ]
        return f"{prefix}{max(numbers, default=0) + 1:03d}"

    return factory.LazyAttribute(reference)


# --- case considerations ---------------------------------------------------------------------------


class ReferralFactory(DjangoModelFactory):
    """A case consideration referred by a member, received and awaiting acknowledgement."""

    class Meta:
        model = Referral
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    reference = next_free(Referral, "CC-")
    status = Referral.Status.SUBMITTED
    referred_by = factory.SubFactory(UserFactory)
    referrer_name = "Jo Referrer"
    referrer_email = factory.Sequence(lambda n: f"referrer{n}@example.org")
    referrer_role = "Health visitor"
    route = "learning-review"
    lead_agency = factory.LazyAttribute(lambda r: AgencyFactory(partnerships=[r.partnership]))
    case_reference = factory.Sequence(lambda n: f"LA-{4000 + n}")
    child_age_years = 14
    reasons = "Several agencies knew of the young person's going missing but did not share what they knew."
    chronology = "March: first missing episode reported. April: school raised concerns. May: placement ended."
    submitted_at = factory.LazyFunction(lambda: dt.datetime(2014, 6, 2, 10, 0, tzinfo=dt.UTC))

    @factory.post_generation
    def agencies_involved(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.agencies_involved.set(extracted)


# --- serious incidents -----------------------------------------------------------------------------


class IncidentFactory(DjangoModelFactory):
    """A serious incident the local authority became aware of, not yet notified."""

    class Meta:
        model = Incident

    partnership = factory.SubFactory(PartnershipFactory)
    reference = next_free(Incident, "SI-")
    summary = "Serious injury to a baby"
    circumstances = "Admitted to hospital with injuries not explained by the account given."
    lead_agency = factory.LazyAttribute(lambda i: AgencyFactory(partnerships=[i.partnership]))
    case_reference = factory.Sequence(lambda n: f"CSC-{7000 + n}")
    child_age_years = 0
    aware_on = dt.date(2026, 11, 2)
    created_by = factory.SubFactory(UserFactory)


# --- reviews ---------------------------------------------------------------------------------------


class ReviewFactory(DjangoModelFactory):
    """A learning review, commissioned; pass ``agencies=[...]`` for the agencies involved."""

    class Meta:
        model = Review
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    reference = next_free(Review, "RV-")
    kind = "learning-review"
    title = "A young person who went missing from care"
    lead_reviewer = "An independent reviewer"
    decided_on = dt.date(2014, 7, 1)
    terms_of_reference = "How agencies shared what they knew of the young person's missing episodes."
    panel = "Designated nurse; detective inspector, public protection unit; head of service, children's social care."
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def agencies(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.agencies.set(extracted)


class ContributionFactory(DjangoModelFactory):
    """A chronology asked of an agency, not yet uploaded."""

    class Meta:
        model = Contribution

    review = factory.SubFactory(ReviewFactory)
    agency = factory.LazyAttribute(lambda c: AgencyFactory(partnerships=[c.review.partnership]))
    kind = "chronology"
    due_on = dt.date(2014, 8, 1)
    requested_by = factory.SubFactory(UserFactory)


class ConversationFactory(DjangoModelFactory):
    class Meta:
        model = Conversation

    review = factory.SubFactory(ReviewFactory)
    held_on = dt.date(2014, 9, 10)
    practitioner_role = "Social worker"
    notes = "At the time the missing episodes looked like a pattern of staying with friends."
    recorded_by = factory.SubFactory(UserFactory)


# A small file that is what a PDF's name says (the documents' policy reads its first bytes).
REVIEW_PDF = b"%PDF-1.4\n% a case review document\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


class UploadedContributionFactory(ContributionFactory):
    """A chronology the agency's lead has uploaded."""

    file = factory.django.FileField(data=REVIEW_PDF, filename="chronology.pdf")
    file_name = "Chronology of involvement.pdf"
    uploaded_at = factory.LazyFunction(lambda: dt.datetime(2014, 7, 28, 10, 0, tzinfo=dt.UTC))


class ReportedReviewFactory(ReviewFactory):
    """A review completed, its final report attached, awaiting the record of its publication."""

    status = Review.Status.COMPLETED
    completed_on = dt.date(2015, 1, 30)
    report_file = factory.django.FileField(data=REVIEW_PDF, filename="report.pdf")
    report_file_name = "Final report.pdf"


# --- findings, recommendations and action plans ----------------------------------------------------


class ReviewFindingFactory(DjangoModelFactory):
    class Meta:
        model = ReviewFinding

    review = factory.SubFactory(ReviewFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Agencies did not share information about missing episodes soon enough."


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = Recommendation

    review = factory.SubFactory(ReviewFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Every missing episode is shared with the child's school within a working day."


class ProgressReportFactory(DjangoModelFactory):
    class Meta:
        model = ProgressReport

    review = factory.SubFactory(ReviewFactory)
    meeting = factory.LazyAttribute(
        lambda p: __import__("assure.partnerships.tests.factories", fromlist=["MeetingFactory"]).MeetingFactory(
            partnership=p.review.partnership
        )
    )
    summary = "Two of the three actions are complete; the third is on track."
    recorded_by = factory.SubFactory(UserFactory)


# --- learning briefings ----------------------------------------------------------------------------


def seven_minute_layout():
    """The briefing layout Assure ships (library kind briefing-layout, code seven-minute)."""
    return current_item(kind="briefing-layout", code="seven-minute")


class BriefingFactory(DjangoModelFactory):
    """A draft briefing about new guidance."""

    class Meta:
        model = Briefing

    partnership = factory.SubFactory(PartnershipFactory)
    slug = factory.Sequence(lambda n: f"briefing-{n + 1}")
    title = "Children who go missing from home or care"
    source = Briefing.Source.LEGISLATION
    source_note = "Statutory guidance on children who run away or go missing from home or care, January 2014"
    layout = factory.LazyFunction(seven_minute_layout)
    sections = factory.LazyFunction(
        lambda: {
            "background": "The guidance changed in January 2014.",
            "why-it-matters": "Children who go missing are at risk of exploitation.",
            "what-we-found": "Return interviews were not always offered.",
            "what-to-do": "Offer a return interview every time.",
            "questions": "Do you know who offers return interviews in your area?",
            "further-reading": "The statutory guidance itself.",
        }
    )
    created_by = factory.SubFactory(UserFactory)


class PublishedBriefingFactory(BriefingFactory):
    """A briefing published on the partnership's public learning page."""

    title = "Neglect: seeing the whole child"
    status = Briefing.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: dt.datetime(2015, 3, 2, 10, 0, tzinfo=dt.UTC))
