"""Reads of the voices heard, given the user. The business unit (``engagement.manage``) reads
every voice, to review or not; the board and the chair (``engagement.view``) read only those the
business unit has reviewed as ones that may be quoted. Nobody else reads any.

The quotes of the annual report are the voices chosen for it that may still be quoted (approved,
with consent to quote), heard in the report's financial year."""

from __future__ import annotations

from django.db.models import QuerySet

from assure.accounts.models import User
from assure.library.selectors import current_items
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_bounds, financial_year_of
from assure.plans.models import Priority
from assure.plans.selectors import current_plan, plan_priorities

from ..models import Voice
from ..permissions import can_manage, can_view

SOURCE_KIND = "voice-source"


def voices_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Voice]:
    """Every voice for the business unit; the approved ones for the board; none for anyone else."""
    voices = Voice.objects.filter(partnership=partnership).select_related("priority", "survey", "event")
    if can_manage(user=user, partnership=partnership):
        return voices
    if can_view(user=user, partnership=partnership):
        return voices.filter(status=Voice.Status.APPROVED)
    return Voice.objects.none()


def voice_for(*, user: User, partnership: Partnership, pk: int) -> Voice | None:
    return voices_visible_to(user=user, partnership=partnership).filter(pk=pk).first()


def voices_to_review(*, user: User, partnership: Partnership) -> QuerySet[Voice]:
    """The voices the business unit has not reviewed yet, oldest heard first (theirs alone)."""
    if not can_manage(user=user, partnership=partnership):
        return Voice.objects.none()
    return Voice.objects.filter(partnership=partnership, status=Voice.Status.TO_REVIEW).order_by("heard_on", "pk")


def in_year(voices: QuerySet[Voice], year: str) -> QuerySet[Voice]:
    start, end = financial_year_bounds(year)
    return voices.filter(heard_on__gte=start, heard_on__lte=end)


def voice_years(*, user: User, partnership: Partnership) -> list[str]:
    """The financial years the voices the user reads were heard in, newest first."""
    days = voices_visible_to(user=user, partnership=partnership).order_by().values_list("heard_on", flat=True)
    return sorted({financial_year_of(day) for day in days.distinct()}, reverse=True)


def chosen_quotes(*, user: User, partnership: Partnership, year: str, priority: Priority | None = None) -> list[Voice]:
    """The voices chosen for the annual report of ``year`` that may still be quoted, heard in the
    year (under ``priority`` when given), in the order heard."""
    voices = in_year(voices_visible_to(user=user, partnership=partnership), year).filter(
        Voice.QUOTABLE_Q, for_report=True
    )
    if priority is not None:
        voices = voices.filter(priority=priority)
    return list(voices.order_by("heard_on", "pk"))


# --- the choices the forms and filters offer ------------------------------------------------------


def source_choices() -> list[tuple[str, str]]:
    """The library's sources of voices (its newest version, shared by every partnership), in the
    library's order."""
    items = sorted(current_items(kind=SOURCE_KIND), key=lambda item: (item.data.get("order", 0), item.title))
    return [(item.code, item.title) for item in items]


def source_titles() -> dict[str, str]:
    return dict(source_choices())


def priority_choices(*, user: User, partnership: Partnership) -> QuerySet[Priority]:
    """The priorities of the partnership's current business plan, in the plan's order."""
    plan = current_plan(user=user, partnership=partnership)
    if plan is None:
        return Priority.objects.none()
    return plan_priorities(user=user, plan=plan)


def priorities_heard(*, user: User, partnership: Partnership) -> list[Priority]:
    """The priorities the voices the user reads are hung under, for the register's filter."""
    ids = voices_visible_to(user=user, partnership=partnership).exclude(priority=None).values("priority_id")
    return list(Priority.objects.filter(pk__in=ids).order_by("title", "pk"))
