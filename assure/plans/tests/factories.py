import factory
from django.contrib.contenttypes.models import ContentType
from factory.django import DjangoModelFactory

from assure.plans.models import Objective, Plan, Priority, PriorityReview, ReviewEvidence


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan

    partnership = factory.SubFactory("assure.partnerships.tests.factories.PartnershipFactory")
    title = "Business plan 2014-17"
    period = "2014-17"
    first_year = 2014
    last_year = 2016


def _plan_of(priority) -> Plan:
    """The partnership's plan (the newest), made when it has none, so a partnership's priorities
    share one plan as they do in Assure."""
    plan = Plan.objects.filter(partnership=priority.partnership).order_by("-first_year", "-pk").first()
    return plan or PlanFactory(partnership=priority.partnership)


class PriorityFactory(DjangoModelFactory):
    class Meta:
        model = Priority

    partnership = factory.SubFactory("assure.partnerships.tests.factories.PartnershipFactory")
    plan = factory.LazyAttribute(_plan_of)
    title = factory.Sequence(lambda n: f"Priority {n}")


class ObjectiveFactory(DjangoModelFactory):
    class Meta:
        model = Objective

    priority = factory.SubFactory(PriorityFactory)
    title = factory.Sequence(lambda n: f"Objective {n}")


class PriorityReviewFactory(DjangoModelFactory):
    class Meta:
        model = PriorityReview

    priority = factory.SubFactory(PriorityFactory)
    year = "2014-15"
    what_done = "Agreed a joint protocol and trained 120 practitioners in it."
    what_difference = "Referrals naming the concern rose by a fifth."
    what_next = "Audit the protocol's use in the spring."


class ReviewEvidenceFactory(DjangoModelFactory):
    """Evidence pointing at a record given as ``target``."""

    class Meta:
        model = ReviewEvidence
        exclude = ("target",)

    review = factory.SubFactory(PriorityReviewFactory)
    target = None
    target_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.target))
    target_id = factory.LazyAttribute(lambda o: str(o.target.pk))
    label = factory.LazyAttribute(lambda o: str(o.target))
