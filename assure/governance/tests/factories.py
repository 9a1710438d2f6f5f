"""Factories of governance's records, one block per part."""

import datetime as dt

import factory
from django.utils import timezone

from assure.accounts.tests.factories import UserFactory
from assure.governance.models import Risk, RiskReview
from assure.library.selectors import current_item
from assure.partnerships.tests.factories import PartnershipFactory

# --- the risk register -----------------------------------------------------------------------


def shipped_matrix():
    """The five by five risk matrix Assure ships (the library is loaded for every test)."""
    return current_item(kind="risk-matrix", code="five-by-five")


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    partnership = factory.SubFactory(PartnershipFactory)
    reference = factory.Sequence(lambda n: f"R-{n + 1:02d}")
    title = "Partner funding falls short of the board's budget"
    cause = "Partners' budgets are cut in the spending review."
    consequence = "The business unit cannot deliver the training programme and audits."
    owner = factory.SubFactory(UserFactory)
    matrix = factory.LazyFunction(shipped_matrix)
    inherent_likelihood = 4
    inherent_impact = 4
    current_likelihood = 3
    current_impact = 4
    target_likelihood = 2
    target_impact = 3
    controls = "Funding agreed a year ahead with each partner."
    next_review_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=60))
    created_by = factory.SubFactory(UserFactory)


class RiskReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiskReview

    risk = factory.SubFactory(RiskFactory)
    reviewed_on = factory.LazyFunction(timezone.localdate)
    reviewed_by = factory.SubFactory(UserFactory)
    likelihood = 3
    impact = 4
    note = "Controls working; no change."


# --- agendas, papers and minutes ---------------------------------------------------------------


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "governance.AgendaItem"

    meeting = factory.SubFactory("assure.partnerships.tests.factories.MeetingFactory")
    position = factory.Sequence(lambda n: n + 1)
    title = "Scorecard and exception report"
    purpose = "discussion"
    presenter = "Business manager"


class PaperItemFactory(AgendaItemFactory):
    """An agenda item whose paper is an uploaded PDF."""

    title = "Child death overview panel annual report"
    paper_token = factory.Sequence(lambda n: f"paper-token-{n}")
    paper_file = factory.django.FileField(data=b"%PDF-1.4 a board paper", filename="paper.pdf")
    paper_file_name = "cdop-annual-report.pdf"
    paper_file_type = "application/pdf"
    paper_file_size = 22


class MeetingMinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "governance.MeetingMinutes"

    meeting = factory.SubFactory("assure.partnerships.tests.factories.MeetingFactory")


# --- the challenge log -------------------------------------------------------------------------


class ChallengeFactory(factory.django.DjangoModelFactory):
    """A challenge awaiting the agency's response; give ``agency`` an agency of ``partnership``."""

    class Meta:
        model = "governance.Challenge"

    partnership = factory.SubFactory(PartnershipFactory)
    reference = factory.Sequence(lambda n: f"C-{n + 1:04d}")
    raised_by = factory.SubFactory(UserFactory)
    raised_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=7))
    agency = factory.SubFactory("assure.partnerships.tests.factories.AgencyFactory")
    subject = "GP attendance at child protection conferences"
    detail = "Please say how the agency will make sure GPs attend or send a report."
    response_due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=21))
