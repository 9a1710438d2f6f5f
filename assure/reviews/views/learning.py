"""The partnership's public learning page, open to anyone without signing in: its published
learning briefings, newest first and searchable, and each briefing on a page of its own that
prints cleanly. A draft or withdrawn briefing, and a partnership that does not exist, answer 404.
The Atom feed is ``assure/reviews/feeds.py``."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from assure.core.access import public

from ..selectors.briefings import (
    briefing_source_label,
    public_partnership,
    published_briefing,
    published_briefings,
    written_sections,
)

PAGE_SIZE = 10
QUERY_LENGTH = 200
# Published briefings are the same for everyone: shared caches may keep them for a few minutes.
CACHE_CONTROL = "public, max-age=300"


def _partnership(slug: str):
    found = public_partnership(slug)
    if found is None:
        raise Http404
    return found


def _public(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = CACHE_CONTROL
    return response


@public
def index(request: HttpRequest, partnership: str) -> HttpResponse:
    found = _partnership(partnership)
    query = request.GET.get("q", "").strip()[:QUERY_LENGTH]
    page = Paginator(published_briefings(partnership=found, query=query), PAGE_SIZE).get_page(request.GET.get("page"))
    entries = [(briefing, briefing_source_label(briefing)) for briefing in page.object_list]
    return _public(
        render(
            request,
            "reviews/learning/index.html",
            {
                "partnership": found,
                "query": query,
                "page": page,
                "entries": entries,
                "feed_url": reverse("learning:feed", kwargs={"partnership": found.slug}),
            },
        )
    )


@public
def briefing(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    found = _partnership(partnership)
    shown = published_briefing(partnership=found, slug=slug)
    if shown is None:
        raise Http404
    return _public(
        render(
            request,
            "reviews/learning/briefing.html",
            {
                "partnership": found,
                "briefing": shown,
                "source_label": briefing_source_label(shown),
                "rows": [(section, None) for section in written_sections(shown)],
                "index_url": reverse("learning:index", kwargs={"partnership": found.slug}),
                "feed_url": reverse("learning:feed", kwargs={"partnership": found.slug}),
            },
        )
    )
