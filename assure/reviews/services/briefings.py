"""Every change to a learning briefing: written (on the partnership's briefing layout, its address
made from its title, unique in the partnership), changed, published on the partnership's public
learning page once every required section is written, and withdrawn from it with a reason. The
business unit does all of them (``reviews.manage``)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from assure.accounts.models import User
from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.core.services import model_update
from assure.library.models import LibraryItem
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_of

from ..models import Briefing, Review
from ..permissions import ensure_can_manage_briefings, ensure_may_publish_briefing, ensure_may_withdraw_briefing
from ..selectors.briefings import layout_for, layout_items, layout_of, written_sections

OWNER = "reviews"
SLUG_LENGTH = 100
SECTION_LENGTH = 10_000
NOTE_LENGTH = Briefing._meta.get_field("source_note").max_length
TITLE_LENGTH = Briefing._meta.get_field("title").max_length
# Addresses of the public learning page no briefing may take.
RESERVED_SLUGS = frozenset({"feed"})


def _changed(briefing: Briefing, *days: dt.date | None) -> None:
    """Tell the figures that the partnership's briefings changed, in the years of their dates."""
    years = {financial_year_of(day) for day in (timezone.localdate(briefing.created_at), *days) if day}
    records_changed(OWNER, partnership_ids=[briefing.partnership_id], years=sorted(years))


def _slug_for(partnership: Partnership, title: str, *, pk: int | None = None) -> str:
    """The briefing's address from its title: lower case words joined by hyphens, with -2, -3...
    when another briefing of the partnership has it already."""
    base = slugify(title)[:SLUG_LENGTH].strip("-") or "briefing"
    others = Briefing.objects.filter(partnership=partnership, slug__startswith=base).exclude(pk=pk)
    taken = RESERVED_SLUGS | set(others.values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        suffix = f"-{number}"
        slug = f"{base[: SLUG_LENGTH - len(suffix)].rstrip('-')}{suffix}"
    return slug


def _search_text(*, title: str, source_note: str, review: Review | None, sections: dict[str, str]) -> str:
    """What the public page's search looks in, besides the title: where the learning comes from
    and every section's text."""
    parts = [title, source_note, review.title if review else "", *sections.values()]
    return "\n".join(part for part in parts if part)


def _clean_sections(layout: LibraryItem, sections: dict) -> dict[str, str]:
    """The text of each of the layout's sections, trimmed; empty ones and codes the layout does not
    have are left out."""
    codes = [section.code for section in layout_of(layout).sections]
    return {code: text for code in codes if (text := str(sections.get(code) or "").strip())}


def _problems(
    *, partnership: Partnership, title: str, source: str, review: Review | None, source_note: str, sections: dict
) -> dict[str, str]:
    """What is wrong with a briefing, keyed by field, in the business unit's words."""
    problems: dict[str, str] = {}
    if not title:
        problems["title"] = "Enter the briefing's title."
    elif len(title) > TITLE_LENGTH:
        problems["title"] = f"The title must be {TITLE_LENGTH} characters or fewer."
    if source not in Briefing.Source.values:
        problems["source"] = "Choose where the learning comes from."
    elif source == Briefing.Source.LOCAL_REVIEW:
        if review is None:
            problems["review"] = "Choose the partnership's review the briefing shares the learning of."
        elif review.partnership_id != partnership.pk:
            problems["review"] = "Choose a review of this partnership."
    elif not source_note:
        what = "national review" if source == Briefing.Source.NATIONAL_REVIEW else "legislation or guidance"
        problems["source_note"] = f"Name the {what} the briefing is about."
    if len(source_note) > NOTE_LENGTH:
        problems["source_note"] = f"The note must be {NOTE_LENGTH} characters or fewer."
    for code, text in sections.items():
        if len(text) > SECTION_LENGTH:
            problems[code] = f"Keep each section to {SECTION_LENGTH:,} characters or fewer: it is a short briefing."
    return problems


@transaction.atomic
def briefing_create(
    *,
    actor: User,
    partnership: Partnership,
    title: str,
    source: str,
    sections: dict,
    review: Review | None = None,
    source_note: str = "",
    layout: LibraryItem | None = None,
) -> Briefing:
    """Write a draft briefing on the partnership's layout (``layout``, else its default). Its
    address is made from its title. Needs ``reviews.manage``."""
    ensure_can_manage_briefings(user=actor, partnership=partnership)
    title, source_note = title.strip(), source_note.strip()
    if layout is None:
        layout = layout_for(partnership)
    elif layout.pk not in {item.pk for item in layout_items(partnership)}:
        raise ValidationError({"layout": "Choose a briefing layout of the library."})
    if layout is None:
        raise ValidationError("The library holds no briefing layout: load one before writing briefings.")
    review = review if source == Briefing.Source.LOCAL_REVIEW else None
    texts = _clean_sections(layout, sections)
    problems = _problems(
        partnership=partnership, title=title, source=source, review=review, source_note=source_note, sections=texts
    )
    if problems:
        raise ValidationError(problems)
    briefing = Briefing(
        partnership=partnership,
        slug=_slug_for(partnership, title),
        title=title,
        source=source,
        review=review,
        source_note=source_note,
        layout=layout,
        sections=texts,
        search_text=_search_text(title=title, source_note=source_note, review=review, sections=texts),
        created_by=actor,
    )
    briefing.full_clean()
    briefing.save()
    event_record(
        actor=actor,
        verb="reviews.briefing_created",
        target=briefing,
        partnership=partnership,
        summary=f"Learning briefing written: {briefing.title}",
    )
    _changed(briefing)
    return briefing


@transaction.atomic
def briefing_update(
    *,
    actor: User,
    briefing: Briefing,
    title: str,
    source: str,
    sections: dict,
    review: Review | None = None,
    source_note: str = "",
) -> list[str]:
    """Change a briefing's title, source or sections; returns the names of the fields changed. A
    briefing never published takes an address from its new title; once published its address
    stays, so links to it keep working. A published briefing changes on the public page at once."""
    partnership = briefing.partnership
    ensure_can_manage_briefings(user=actor, partnership=partnership)
    title, source_note = title.strip(), source_note.strip()
    review = review if source == Briefing.Source.LOCAL_REVIEW else None
    texts = _clean_sections(briefing.layout, sections)
    problems = _problems(
        partnership=partnership, title=title, source=source, review=review, source_note=source_note, sections=texts
    )
    if problems:
        raise ValidationError(problems)
    data = {
        "title": title,
        "source": source,
        "review": review,
        "source_note": source_note,
        "sections": texts,
    }
    if briefing.published_at is None and title != briefing.title:
        data["slug"] = _slug_for(partnership, title, pk=briefing.pk)
    changed = model_update(instance=briefing, fields=list(data), data=data)
    # The search text is made from the rest, kept whether or not they changed.
    search_text = _search_text(title=title, source_note=source_note, review=review, sections=texts)
    kept = ["search_text"] if search_text != briefing.search_text else []
    briefing.search_text = search_text
    if changed:
        briefing.updated_at = timezone.now()
        kept.append("updated_at")
    if kept:
        briefing.save(update_fields=kept)
    if changed:
        event_record(
            actor=actor,
            verb="reviews.briefing_changed",
            target=briefing,
            partnership=partnership,
            summary=f"Learning briefing changed: {briefing.title} ({', '.join(changed)})",
            data={"fields": changed},
        )
        _changed(briefing, timezone.localdate(briefing.published_at) if briefing.published_at else None)
    return changed


def missing_sections(briefing: Briefing) -> list[str]:
    """The titles of the layout's required sections the briefing has not written yet."""
    return [
        written.title
        for written in written_sections(briefing, filled_only=False)
        if written.section.required and not written.text
    ]


@transaction.atomic
def briefing_publish(*, actor: User, briefing: Briefing) -> Briefing:
    """Publish the briefing on the partnership's public learning page (again, when it was
    withdrawn). Refused until every required section of its layout is written."""
    ensure_may_publish_briefing(user=actor, briefing=briefing)
    missing = missing_sections(briefing)
    if missing:
        raise ValidationError(
            f"Write every required section before you publish. Not yet written: {', '.join(missing)}."
        )
    before = timezone.localdate(briefing.published_at) if briefing.published_at else None
    again = briefing.status == Briefing.Status.WITHDRAWN
    briefing.status = Briefing.Status.PUBLISHED
    briefing.published_at, briefing.published_by = timezone.now(), actor
    briefing.save(update_fields=["status", "published_at", "published_by"])
    event_record(
        actor=actor,
        verb="reviews.briefing_published",
        target=briefing,
        partnership=briefing.partnership,
        summary=f"Learning briefing {'published again' if again else 'published'}: {briefing.title}",
    )
    _changed(briefing, before, timezone.localdate(briefing.published_at))
    return briefing


@transaction.atomic
def briefing_withdraw(*, actor: User, briefing: Briefing, reason: str) -> Briefing:
    """Take a published briefing off the public learning page, saying why (kept in the trail)."""
    ensure_may_withdraw_briefing(user=actor, briefing=briefing)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the briefing is withdrawn."})
    briefing.status = Briefing.Status.WITHDRAWN
    briefing.save(update_fields=["status"])
    event_record(
        actor=actor,
        verb="reviews.briefing_withdrawn",
        target=briefing,
        partnership=briefing.partnership,
        summary=f"Learning briefing withdrawn: {briefing.title}",
        data={"reason": reason},
    )
    _changed(briefing, timezone.localdate(briefing.published_at) if briefing.published_at else None)
    return briefing
