"""The Atom feed of a partnership's public learning page: its published briefings, newest first,
so practitioners and partner agencies' intranets hear of each one as it is published. Drafts and
withdrawn briefings never appear."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from assure.core.access import public

from .selectors.briefings import briefing_source_label, public_partnership, published_briefings, written_sections

FEED_LENGTH = 20


class BriefingFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=300"
        return response

    def get_object(self, request, partnership: str):
        found = public_partnership(partnership)
        if found is None:
            raise Http404
        return found

    def title(self, partnership) -> str:
        return f"{partnership.name}: learning briefings"

    def subtitle(self, partnership) -> str:
        return (
            f"The learning briefings {partnership.short_name} publishes for practitioners: what local and national "
            "reviews found and what new legislation and guidance ask of them."
        )

    def link(self, partnership) -> str:
        return reverse("learning:index", kwargs={"partnership": partnership.slug})

    def feed_url(self, partnership) -> str:
        return reverse("learning:feed", kwargs={"partnership": partnership.slug})

    def author_name(self, partnership) -> str:
        return partnership.name

    def items(self, partnership):
        return published_briefings(partnership=partnership)[:FEED_LENGTH]

    def item_title(self, briefing) -> str:
        return briefing.title

    def item_description(self, briefing) -> str:
        sections = written_sections(briefing)
        opening = Truncator(sections[0].text).words(60) if sections else ""
        return f"{briefing_source_label(briefing)}. {opening}".strip()

    def item_link(self, briefing) -> str:
        return reverse("learning:briefing", kwargs={"partnership": briefing.partnership.slug, "slug": briefing.slug})

    def item_pubdate(self, briefing):
        return briefing.published_at

    def item_updateddate(self, briefing):
        return max(briefing.updated_at, briefing.published_at)


briefing_feed = public(BriefingFeed())
