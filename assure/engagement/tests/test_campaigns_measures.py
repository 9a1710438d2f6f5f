"""A campaign's measures add up only where the library says they do (reach, copies, audience),
never an average reach per post, and a measure of a kind the library no longer holds is listed,
not added."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from assure.engagement.selectors.campaigns import campaign_measures
from assure.engagement.tests.factories import ActivityFactory, CampaignFactory, MeasureFactory

pytestmark = pytest.mark.django_db


def totals(user, partnership, campaign) -> dict:
    found = campaign_measures(user=user, partnership=partnership, campaign=campaign)
    return {total.code: total.total for total in found.totals}


def test_measures_of_a_kind_that_adds_up_are_summed(business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership)
    MeasureFactory(campaign=campaign, kind="reach", value=400_000)
    MeasureFactory(campaign=campaign, kind="reach", value=27_821)
    assert totals(business_unit, partnership, campaign) == {"reach": Decimal(427_821)}


def test_an_average_reach_is_never_added(business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership)
    MeasureFactory(campaign=campaign, kind="average-reach", value=21_392)
    MeasureFactory(campaign=campaign, kind="average-reach", value=20_000)
    found = campaign_measures(user=business_unit, partnership=partnership, campaign=campaign)
    assert found.totals == []
    assert [shown.measure.value for shown in found.not_added] == [21_392, 20_000]


def test_totals_follow_the_librarys_order(business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership)
    MeasureFactory(campaign=campaign, kind="venues", value=36)
    MeasureFactory(campaign=campaign, kind="reach", value=10)
    assert list(totals(business_unit, partnership, campaign)) == ["reach", "venues"]


def test_a_measure_of_a_kind_the_library_no_longer_holds_is_listed_not_added(business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership)
    MeasureFactory(campaign=campaign, kind="retired-kind", value=5)
    found = campaign_measures(user=business_unit, partnership=partnership, campaign=campaign)
    assert found.totals == []
    assert [shown.title for shown in found.listed] == ["retired-kind"]


def test_measures_are_listed_by_date(business_unit, partnership):
    campaign = CampaignFactory(partnership=partnership)
    later = MeasureFactory(campaign=campaign, measured_on=dt.date(2015, 3, 20))
    earlier = MeasureFactory(campaign=campaign, measured_on=dt.date(2015, 3, 2))
    found = campaign_measures(user=business_unit, partnership=partnership, campaign=campaign)
    assert [shown.measure for shown in found.listed] == [earlier, later]


def test_the_campaigns_page_shows_the_total_and_marks_what_is_not_added(client, board_member, partnership):
    campaign = CampaignFactory(partnership=partnership)
    activity = ActivityFactory(campaign=campaign, kind="social-media")
    MeasureFactory(campaign=campaign, activity=activity, kind="reach", value=400_000)
    MeasureFactory(campaign=campaign, activity=activity, kind="reach", value=27_821)
    MeasureFactory(campaign=campaign, activity=activity, kind="average-reach", value=21_392)
    client.force_login(board_member)
    page = client.get(
        reverse("engagement:campaign_detail", kwargs={"partnership": partnership.slug, "pk": campaign.pk})
    ).content.decode()
    totals_list = page[page.index('id="measure-totals"') :]
    totals_list = totals_list[: totals_list.index("</dl>")]
    assert "427,821" in totals_list
    assert "Average reach" not in totals_list
    assert "Not added up" in page


def test_nobody_outside_engagement_reads_the_measures(agency_lead, partnership):
    campaign = CampaignFactory(partnership=partnership)
    MeasureFactory(campaign=campaign, kind="reach", value=10)
    assert campaign_measures(user=agency_lead, partnership=partnership, campaign=campaign).listed == []
