"""Reads of exception reports, and the rules that choose what goes into one.

The rules are the library's exception-rule items (library/assure/exception-rules.yaml): an
indicator of the scorecard goes into the report when its figure is rated red, when it has
worsened beyond its tolerance for so many periods in a row, or when the area's published figure
is in the bottom quartile of all local authorities. Each rule it meets is given in words.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from assure.accounts.models import Membership
from assure.accounts.permissions import agencies_of, has_permission, is_agency_scoped
from assure.actions.models import Action
from assure.actions.selectors import actions_visible_to
from assure.core.navigation import partnership_url
from assure.core.waiting import WaitingItem
from assure.library.selectors import current_items, role_definitions
from assure.notifications.reminders import ReminderDue
from assure.partnerships.models import Meeting, Partnership
from assure.partnerships.permissions import can_attend_meetings

from .. import calculations
from ..models import ExceptionItem, ExceptionReport, Period
from ..permissions import can_manage_exceptions, can_view_performance, may_comment
from .scorecard import Scorecard, ScorecardRow, rag_rule, scorecard

RAG_WORDS = {"green": "Green", "amber": "Amber", "red": "Red"}
DIRECTION_WORDS = {"improving": "Improving", "worsening": "Worsening", "no_change": "No change"}


# --- reports ---------------------------------------------------------------------------------


def exception_reports(*, user, partnership: Partnership) -> QuerySet[ExceptionReport]:
    """The partnership's exception reports, newest first, each with ``item_count``; none for
    someone who may not view its performance."""
    if not can_view_performance(user=user, partnership=partnership):
        return ExceptionReport.objects.none()
    return (
        ExceptionReport.objects.filter(partnership=partnership)
        .select_related("period", "meeting", "meeting__subgroup", "created_by", "partnership")
        .annotate(item_count=Count("items"))
        .order_by("-created_at", "-pk")
    )


def exception_report_for_meeting(*, user, partnership: Partnership, meeting: Meeting | None) -> ExceptionReport | None:
    """The partnership's exception report for a board meeting, if one has been made (there is
    at most one); None for no meeting or someone who may not view its performance."""
    if meeting is None:
        return None
    return exception_reports(user=user, partnership=partnership).filter(meeting=meeting).first()


def exception_items(*, user, partnership: Partnership) -> QuerySet[ExceptionItem]:
    """Items of the partnership's exception reports, with what their pages show."""
    if not can_view_performance(user=user, partnership=partnership):
        return ExceptionItem.objects.none()
    return ExceptionItem.objects.filter(report__partnership=partnership).select_related(
        "report",
        "report__partnership",
        "report__period",
        "indicator",
        "indicator__definition",
        "owner_agency",
        "commentary_by",
    )


def actions_raised(*, user, partnership: Partnership, items: list[ExceptionItem]) -> dict[int, list[Action]]:
    """Item id → the actions raised from it that the user may see. One query."""
    if not items:
        return {}
    raised = actions_visible_to(user=user, partnership=partnership).filter(
        source_type=ContentType.objects.get_for_model(ExceptionItem),
        source_id__in=[str(item.pk) for item in items],
    )
    found: dict[int, list[Action]] = defaultdict(list)
    for action in raised.order_by("reference"):
        found[int(action.source_id)].append(action)
    return found


def report_meetings(*, user, partnership: Partnership) -> QuerySet[Meeting]:
    """Meetings a report can be made for: the partnership's board meetings, newest first."""
    if not can_manage_exceptions(user=user, partnership=partnership):
        return Meeting.objects.none()
    return Meeting.objects.filter(partnership=partnership, subgroup__isnull=True).order_by("-held_on")


def report_periods(*, user, partnership: Partnership) -> QuerySet[Period]:
    """Periods a report can be made for: those of the partnership's scorecard, newest first."""
    if not can_manage_exceptions(user=user, partnership=partnership):
        return Period.objects.none()
    ids = [period.pk for period in scorecard(user=user, partnership=partnership).periods]
    return Period.objects.filter(pk__in=ids).order_by("-start", "kind")


# --- the rules -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A scorecard line that meets at least one exception rule."""

    row: ScorecardRow
    reasons: list[str]

    @property
    def figures(self) -> dict[str, str]:
        """The figures the board saw when the report was made, as words and digits."""
        row = self.row
        return {
            "value": row.value_text,
            "source": row.value_source,
            "previous": row.previous_text,
            "previous_period": row.previous_label,
            "direction": DIRECTION_WORDS.get(row.direction, ""),
            "target": row.target_text,
            "rag": RAG_WORDS.get(row.rag, ""),
            "local": row.local_text,
            # A computed figure with a figure returned for the same period beside it: both shown.
            "returned": row.returned_text if row.returned else "",
            "returned_source": row.returned.source if row.returned else "",
            "published": row.published_text,
            # Only a line with a published figure has the published comparisons to show.
            "published_year": row.published_year if row.benchmark else "",
            "england": row.england_text,
            "region": row.region_text,
            "neighbours": row.neighbours_text,
            "band": row.band or "",
        }


def exception_rules() -> list[dict]:
    """The library's current exception rules (code, title and the rule's data)."""
    return [{"code": item.code, "title": item.title, **item.data} for item in current_items(kind="exception-rule")]


def exception_candidates(*, user, partnership: Partnership, period: Period) -> list[Candidate]:
    """The scorecard lines that the library's exception rules choose for ``period``, in scorecard
    order, each with the rules it met in words."""
    return candidates_in(scorecard(user=user, partnership=partnership, period=period), exception_rules(), rag_rule())


def candidates_in(card: Scorecard, rules: list[dict], rule: dict) -> list[Candidate]:
    """The rows of ``card`` that meet any of ``rules`` (``rule`` is the RAG rule, whose default
    tolerance applies to lines without their own)."""
    chosen = []
    for row in card.rows:
        reasons = [reason for r in rules if (reason := _reason(row, r, rule))]
        if reasons:
            chosen.append(Candidate(row, reasons))
    return chosen


def _reason(row: ScorecardRow, rule: dict, rag: dict) -> str | None:
    condition = rule.get("condition")
    if condition == "rag_red" and row.rag == "red":
        return f"{rule['title']}: {row.value_text} against a target of {row.target_text}."
    if condition == "bottom_quartile" and row.band == "D":
        rank = f", ranked {row.benchmark.rank} of {row.benchmark.authorities_with_value}" if row.benchmark.rank else ""
        return f"{rule['title']}: band D in {row.published_year} ({row.published_text}{rank})."
    if condition == "worsening" and _worsening(row, rule, rag):
        periods = int(rule.get("periods", 1))
        steps = row.trend[-(periods + 1) :]
        path = " → ".join(f"{row.text(value)} ({label})" for label, value in steps)
        return f"{rule['title']}: {path}."
    return None


def _worsening(row: ScorecardRow, rule: dict, rag: dict) -> bool:
    """Whether the last ``periods`` changes were all for the worse (and, when the rule says so,
    each by more than the line's tolerance)."""
    if row.polarity == calculations.NEITHER:
        return False
    periods = int(rule.get("periods", 1))
    values = [value for _, value in row.trend[-(periods + 1) :]]
    if len(values) < periods + 1 or any(v is None for v in values):
        return False
    for before, after in zip(values, values[1:], strict=False):
        if calculations.direction_of_travel(current=after, previous=before, polarity=row.polarity) != "worsening":
            return False
        if rule.get("beyond_tolerance") and abs(after - before) <= _tolerance(row, before, rag):
            return False
    return True


def _tolerance(row: ScorecardRow, before: Decimal, rag: dict) -> Decimal:
    """The line's tolerance, or else the RAG rule's default share of its target (of the earlier
    figure when the line has no target)."""
    if row.tolerance is not None:
        return row.tolerance
    base = row.target if row.target is not None else before
    return calculations.tolerance_in_use(target=base, tolerance=None, rule=rag)


# --- commentary asked of the owning agencies ---------------------------------------------------

COMMENTARY_PERMISSION = "exceptions.comment"
OPEN_WITHOUT_MEETING = dt.timedelta(days=60)
"""How long commentary on a report made for no particular meeting is still asked for."""


def commentary_writers(
    *, partnerships: Iterable[Partnership], agency_ids: Iterable[int]
) -> dict[tuple[int, int], list]:
    """(partnership id, agency id) → the people who write that agency's commentary there: those
    whose agency role in the partnership grants ``exceptions.comment`` (its agency leads). For
    the service that asks them and the scheduled reminders, not for a page. One query."""
    roles = [
        code
        for code, role in role_definitions().items()
        if role.agency_scoped and role.scope == "partnership" and COMMENTARY_PERMISSION in role.permissions
    ]
    memberships = Membership.objects.filter(
        partnership__in=list(partnerships),
        agency_id__in=list(agency_ids),
        role__in=roles,
        is_active=True,
        user__is_active=True,
    ).select_related("user")
    found: dict[tuple[int, int], list] = defaultdict(list)
    for membership in memberships.order_by("user__full_name", "user_id"):
        if membership.user not in found[(membership.partnership_id, membership.agency_id)]:
            found[(membership.partnership_id, membership.agency_id)].append(membership.user)
    return found


def commentary_open_q(*, today: dt.date) -> Q:
    """Items still waiting for commentary: none written, on a report for a meeting not yet held
    (or for no meeting, made lately), for an indicator an agency owns."""
    recent = timezone.make_aware(dt.datetime.combine(today - OPEN_WITHOUT_MEETING, dt.time.min))
    return Q(commentary="", owner_agency__isnull=False) & (
        Q(report__meeting__held_on__gte=today) | Q(report__meeting__isnull=True, report__created_at__gte=recent)
    )


def commentary_to_write(*, user, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """What waits for an agency lead: each item of their agency's in the partnership's exception
    reports whose commentary is still to write, due the day of the report's meeting. Only items
    the person may comment on (``may_comment``); the business unit's view of them is the reports'
    own. Two queries at most, however many items."""
    if not has_permission(user=user, permission=COMMENTARY_PERMISSION, partnership=partnership):
        return []
    if not is_agency_scoped(user=user, partnership=partnership):
        return []
    items = (
        ExceptionItem.objects.filter(
            commentary_open_q(today=today),
            report__partnership=partnership,
            owner_agency_id__in=agencies_of(user=user, partnership=partnership),
        )
        .select_related(
            "report__partnership", "report__period", "report__meeting", "indicator__definition", "owner_agency"
        )
        .order_by("report__meeting__held_on", "pk")
    )
    return [
        WaitingItem(
            kind="performance.exception_commentary",
            title=f"Commentary on {item.indicator.definition.title}",
            url=partnership_url("performance:exception_comment", partnership, pk=item.pk),
            due=item.report.meeting.held_on if item.report.meeting_id else None,
            detail=f"Exception report, {item.report.period}"
            + (f", for the board meeting of {item.report.meeting.held_on:%-d %B %Y}" if item.report.meeting_id else ""),
            agency=item.owner_agency.name,
        )
        for item in items
        if may_comment(user=user, item=item)
    ]


def commentary_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """Every item across the installation still waiting for its agency's commentary, with the
    people to remind (the agency's leads) and the meeting's day as its deadline; the library's
    ``exception-commentary`` rule says when a reminder goes. Two queries."""
    items = list(
        ExceptionItem.objects.filter(commentary_open_q(today=today), report__meeting__isnull=False).select_related(
            "report__partnership", "report__period", "report__meeting", "indicator__definition", "owner_agency"
        )
    )
    writers = commentary_writers(
        partnerships={item.report.partnership for item in items}, agency_ids={item.owner_agency_id for item in items}
    )
    due = []
    for item in items:
        partnership, meeting = item.report.partnership, item.report.meeting
        title = item.indicator.definition.title
        due.append(
            ReminderDue(
                target=item,
                partnership=partnership,
                recipients=writers.get((partnership.pk, item.owner_agency_id), []),
                deadline=meeting.held_on,
                subject=f"Reminder: commentary on {title} for the board meeting of {meeting.held_on:%-d %B %Y}",
                body=(
                    f"{item.owner_agency.name}'s commentary on {title} is still to be written for the exception "
                    f"report for {item.report.period}, which goes to the board meeting of "
                    f"{meeting.held_on:%-d %B %Y}. Say what lies behind the figure and what the agency is doing "
                    "about it."
                ),
                path=partnership_url("performance:exception_comment", partnership, pk=item.pk),
                kind="performance.exception_commentary_reminder",
            )
        )
    return due


def _paper_detail(report) -> str:
    detail = f"{report.period}: {report.raised} indicator{'s' if report.raised != 1 else ''} for the board's attention"
    return detail + (f", commentary awaited on {report.awaiting}" if report.awaiting else "")


def exception_reports_to_read(*, user, partnership: Partnership, today: dt.date) -> list[WaitingItem]:
    """Board papers from the scorecard: for those who sit at the board, the exception report of
    each board meeting still to come, to read before it. One query."""
    if not (
        can_attend_meetings(user=user, partnership=partnership)
        and can_view_performance(user=user, partnership=partnership)
    ):
        return []
    reports = (
        ExceptionReport.objects.filter(partnership=partnership, meeting__held_on__gte=today)
        .select_related("meeting", "period")
        .annotate(raised=Count("items"), awaiting=Count("items", filter=Q(items__commentary="")))
        .order_by("meeting__held_on", "pk")
    )
    return [
        WaitingItem(
            kind="performance.exception_reports_to_read",
            title=f"Exception report for the board meeting of {report.meeting.held_on:%-d %B %Y}",
            url=partnership_url("performance:exception_detail", partnership, pk=report.pk),
            due=report.meeting.held_on,
            due_label="For the meeting on",
            detail=_paper_detail(report),
        )
        for report in reports
    ]
