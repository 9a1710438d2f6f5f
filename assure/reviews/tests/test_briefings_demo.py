"""The demo's learning briefings (assure/reviews/demo/briefings.py): Shropshire's two briefings of
2014-15 on its public learning page, and a draft about new guidance that stays off it."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_of
from assure.reviews.models import Briefing
from tests.real_names import real_names_in


@pytest.fixture
def shropshire(demo_region, db) -> Partnership:
    """Of the shared demo region (conftest.py), each test in a transaction of its own."""
    return Partnership.objects.get(slug="shropshire")


def test_two_briefings_of_2014_15_are_published(shropshire):
    published = Briefing.objects.filter(partnership=shropshire, status=Briefing.Status.PUBLISHED)

    assert [financial_year_of(b.published_at.date()) for b in published] == ["2014-15", "2014-15"]


def test_the_draft_stays_off_the_public_page(shropshire):
    draft = Briefing.objects.get(partnership=shropshire, status=Briefing.Status.DRAFT)

    page = Client().get(reverse("learning:index", kwargs={"partnership": shropshire.slug})).content.decode()

    assert draft.title not in page
    assert draft.created_at.date() > dt.date(2015, 3, 31)


def test_the_public_page_lists_the_published_briefings(shropshire):
    page = Client().get(reverse("learning:index", kwargs={"partnership": shropshire.slug})).content.decode()

    assert "Young people placed far from home" in page
    assert "Child sexual exploitation: learning from our systems review" in page


def test_the_briefings_name_no_real_person(shropshire):
    texts = [text for b in Briefing.objects.filter(partnership=shropshire) for text in (b.title, *b.sections.values())]

    assert [name for text in texts for name in real_names_in(text)] == []
