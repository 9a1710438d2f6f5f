"""Reads of the indicator catalogue and of a partnership's scorecard set-up (its priorities and
scorecard lines).

The catalogue is the library's current indicators: those Assure ships and those the partnership
added as its own documents, never another partnership's own.
"""

from django.db.models import Count, Prefetch, QuerySet

from assure.library.selectors import current_items
from assure.partnerships.models import Partnership
from assure.plans.models import Priority

from ..models import Indicator, ScorecardLine
from ..permissions import can_view_performance

SHIPPED_PROVIDER = "assure"


def catalogue_indicators(*, user, partnership: Partnership) -> QuerySet[Indicator]:
    """The indicators the partnership can use: the current version of every indicator shipped
    with Assure or defined by the partnership itself, with their definitions, ordered by code.
    Empty for someone who may not view the partnership's performance."""
    if not can_view_performance(user=user, partnership=partnership):
        return Indicator.objects.none()
    return (
        Indicator.objects.filter(
            definition__in=current_items(kind="indicator"),
            definition__document__provider__in=(SHIPPED_PROVIDER, partnership.slug),
        )
        .select_related("definition", "definition__document")
        .order_by("code")
    )


def indicator_pairings(*, partnership: Partnership) -> dict[str, str]:
    """Indicator code → the code of the published indicator the partnership has chosen to show
    beside it (``indicator-pairing`` items of its own documents, or shipped ones), in place of
    the indicator's own ``published_as``. Its own win over shipped ones, and a newer document over
    an older one. Reference content, chosen by the partnership: needs no user. A few queries, however many pairings."""
    items = (
        current_items(kind="indicator-pairing")
        .filter(document__provider__in=(SHIPPED_PROVIDER, partnership.slug))
        .order_by()
        .values_list("document__provider", "document__pk", "position", "data")
    )
    ordered = sorted(items, key=lambda row: (row[0] == partnership.slug, row[1], row[2]))
    return {data["indicator"]: data["published_as"] for _, _, _, data in ordered}


def indicator_themes() -> dict[str, str]:
    """Theme code → title, from the library's current indicator themes (reference content,
    the same for everyone)."""
    return {item.code: item.title for item in current_items(kind="indicator-theme")}


def scorecard_lines(*, user, partnership: Partnership) -> QuerySet[ScorecardLine]:
    """The partnership's scorecard lines, ordered by priority (its position) then by the line's
    position, with the indicator's definition, the priority and the owning agency. Empty for
    someone who may not view the partnership's performance."""
    if not can_view_performance(user=user, partnership=partnership):
        return ScorecardLine.objects.none()
    return (
        ScorecardLine.objects.filter(partnership=partnership)
        .select_related("priority", "indicator", "indicator__definition", "owner_agency")
        .order_by("priority__position", "priority__pk", "position", "pk")
    )


def scorecard_priorities(*, user, partnership: Partnership) -> QuerySet[Priority]:
    """The partnership's priorities (its business plan's) in order, each with its lines
    (``priority.lines.all()``) already fetched in order."""
    if not can_view_performance(user=user, partnership=partnership):
        return Priority.objects.none()
    lines = ScorecardLine.objects.select_related("indicator", "indicator__definition", "owner_agency").order_by(
        "position", "pk"
    )
    return (
        Priority.objects.filter(partnership=partnership)
        .order_by("position", "pk")
        .prefetch_related(Prefetch("lines", queryset=lines))
    )


def lines_by_priority(priority_ids) -> dict[int, str]:
    """For each of the plan's priorities holding scorecard lines, how many ("2 indicators on the
    scorecard"): the plan refuses to delete those (``assure.plans.hooks``). Counts only, so no
    user is needed."""
    counts = (
        ScorecardLine.objects.filter(priority_id__in=list(priority_ids))
        .values("priority_id")
        .annotate(lines=Count("pk"))
    )
    return {
        row["priority_id"]: f"{row['lines']} indicator{'s' if row['lines'] != 1 else ''} on the scorecard"
        for row in counts
    }
