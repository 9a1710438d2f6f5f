"""The partnership's public learning page, read without signing in: published briefings only in
the list, the search, a briefing's page and the Atom feed; drafts, withdrawn briefings, another
partnership's briefings and unknown partnerships answer 404."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.urls import reverse

from assure.reviews.models import Briefing
from assure.reviews.tests.factories import BriefingFactory, PublishedBriefingFactory

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def anonymous():
    return Client()


@pytest.fixture
def withdrawn_briefing(partnership):
    return PublishedBriefingFactory(
        partnership=partnership, slug="old-guidance", title="Old guidance", status=Briefing.Status.WITHDRAWN
    )


def _index(partnership, **query) -> str:
    address = reverse("learning:index", kwargs={"partnership": partnership.slug})
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _page(partnership, slug) -> str:
    return reverse("learning:briefing", kwargs={"partnership": partnership.slug, "slug": slug})


def _feed(client, partnership):
    return client.get(reverse("learning:feed", kwargs={"partnership": partnership.slug}))


def test_the_list_shows_published_briefings(anonymous, partnership, published_briefing):
    response = anonymous.get(_index(partnership))

    assert response.status_code == 200
    assert published_briefing.title in response.content.decode()


def test_the_list_never_shows_a_draft(anonymous, partnership, published_briefing, draft_briefing):
    assert draft_briefing.title not in anonymous.get(_index(partnership)).content.decode()


def test_the_list_never_shows_a_withdrawn_briefing(anonymous, partnership, withdrawn_briefing):
    assert withdrawn_briefing.title not in anonymous.get(_index(partnership)).content.decode()


def test_the_list_shows_the_newest_first(anonymous, partnership, published_briefing):
    newer = PublishedBriefingFactory(
        partnership=partnership,
        slug="newer",
        title="A newer briefing",
        published_at=dt.datetime(2015, 6, 1, 10, 0, tzinfo=dt.UTC),
    )

    page = anonymous.get(_index(partnership)).content.decode()

    assert page.index(newer.title) < page.index(published_briefing.title)


def test_the_list_offers_the_feed_to_browsers(anonymous, partnership):
    page = anonymous.get(_index(partnership)).content.decode()

    assert 'rel="alternate" type="application/atom+xml"' in page


def test_the_search_finds_a_briefing_by_a_word_of_its_text(anonymous, partnership, published_briefing):
    page = anonymous.get(_index(partnership, q="incident")).content.decode()

    assert published_briefing.title in page


def test_the_search_leaves_out_briefings_without_the_word(anonymous, partnership, published_briefing):
    page = anonymous.get(_index(partnership, q="fabricated")).content.decode()

    assert published_briefing.title not in page


def test_the_search_never_finds_a_draft(anonymous, partnership, draft_briefing):
    page = anonymous.get(_index(partnership, q="interviews")).content.decode()

    assert draft_briefing.title not in page


def test_the_list_is_paged(anonymous, partnership):
    for number in range(11):
        PublishedBriefingFactory(partnership=partnership, slug=f"b-{number}", title=f"Briefing number {number:02d}")

    second = anonymous.get(_index(partnership, page=2)).content.decode()

    assert second.count("Briefing number") == 1


def test_a_published_briefing_reads_without_signing_in(anonymous, partnership, published_briefing):
    response = anonymous.get(_page(partnership, published_briefing.slug))

    assert response.status_code == 200
    assert "Return interviews were not always offered." in response.content.decode()


def test_a_briefings_page_has_a_print_stylesheet(anonymous, partnership, published_briefing):
    page = anonymous.get(_page(partnership, published_briefing.slug)).content.decode()

    assert 'media="print"' in page


def test_the_public_pages_show_no_members_navigation(anonymous, partnership, published_briefing):
    page = anonymous.get(_page(partnership, published_briefing.slug)).content.decode()

    assert "govuk-service-navigation" not in page


def test_section_text_is_never_markup(anonymous, partnership):
    briefing = PublishedBriefingFactory(
        partnership=partnership, slug="markup", sections={"background": "<script>alert(1)</script>"}
    )

    page = anonymous.get(_page(partnership, briefing.slug)).content.decode()

    assert "<script>alert(1)</script>" not in page


def test_the_public_pages_may_be_cached(anonymous, partnership, published_briefing):
    response = anonymous.get(_page(partnership, published_briefing.slug))

    assert response["Cache-Control"].startswith("public")


def test_a_drafts_address_answers_not_found(anonymous, partnership, draft_briefing):
    assert anonymous.get(_page(partnership, draft_briefing.slug)).status_code == 404


def test_a_withdrawn_briefings_address_answers_not_found(anonymous, partnership, withdrawn_briefing):
    assert anonymous.get(_page(partnership, withdrawn_briefing.slug)).status_code == 404


def test_another_partnerships_briefing_is_not_found_at_this_partnerships_address(
    anonymous, partnership, other_partnership
):
    theirs = PublishedBriefingFactory(partnership=other_partnership, slug="theirs")

    assert anonymous.get(_page(partnership, theirs.slug)).status_code == 404


def test_an_unknown_partnership_answers_not_found(anonymous, db):
    assert anonymous.get("/learning/nowhere/").status_code == 404


def test_an_unknown_partnerships_feed_answers_not_found(anonymous, db):
    assert anonymous.get("/learning/nowhere/feed/").status_code == 404


def test_the_feed_is_atom_with_only_published_briefings(
    anonymous, partnership, published_briefing, draft_briefing, withdrawn_briefing
):
    response = _feed(anonymous, partnership)

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert titles == [published_briefing.title]


def test_the_feed_links_each_entry_to_its_public_page(anonymous, partnership, published_briefing):
    feed = ET.fromstring(_feed(anonymous, partnership).content)

    entry = next(feed.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}link").get("href").endswith(_page(partnership, published_briefing.slug))


def test_the_feed_of_one_partnership_leaves_out_anothers(anonymous, partnership, other_partnership):
    PublishedBriefingFactory(partnership=other_partnership, slug="theirs", title="Their briefing")

    feed = ET.fromstring(_feed(anonymous, partnership).content)

    assert list(feed.iter(f"{ATOM}entry")) == []


def test_a_signed_in_member_reads_the_same_public_page(client, business_unit, partnership, published_briefing):
    client.force_login(business_unit)

    assert client.get(_page(partnership, published_briefing.slug)).status_code == 200


def test_a_draft_is_not_public_even_to_its_writer(client, business_unit, partnership):
    draft = BriefingFactory(partnership=partnership, slug="unpublished")
    client.force_login(business_unit)

    assert client.get(_page(partnership, draft.slug)).status_code == 404
