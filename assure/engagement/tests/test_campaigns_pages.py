"""The campaigns' pages: the register filters and downloads; the business unit adds, changes and
deletes a campaign (after confirming), its activities and its measures; errors are shown against
their fields with nothing typed lost; the board reads and changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from assure.audit.models import Event as TrailEvent
from assure.engagement.models import Activity, Campaign, Event, Measure
from assure.engagement.tests.factories import ActivityFactory, CampaignFactory, EventFactory, MeasureFactory
from assure.plans.tests.factories import PriorityFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, query: str = "", **kwargs):
    return reverse(f"engagement:{name}", kwargs={"partnership": partnership.slug, **kwargs}) + query


def campaign_posted(**changes) -> dict:
    data = {
        "title": "Say Something If You See Something",
        "aims": "Raise awareness of child sexual exploitation.",
        "audiences": "Hotels, taxi drivers, the public",
        "priority": "",
        "starts_on": "2015-03-02",
        "ends_on": "",
    }
    data.update(changes)
    return data


def rows(response) -> list:
    return list(response.context["table"].data)


# --- the register -------------------------------------------------------------------------------


def test_the_register_filters_by_the_year_a_campaign_ran(client, board_member, partnership):
    running = CampaignFactory(partnership=partnership, starts_on=dt.date(2014, 1, 10), ends_on=dt.date(2014, 6, 1))
    CampaignFactory(partnership=partnership, starts_on=dt.date(2016, 5, 1))
    client.force_login(board_member)
    assert rows(client.get(url("campaigns", partnership, "?year=2014-15"))) == [running]


def test_the_register_filters_by_priority(client, board_member, partnership):
    priority = PriorityFactory(partnership=partnership)
    wanted = CampaignFactory(partnership=partnership, priority=priority)
    CampaignFactory(partnership=partnership)
    client.force_login(board_member)
    assert rows(client.get(url("campaigns", partnership, f"?priority={priority.pk}"))) == [wanted]


def test_the_register_searches_titles(client, board_member, partnership):
    wanted = CampaignFactory(partnership=partnership, title="Staying safe online")
    CampaignFactory(partnership=partnership, title="Private fostering")
    client.force_login(board_member)
    assert rows(client.get(url("campaigns", partnership, "?q=online"))) == [wanted]


def test_the_register_downloads_its_rows(client, board_member, partnership):
    CampaignFactory(partnership=partnership, title="Staying safe online", starts_on=dt.date(2015, 2, 1))
    client.force_login(board_member)
    response = client.get(url("campaigns", partnership, "?_export=csv"))
    text = response.content.decode()
    assert "Staying safe online" in text
    assert "2015-02-01" in text
    assert "<a" not in text


def test_the_register_shows_another_partnerships_campaigns_to_nobody(client, business_unit, partnership):
    CampaignFactory(title="Elsewhere")
    client.force_login(business_unit)
    assert rows(client.get(url("campaigns", partnership))) == []


# --- a campaign ---------------------------------------------------------------------------------


def test_the_business_unit_adds_a_campaign(client, business_unit, partnership):
    priority = PriorityFactory(partnership=partnership)
    client.force_login(business_unit)
    response = client.post(url("campaign_create", partnership), campaign_posted(priority=str(priority.pk)))
    campaign = Campaign.objects.get(partnership=partnership)
    assert response.status_code == 302
    assert (campaign.title, campaign.priority, campaign.starts_on) == (
        "Say Something If You See Something",
        priority,
        dt.date(2015, 3, 2),
    )
    assert TrailEvent.objects.filter(verb="engagement.campaign_created").exists()


def test_a_campaign_ending_before_it_starts_is_refused_against_the_end(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(url("campaign_create", partnership), campaign_posted(ends_on="2015-02-01"))
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == ["The campaign must end on or after the day it starts."]
    assert 'value="Say Something If You See Something"' in response.content.decode()
    assert not Campaign.objects.exists()


def test_a_campaign_without_aims_is_refused(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(url("campaign_create", partnership), campaign_posted(aims="  "))
    assert "aims" in response.context["form"].errors
    assert not Campaign.objects.exists()


def test_the_business_unit_changes_a_campaign_and_the_trail_names_the_fields(client, business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership, starts_on=dt.date(2015, 3, 2))
    client.force_login(business_unit)
    client.post(
        url("campaign_edit", partnership, pk=campaign.pk),
        campaign_posted(title="Say Something", audiences=campaign.audiences, aims=campaign.aims),
    )
    campaign.refresh_from_db()
    assert campaign.title == "Say Something"
    event = TrailEvent.objects.get(verb="engagement.campaign_updated")
    assert event.data["changed"] == ["title"]


def test_deleting_a_campaign_asks_first(client, business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership)
    client.force_login(business_unit)
    response = client.get(url("campaign_delete", partnership, pk=campaign.pk))
    assert response.status_code == 200
    assert escape(f"Delete {campaign.title}?") in response.content.decode()
    assert Campaign.objects.filter(pk=campaign.pk).exists()


def test_deleting_a_campaign_takes_its_activities_and_measures_but_keeps_its_events(client, business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership)
    activity = ActivityFactory(campaign=campaign)
    MeasureFactory(campaign=campaign, activity=activity)
    event = EventFactory(partnership=partnership, campaign=campaign)
    client.force_login(business_unit)
    response = client.post(url("campaign_delete", partnership, pk=campaign.pk))
    assert response.status_code == 302
    assert not Campaign.objects.exists()
    assert not Activity.objects.exists()
    assert not Measure.objects.exists()
    event.refresh_from_db()
    assert event.campaign is None
    assert Event.objects.filter(pk=event.pk).exists()


def test_the_campaigns_page_lists_activities_in_date_order(client, board_member, partnership):
    campaign = CampaignFactory(partnership=partnership, starts_on=dt.date(2015, 3, 1))
    ActivityFactory(campaign=campaign, happened_on=dt.date(2015, 3, 20), description="Flyer in the programme")
    ActivityFactory(campaign=campaign, happened_on=dt.date(2015, 3, 5), description="Posters to hotels")
    client.force_login(board_member)
    page = client.get(url("campaign_detail", partnership, pk=campaign.pk)).content.decode()
    assert page.index("Posters to hotels") < page.index("Flyer in the programme")


# --- activities ---------------------------------------------------------------------------------


def test_the_business_unit_adds_an_activity(client, business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership)
    client.force_login(business_unit)
    client.post(
        url("activity_add", partnership, pk=campaign.pk),
        {"kind": "flyers", "description": "A flyer in the football programme", "happened_on": "2015-03-14"},
    )
    activity = campaign.activities.get()
    assert (activity.kind, activity.happened_on) == ("flyers", dt.date(2015, 3, 14))


def test_an_activity_of_a_kind_the_library_does_not_hold_is_refused(client, business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership)
    client.force_login(business_unit)
    response = client.post(
        url("activity_add", partnership, pk=campaign.pk),
        {"kind": "skywriting", "description": "Over the town", "happened_on": "2015-03-14"},
    )
    assert "kind" in response.context["form"].errors
    assert not campaign.activities.exists()


def test_the_business_unit_changes_an_activity(client, business_unit, partnership):
    activity = ActivityFactory(campaign=CampaignFactory(partnership=partnership))
    client.force_login(business_unit)
    client.post(
        url("activity_edit", partnership, pk=activity.campaign_id, activity=activity.pk),
        {"kind": "social-media", "description": "Tweets", "happened_on": "2015-03-20"},
    )
    activity.refresh_from_db()
    assert (activity.kind, activity.description) == ("social-media", "Tweets")


def test_removing_an_activity_asks_first_then_removes_it(client, business_unit, partnership):
    activity = ActivityFactory(campaign=CampaignFactory(partnership=partnership))
    address = url("activity_remove", partnership, pk=activity.campaign_id, activity=activity.pk)
    client.force_login(business_unit)
    assert "Remove the activity" in client.get(address).content.decode()
    assert Activity.objects.filter(pk=activity.pk).exists()
    client.post(address)
    assert not Activity.objects.filter(pk=activity.pk).exists()


def test_an_activity_is_not_found_under_another_campaign(client, business_unit, partnership):
    activity = ActivityFactory(campaign=CampaignFactory(partnership=partnership))
    other = CampaignFactory(partnership=partnership)
    client.force_login(business_unit)
    response = client.get(url("activity_edit", partnership, pk=other.pk, activity=activity.pk))
    assert response.status_code == 404


# --- measures -----------------------------------------------------------------------------------


def test_the_business_unit_records_a_measure_of_an_activity(client, business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership)
    activity = ActivityFactory(campaign=campaign)
    client.force_login(business_unit)
    client.post(
        url("measure_add", partnership, pk=campaign.pk),
        {"kind": "audience", "value": "5000", "measured_on": "2015-03-14", "activity": str(activity.pk), "note": ""},
    )
    measure = campaign.measures.get()
    assert (measure.kind, measure.value, measure.activity) == ("audience", 5000, activity)
    assert measure.recorded_by == business_unit


def test_a_measure_below_nought_is_refused(client, business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership)
    client.force_login(business_unit)
    response = client.post(
        url("measure_add", partnership, pk=campaign.pk),
        {"kind": "reach", "value": "-3", "measured_on": "2015-03-14", "activity": ""},
    )
    assert response.context["form"].errors["value"] == ["The figure measured cannot be below nought."]
    assert not campaign.measures.exists()


def test_a_measure_cannot_name_another_campaigns_activity(business_unit, partnership):
    from django.core.exceptions import ValidationError

    from assure.engagement.services.campaigns import measure_add

    campaign = CampaignFactory(partnership=partnership)
    elsewhere = ActivityFactory(campaign=CampaignFactory(partnership=partnership))
    with pytest.raises(ValidationError) as raised:
        measure_add(
            actor=business_unit,
            campaign=campaign,
            values={"kind": "reach", "value": 10, "measured_on": dt.date(2015, 3, 1), "activity": elsewhere},
        )
    assert "activity" in raised.value.message_dict


def test_removing_a_measure_asks_first_then_removes_it(client, business_unit, partnership):
    measure = MeasureFactory(campaign=CampaignFactory(partnership=partnership))
    address = url("measure_remove", partnership, pk=measure.campaign_id, measure=measure.pk)
    client.force_login(business_unit)
    assert "Remove the measure" in client.get(address).content.decode()
    client.post(address)
    assert not Measure.objects.filter(pk=measure.pk).exists()
    assert TrailEvent.objects.filter(verb="engagement.measure_removed").exists()


# --- who may -----------------------------------------------------------------------------------


def test_the_board_reads_a_campaign_without_the_buttons_to_change_it(client, board_member, partnership):
    campaign = CampaignFactory(partnership=partnership)
    client.force_login(board_member)
    page = client.get(url("campaign_detail", partnership, pk=campaign.pk)).content.decode()
    assert escape(campaign.title) in page
    assert "Change the campaign" not in page
    assert "Record a measure" not in page


def test_the_board_cannot_add_a_campaign(client, board_member, partnership):
    client.force_login(board_member)
    response = client.post(url("campaign_create", partnership), campaign_posted())
    assert response.status_code == 403
    assert not Campaign.objects.exists()


def test_the_board_cannot_delete_a_campaign(client, board_member, partnership):
    campaign = CampaignFactory(partnership=partnership)
    client.force_login(board_member)
    assert client.post(url("campaign_delete", partnership, pk=campaign.pk)).status_code == 403
    assert Campaign.objects.filter(pk=campaign.pk).exists()


def test_an_agency_lead_cannot_read_campaigns(client, agency_lead, partnership):
    client.force_login(agency_lead)
    assert client.get(url("campaigns", partnership)).status_code == 403
