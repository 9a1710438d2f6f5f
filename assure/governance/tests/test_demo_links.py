"""The demo's board papers and challenges, linked to the records of other parts of Assure once
the whole demo is written (``assure/governance/demo/links.py``)."""

import datetime as dt

import pytest
from django.urls import reverse

from assure.accounts.models import User
from assure.core.links import linked_url
from assure.governance.demo.agendas import MEETING_ITEMS
from assure.governance.models import AgendaItem, Challenge
from assure.partnerships.models import Partnership


@pytest.fixture
def shropshire(demo_region, db) -> Partnership:
    """Of the shared demo region (conftest.py), each test in a transaction of its own."""
    return Partnership.objects.get(slug="shropshire")


@pytest.fixture
def manager(shropshire) -> User:
    return User.objects.get(email="business-unit@shropshire.demo.assure.test")


class TestTheDemosLinks:
    def test_most_papers_of_2014_15_are_records_in_assure(self, shropshire):
        items = AgendaItem.objects.filter(meeting__partnership=shropshire, meeting__held_on__in=list(MEETING_ITEMS))
        assert items.exclude(paper_type=None).count() >= 15

    def test_every_linked_paper_opens_its_record(self, shropshire, manager):
        for item in AgendaItem.objects.filter(meeting__partnership=shropshire).exclude(paper_type=None):
            address = linked_url(
                user=manager, partnership=shropshire, content_type=item.paper_type, object_id=item.paper_id
            )
            assert address, item.paper_label

    def test_the_march_2015_risk_register_item_is_the_register(self, shropshire):
        item = AgendaItem.objects.get(
            meeting__partnership=shropshire, meeting__held_on=dt.date(2015, 3, 19), title="The risk register"
        )
        assert item.paper == shropshire and item.paper_label == "The risk register"

    def test_the_march_2015_scorecard_item_is_its_exception_report(self, shropshire):
        item = AgendaItem.objects.get(
            meeting__partnership=shropshire, meeting__held_on=dt.date(2015, 3, 19), title__startswith="Scorecard"
        )
        assert item.paper_type.model == "exceptionreport"

    def test_the_next_meetings_published_agenda_has_linked_papers(self, shropshire):
        latest = AgendaItem.objects.filter(meeting__partnership=shropshire).latest("meeting__held_on").meeting
        assert latest.minutes_record.is_agenda_published
        assert latest.agenda_items.exclude(paper_type=None).count() >= 3

    def test_demo_challenges_are_about_records_of_several_kinds(self, shropshire):
        kinds = set(
            Challenge.objects.filter(partnership=shropshire)
            .exclude(source_type=None)
            .values_list("source_type__model", flat=True)
        )
        assert {"exceptionitem", "return", "agendaitem"} <= kinds

    def test_a_challenges_page_links_the_record_it_is_about(self, client, shropshire, manager):
        challenge = Challenge.objects.get(partnership=shropshire, subject="Attendance at board meetings")
        address = linked_url(
            user=manager, partnership=shropshire, content_type=challenge.source_type, object_id=challenge.source_id
        )
        client.force_login(manager)
        html = client.get(
            reverse("governance:challenge_detail", kwargs={"partnership": shropshire.slug, "pk": challenge.pk})
        ).content.decode()
        assert address and f'href="{address}"' in html
