"""Reads of the challenge log. Every function that shows records takes the requesting user:
someone without ``challenges.view`` sees none, and an agency lead sees only the challenges to and
from their own agency (and those they raised themselves)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of, is_agency_scoped
from assure.accounts.recipients import agency_people_with, roles_granting
from assure.audit.models import Event
from assure.audit.selectors import events_about
from assure.partnerships.models import Agency, Partnership
from assure.partnerships.years import financial_year_bounds

from ..models import Challenge
from ..permissions import can_manage_challenges, can_raise_challenges, can_view_challenges

# --- the log -----------------------------------------------------------------------------------


def challenge_scope_q(*, user: User, partnership: Partnership) -> Q | None:
    """The filter of the challenges the user may read in the partnership (None: none at all)."""
    if not can_view_challenges(user=user, partnership=partnership):
        return None
    scope = Q(partnership=partnership)
    if is_agency_scoped(user=user, partnership=partnership):
        mine = agencies_of(user=user, partnership=partnership)
        scope &= Q(agency_id__in=mine) | Q(raised_by_agency_id__in=mine) | Q(raised_by=user)
    return scope


def challenges_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Challenge]:
    """The partnership's challenges the user may read, with what the log shows of each."""
    scope = challenge_scope_q(user=user, partnership=partnership)
    if scope is None:
        return Challenge.objects.none()
    return Challenge.objects.filter(scope).select_related(
        "partnership", "agency", "raised_by", "raised_by_agency", "responded_by", "closed_by"
    )


@dataclass(frozen=True)
class AgeBand:
    code: str
    label: str
    min_days: int
    max_days: int | None  # None: no upper bound


# How long ago a challenge was raised, as the log's filter offers it.
AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand("under-4-weeks", "Raised in the last 4 weeks", 0, 27),
    AgeBand("4-to-12-weeks", "Raised 4 to 12 weeks ago", 28, 83),
    AgeBand("over-12-weeks", "Raised more than 12 weeks ago", 84, None),
)


def age_band(code: str) -> AgeBand | None:
    return next((band for band in AGE_BANDS if band.code == code), None)


def age_band_q(band: AgeBand, today: dt.date) -> Q:
    """The challenges raised within the band's ages on ``today``."""
    q = Q(raised_on__lte=today - dt.timedelta(days=band.min_days))
    if band.max_days is not None:
        q &= Q(raised_on__gte=today - dt.timedelta(days=band.max_days))
    return q


def challenge_events(*, user: User, challenge: Challenge) -> QuerySet[Event]:
    """What happened to the challenge (raised, answered, escalated, closed...), newest first;
    nothing for someone who may not read it."""
    if not challenges_visible_to(user=user, partnership=challenge.partnership).filter(pk=challenge.pk).exists():
        return Event.objects.none()
    return events_about(target=challenge)


# --- choices for forms -------------------------------------------------------------------------


def challengeable_agencies(*, user: User, partnership: Partnership) -> QuerySet[Agency]:
    """The agencies a challenge can be raised to: the partnership's active agencies."""
    if not can_raise_challenges(user=user, partnership=partnership):
        return Agency.objects.none()
    return Agency.objects.filter(partnership_links__partnership=partnership, is_active=True).distinct().order_by("name")


def raiser_agencies(*, user: User, partnership: Partnership) -> QuerySet[Agency]:
    """The agencies the user may raise a challenge on behalf of: an agency lead's own; anyone
    else may name any agency of the partnership, or none."""
    agencies = challengeable_agencies(user=user, partnership=partnership)
    if is_agency_scoped(user=user, partnership=partnership):
        agencies = agencies.filter(pk__in=agencies_of(user=user, partnership=partnership))
    return agencies


# --- figures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyOpen:
    agency: str
    open: int
    overdue: int


@dataclass(frozen=True)
class ImpactSample:
    reference: str
    agency: str
    subject: str
    impact: str
    satisfied: str


@dataclass
class ChallengeSummary:
    """The log's figures for one financial year: raised in the year, resolved (closed) in the year,
    the median days agencies took to respond to those raised in the year, what is open now by
    agency, and the impact of some of the challenges closed in the year."""

    year: str
    raised: int = 0
    resolved: int = 0
    escalated: int = 0
    responded: int = 0
    median_days_to_respond: int | None = None
    open_by_agency: list[AgencyOpen] = field(default_factory=list)
    impact: list[ImpactSample] = field(default_factory=list)

    @property
    def open(self) -> int:
        return sum(row.open for row in self.open_by_agency)

    @property
    def overdue(self) -> int:
        return sum(row.overdue for row in self.open_by_agency)


def _median(values: list[int]) -> int | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return round((ordered[middle - 1] + ordered[middle]) / 2)


def open_by_agency(*, user: User, partnership: Partnership, today: dt.date | None = None) -> list[AgencyOpen]:
    """Challenges open on ``today`` (default: today), by the agency challenged (most first), with
    how many had their response overdue then. For a day past, a challenge counts as it stood that
    day: raised by then and not yet closed, overdue when its response was due before the day and
    had not come by it."""
    today = today or timezone.localdate()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = (
        challenges_visible_to(user=user, partnership=partnership)
        .filter(raised_on__lte=today)
        .exclude(Q(status=Challenge.Status.CLOSED) & (Q(closed_at__isnull=True) | Q(closed_at__date__lte=today)))
        .values_list("agency__name", "response_due_on", "responded_at", "status")
    )
    now = today >= timezone.localdate()
    for agency, due, responded_at, status in rows:
        if now:
            awaiting = status in Challenge.AWAITING_RESPONSE
        else:
            awaiting = responded_at is None or timezone.localtime(responded_at).date() > today
        counts[agency][0] += 1
        counts[agency][1] += awaiting and due < today
    return [
        AgencyOpen(agency=name, open=open_, overdue=overdue)
        for name, (open_, overdue) in sorted(counts.items(), key=lambda item: (-item[1][0], item[0]))
    ]


def challenge_summary(
    *, user: User, partnership: Partnership, year: str, today: dt.date | None = None, samples: int = 3
) -> ChallengeSummary:
    """The challenge log's figures for the financial year ``year`` ("2014-15"), as the user may
    see them: what the annual report and board packs carry ("N challenges raised, M resolved, a
    sample of the impact"). Open challenges are counted as they stand on ``today`` (default:
    today), or at the year's end for a year that is over."""
    start, end = financial_year_bounds(year)
    today = today or timezone.localdate()
    visible = challenges_visible_to(user=user, partnership=partnership)
    raised = list(visible.filter(raised_on__range=(start, end)))
    summary = ChallengeSummary(year=year, raised=len(raised))
    summary.escalated = sum(1 for c in raised if c.escalation)
    answered = [c.days_to_respond for c in raised if c.days_to_respond is not None]
    summary.responded = len(answered)
    summary.median_days_to_respond = _median(answered)
    closed = list(
        visible.filter(status=Challenge.Status.CLOSED, closed_at__date__range=(start, end)).order_by("-closed_at")
    )
    summary.resolved = len(closed)
    summary.impact = [
        ImpactSample(
            reference=c.reference,
            agency=c.agency.name,
            subject=c.subject,
            impact=c.impact,
            satisfied=c.get_satisfied_display() if c.satisfied else "",
        )
        for c in closed
        if c.impact.strip()
    ][:samples]
    summary.open_by_agency = open_by_agency(user=user, partnership=partnership, today=min(today, end))
    return summary


def challenges_waiting(*, user: User, partnership: Partnership) -> str | None:
    """What the log has waiting for the user, as the menu says it: challenges their agency must
    answer (an agency lead), or responses to assess and challenges overdue (the business unit)."""
    visible = challenges_visible_to(user=user, partnership=partnership)
    today = timezone.localdate()
    if can_manage_challenges(user=user, partnership=partnership):
        counts = visible.aggregate(
            overdue=_count(Challenge.overdue_q(today)), assess=_count(Challenge.awaiting_assessment_q())
        )
        parts = []
        if counts["assess"]:
            parts.append(f"{counts['assess']} response{'s' if counts['assess'] != 1 else ''} to assess")
        if counts["overdue"]:
            parts.append(f"{counts['overdue']} overdue")
        return ", ".join(parts) or None
    if is_agency_scoped(user=user, partnership=partnership):
        to_answer = visible.filter(
            status__in=Challenge.AWAITING_RESPONSE, agency_id__in=agencies_of(user=user, partnership=partnership)
        ).count()
        if to_answer:
            return f"{to_answer} challenge{'s' if to_answer != 1 else ''} to answer"
    return None


def _count(q: Q) -> Count:
    return Count("pk", filter=q)


# --- who is asked about challenges ---------------------------------------------------------------
# Requests go to people for the partnership's sake, whoever caused them: these read no user.


def challenge_agency_leads(*, partnership_ids) -> dict[tuple[int, int], list[User]]:
    """The people who answer challenges for an agency (agency-scoped roles with
    ``challenges.respond``), by (partnership id, agency id), for every partnership given, in one
    query. Reads no user: it addresses a request."""
    return agency_people_with(permission="challenges.respond", partnership_ids=partnership_ids)


def challenge_managers(*, partnership: Partnership) -> list[User]:
    """The people who run the partnership's challenge log (``challenges.manage``: the business
    unit). Reads no user: it addresses a request."""
    return list(
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles_granting("challenges.manage"),
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "pk")
    )
