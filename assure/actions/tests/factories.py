import datetime as dt

import factory
from factory.django import DjangoModelFactory

from assure.actions.models import Action, ActionUpdate, CancellationProposal


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = Action

    partnership = factory.SubFactory("assure.partnerships.tests.factories.PartnershipFactory")
    reference = factory.Sequence(lambda n: f"A-{n:04d}")
    title = factory.Sequence(lambda n: f"Action {n}")
    owner_agency = factory.SubFactory("assure.partnerships.tests.factories.AgencyFactory")
    due_on = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=30))
    created_by = factory.SubFactory("assure.accounts.tests.factories.UserFactory")


class ActionUpdateFactory(DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    action = factory.SubFactory(ActionFactory)
    text = "Procedure revised and circulated to staff."
    author = factory.SubFactory("assure.accounts.tests.factories.UserFactory")


class CancellationProposalFactory(DjangoModelFactory):
    class Meta:
        model = CancellationProposal

    action = factory.SubFactory(ActionFactory)
    reason = "The new multi-agency procedure replaces this work."
    proposed_by = factory.SubFactory("assure.accounts.tests.factories.UserFactory")
