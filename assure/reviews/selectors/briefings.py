"""Reads of learning briefings: the layouts a partnership writes them in, the briefings a member
may see (every briefing of the partnership, for those who read reviews), the reviews a briefing
may share the learning of, and what the partnership's public learning page shows (its published
briefings only, searched by their words)."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from assure.accounts.models import User
from assure.audit.models import Event
from assure.audit.selectors import events_about
from assure.library.models import LibraryItem
from assure.library.schemas import SHIPPED_PROVIDER
from assure.library.schemas_briefings import BriefingLayoutItem, BriefingSection
from assure.library.selectors import current_items
from assure.partnerships.models import Partnership

from ..models import Briefing, Review
from ..permissions import can_manage_briefings, can_view_reviews

LAYOUT_KIND = "briefing-layout"
DEFAULT_LAYOUT = "seven-minute"


# --- layouts (library content every partnership shares) ------------------------------------------


def layout_items(partnership: Partnership) -> list[LibraryItem]:
    """The briefing layouts the partnership may write in: its own (provider its slug) first, then
    Assure's, each the newest version. The library holds nothing personal, so this needs no user."""
    items = list(current_items(kind=LAYOUT_KIND).filter(document__provider__in=[partnership.slug, SHIPPED_PROVIDER]))
    return sorted(items, key=lambda item: (item.document.provider != partnership.slug, item.code != DEFAULT_LAYOUT))


def layout_for(partnership: Partnership, code: str | None = None) -> LibraryItem | None:
    """The layout of that code the partnership may use, or (no code) the one it writes in by
    default: its own first, else Assure's 7-minute briefing. None when the library has none."""
    items = layout_items(partnership)
    if code:
        items = [item for item in items if item.code == code]
    return items[0] if items else None


def layout_of(item: LibraryItem) -> BriefingLayoutItem:
    """The layout of a library item, validated."""
    return BriefingLayoutItem.model_validate(item.data)


@dataclass(frozen=True)
class WrittenSection:
    """A section of a briefing as it reads: the layout's section and the text written in it."""

    section: BriefingSection
    text: str

    @property
    def code(self) -> str:
        return self.section.code

    @property
    def title(self) -> str:
        return self.section.title


def written_sections(briefing: Briefing, *, filled_only: bool = True) -> list[WrittenSection]:
    """The briefing's sections in its layout's order, with their text (only those written, unless
    ``filled_only`` is False)."""
    layout = layout_of(briefing.layout)
    texts = briefing.sections or {}
    sections = [WrittenSection(section, (texts.get(section.code) or "").strip()) for section in layout.sections]
    return [s for s in sections if s.text] if filled_only else sections


def briefing_source_label(briefing: Briefing) -> str:
    """Where the briefing's learning comes from, in words fit for the public page (a local review
    by its title, which names nobody)."""
    if briefing.source == Briefing.Source.LOCAL_REVIEW and briefing.review_id:
        return f"Learning from a local review: {briefing.review.title}"
    label = briefing.get_source_display()
    return f"{label}: {briefing.source_note}" if briefing.source_note else label


# --- the partnership's pages --------------------------------------------------------------------


def briefings_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Briefing]:
    """Every briefing of the partnership (drafts, published and withdrawn) for those who read
    reviews; nothing for anyone else."""
    if not can_view_reviews(user=user, partnership=partnership):
        return Briefing.objects.none()
    return Briefing.objects.filter(partnership=partnership).select_related("review", "layout", "partnership")


def review_choices(*, user: User, partnership: Partnership) -> QuerySet[Review]:
    """The reviews of the partnership a briefing may share the learning of (any status), for those
    who write briefings."""
    if not can_manage_briefings(user=user, partnership=partnership):
        return Review.objects.none()
    return Review.objects.filter(partnership=partnership).order_by("-decided_on", "-pk")


def briefing_events(*, user: User, briefing: Briefing) -> QuerySet[Event]:
    """What happened to the briefing (written, changed, published, withdrawn), newest first."""
    if not can_view_reviews(user=user, partnership=briefing.partnership):
        return Event.objects.none()
    return events_about(target=briefing)


def briefing_withdrawal(*, user: User, briefing: Briefing) -> Event | None:
    """The latest withdrawal of the briefing (its reason in ``data``), when it is withdrawn."""
    if briefing.status != Briefing.Status.WITHDRAWN:
        return None
    return briefing_events(user=user, briefing=briefing).filter(verb="reviews.briefing_withdrawn").first()


def briefings_of_review(*, user: User, review: Review) -> QuerySet[Briefing]:
    """The briefings sharing a review's learning (for the review's page)."""
    return briefings_visible_to(user=user, partnership=review.partnership).filter(review=review)


# --- the public learning page (published briefings only; no user) ---------------------------------


def public_partnership(slug: str) -> Partnership | None:
    """The partnership whose public learning page this is: an active one of that slug. The page is
    public, so this needs no user."""
    return Partnership.objects.filter(slug=slug, is_active=True).first()


def published_briefings(*, partnership: Partnership, query: str = "") -> QuerySet[Briefing]:
    """The partnership's published briefings, newest first; with ``query``, those whose title or
    text holds every word of it. Drafts and withdrawn briefings are never among them. Public, so
    this needs no user."""
    found = Briefing.objects.filter(partnership=partnership, status=Briefing.Status.PUBLISHED)
    for word in query.split()[:12]:
        found = found.filter(Q(title__icontains=word) | Q(search_text__icontains=word))
    return found.select_related("review", "layout").order_by("-published_at", "-pk")


def published_briefing(*, partnership: Partnership, slug: str) -> Briefing | None:
    """One published briefing of the partnership by its address; None for a draft, a withdrawn
    briefing or none at all. Public, so this needs no user."""
    return published_briefings(partnership=partnership).filter(slug=slug).first()
