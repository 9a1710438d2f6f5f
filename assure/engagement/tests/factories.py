"""Factories of engagement's records, one block per part; each part may add its own."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from assure.accounts.tests.factories import UserFactory
from assure.engagement.models import Activity, Campaign, Event, Measure, Survey, Voice
from assure.partnerships.tests.factories import PartnershipFactory, library_item

# --- campaigns ----------------------------------------------------------------------------------


class CampaignFactory(DjangoModelFactory):
    class Meta:
        model = Campaign

    partnership = factory.SubFactory(PartnershipFactory)
    title = "Say Something If You See Something"
    aims = "Raise awareness of child sexual exploitation in the commercial sector and the community."
    audiences = "Hotels, taxi drivers, licensed premises, the public"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))
    created_by = factory.SubFactory(UserFactory)


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    campaign = factory.SubFactory(CampaignFactory)
    kind = "posters"
    description = "Posters taken to hotels with eight rooms or more."
    happened_on = factory.LazyAttribute(lambda a: a.campaign.starts_on)


class MeasureFactory(DjangoModelFactory):
    class Meta:
        model = Measure

    campaign = factory.SubFactory(CampaignFactory)
    kind = "venues"
    value = 36
    measured_on = factory.LazyAttribute(lambda m: m.campaign.starts_on)
    recorded_by = factory.SubFactory(UserFactory)


# --- surveys ------------------------------------------------------------------------------------


class SurveyFactory(DjangoModelFactory):
    """The young people's e-safety survey, open from a week ago for three more weeks."""

    class Meta:
        model = Survey

    partnership = factory.SubFactory(PartnershipFactory)
    title = "Staying safe online"
    series = "esafety-young-people"
    questionnaire = factory.LazyFunction(lambda: library_item("questionnaire", "esafety-young-people"))
    audience = "Young people aged 11 to 18 at school in the area"
    introduction = "Tell us what you do online and who you would tell if something worried you."
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=7))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=21))
    created_by = factory.SubFactory(UserFactory)


# --- voices -------------------------------------------------------------------------------------


class VoiceFactory(DjangoModelFactory):
    class Meta:
        model = Voice

    partnership = factory.SubFactory(PartnershipFactory)
    source_type = "parent"
    channel = "The parents' e-safety page of the website"
    heard_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=10))
    text = "Good and accurate information is hard to come by, so this page is really appreciated."
    consent_to_quote = True
    consent_note = "Asked by e-mail; agreed to be quoted without a name."
    recorded_by = factory.SubFactory(UserFactory)


# --- events -------------------------------------------------------------------------------------


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    partnership = factory.SubFactory(PartnershipFactory)
    kind = "community-workshop"
    title = "Everyone's business: community workshop"
    held_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=14))
    venue = "Market Hall"
    area = "North"
    purpose = "Take up the challenge that safeguarding children is everyone's business."
    audience = "Staff of agencies close to local communities"
    attendees = 45
    created_by = factory.SubFactory(UserFactory)
