"""Reads of the audit programme: the framework a partnership plans on, its programmes by year,
the audits a person may see (an agency lead only those their agency takes part in), a year's
audits grouped by term, and the choices the plan of an audit offers. Every read of audits is
given the user and answers nothing to someone who may not read them."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from assure.accounts.models import User
from assure.accounts.permissions import agencies_of
from assure.audit.models import Event
from assure.audit.selectors import events_about
from assure.library.models import LibraryItem
from assure.library.schemas import SHIPPED_PROVIDER
from assure.library.schemas_audits import AuditFrameworkItem, AuditTerm
from assure.library.selectors import current_items, role_definitions
from assure.partnerships.models import Agency, Meeting, Partnership
from assure.plans.models import Priority
from assure.plans.selectors import priorities_visible_to

from ..models import Audit, Programme
from ..permissions import can_manage_audits, can_view_audits, is_audit_scoped

FRAMEWORK = "audit-framework"
QUESTIONNAIRE = "questionnaire"
CASE_AUDIT_PURPOSE = "case-audit"
# Who may lead an audit: the members whose role grades case files.
LEAD_PERMISSION = "audits.grade"


# --- the framework and the audit tools (library content every partnership shares) ------------


def framework_for(partnership: Partnership) -> LibraryItem | None:
    """The quality-assurance framework the partnership plans its audits on: the newest version of
    its own document of kind ``audit-framework`` (provider its slug) when it has one, otherwise
    Assure's. The library holds nothing personal, so this needs no user."""
    items = list(current_items(kind=FRAMEWORK).filter(document__provider__in=[partnership.slug, SHIPPED_PROVIDER]))
    own = [item for item in items if item.document.provider == partnership.slug]
    return (own or items or [None])[0]


def framework_of(item: LibraryItem) -> AuditFrameworkItem:
    """The framework of a library item, validated."""
    return AuditFrameworkItem.model_validate(item.data)


def audit_tools(partnership: Partnership) -> QuerySet[LibraryItem]:
    """The questionnaires an audit of the partnership may use: the current ones of purpose
    ``case-audit`` that Assure ships or the partnership publishes. Needs no user (the library)."""
    return current_items(kind=QUESTIONNAIRE).filter(
        data__purpose=CASE_AUDIT_PURPOSE, document__provider__in=[partnership.slug, SHIPPED_PROVIDER]
    )


# --- programmes and audits ----------------------------------------------------------------------


def programmes_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Programme]:
    """The partnership's audit programmes, the newest year first."""
    if not can_view_audits(user=user, partnership=partnership):
        return Programme.objects.none()
    return Programme.objects.filter(partnership=partnership).order_by("-year")


def audits_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Audit]:
    """The partnership's audits the user may read: every one for the business unit, the board and
    the auditors; for an agency lead, those their agency takes part in."""
    if not can_view_audits(user=user, partnership=partnership):
        return Audit.objects.none()
    audits = Audit.objects.filter(partnership=partnership)
    if is_audit_scoped(user=user, partnership=partnership):
        audits = audits.filter(
            pk__in=Audit.agencies.through.objects.filter(
                agency_id__in=agencies_of(user=user, partnership=partnership)
            ).values("audit_id")
        )
    return audits.select_related("partnership", "programme", "priority", "lead", "questionnaire")


def financial_year_start(day: dt.date) -> int:
    """The year the financial year holding ``day`` starts in: 2014 for 12 February 2015."""
    return day.year if day.month >= 4 else day.year - 1


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the financial year starting in ``year``."""
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def audit_year_q(year: int) -> Q:
    """The audits of a year: those of its programme, and audits outside any programme (themed
    audits) that start in its financial year."""
    first, last = year_bounds(year)
    return Q(programme__year=year) | Q(programme__isnull=True, starts_on__range=(first, last))


def audit_years(*, user: User, partnership: Partnership) -> list[int]:
    """The years with a programme or an audit the user may see, newest first."""
    years = set(programmes_visible_to(user=user, partnership=partnership).values_list("year", flat=True))
    for day in (
        audits_visible_to(user=user, partnership=partnership)
        .filter(programme__isnull=True)
        .values_list("starts_on", flat=True)
    ):
        years.add(financial_year_start(day))
    return sorted(years, reverse=True)


def year_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


@dataclass
class TermGroup:
    """A term of the programme (or, with ``term`` None, the audits outside the terms) and its audits."""

    code: str
    title: str
    months: str
    audits: list[Audit] = field(default_factory=list)
    files_planned: int = 0


@dataclass
class ProgrammeYear:
    year: int
    label: str
    programme: Programme | None
    groups: list[TermGroup]
    audit_count: int


def programme_year(*, user: User, partnership: Partnership, year: int) -> ProgrammeYear:
    """The year's programme and its audits the user may see, grouped by the framework's terms in
    order, then the audits outside a term (themed audits). Each audit carries ``agency_count``."""
    programme = programmes_visible_to(user=user, partnership=partnership).filter(year=year).first()
    audits = list(
        audits_visible_to(user=user, partnership=partnership)
        .filter(audit_year_q(year))
        .annotate(agency_count=Count("agencies", distinct=True))
        .order_by("starts_on", "reference")
    )
    item = framework_for(partnership)
    terms: list[AuditTerm] = list(framework_of(item).terms) if item else []
    groups = [TermGroup(term.code, term.title, term.months_label) for term in terms]
    by_code = {group.code: group for group in groups}
    other = TermGroup("", "Themed and other audits", "")
    for audit in audits:
        group = by_code.get(audit.term, other)
        group.audits.append(audit)
        if audit.status != Audit.Status.CANCELLED:
            group.files_planned += audit.files_planned
    if other.audits:
        groups.append(other)
    return ProgrammeYear(year, year_label(year), programme, groups, len(audits))


def chosen_year(*, user: User, partnership: Partnership, asked: str | None, today: dt.date) -> int:
    """The year a programme page shows: the one asked for when it is a year, otherwise the year
    running today if it has a programme or audits, otherwise the newest with any."""
    if asked and asked.isdigit() and 1990 <= int(asked) <= 2100:
        return int(asked)
    current = financial_year_start(today)
    years = audit_years(user=user, partnership=partnership)
    if current in years or not years:
        return current
    return years[0]


def term_title(partnership: Partnership, code: str) -> str:
    """A term's title from the partnership's framework ("" for none; the code if it is unknown)."""
    if not code:
        return ""
    item = framework_for(partnership)
    term = framework_of(item).term(code) if item else None
    return term.title if term else code


def tier_title(partnership: Partnership, code: str) -> str:
    item = framework_for(partnership)
    tier = framework_of(item).tier(code) if item else None
    return tier.title if tier else code


def audit_events(*, user: User, audit: Audit) -> QuerySet[Event]:
    """What has happened to the audit, newest first (for someone who may read it)."""
    if not can_view_audits(user=user, partnership=audit.partnership):
        return Event.objects.none()
    return events_about(target=audit)


# --- what the plan of an audit offers ---------------------------------------------------------------


def priority_choices(*, user: User, partnership: Partnership) -> QuerySet[Priority]:
    """The business plan's priorities an audit's theme may serve."""
    if not can_manage_audits(user=user, partnership=partnership):
        return Priority.objects.none()
    return priorities_visible_to(user=user, partnership=partnership)


def agency_choices(*, user: User, partnership: Partnership) -> QuerySet[Agency]:
    """The partnership's current agencies, which may take part in an audit."""
    if not can_manage_audits(user=user, partnership=partnership):
        return Agency.objects.none()
    return (
        Agency.objects.filter(
            partnership_links__partnership=partnership, partnership_links__left_on__isnull=True, is_active=True
        )
        .select_related("agency_type")
        .distinct()
        .order_by("name")
    )


def meeting_choices(*, user: User, partnership: Partnership, today: dt.date, keep: Meeting | None = None):
    """The partnership's meetings from today on (and the one already chosen, if earlier), soonest
    first: the moderation meeting that agrees the grades."""
    if not can_manage_audits(user=user, partnership=partnership):
        return Meeting.objects.none()
    when = Q(held_on__gte=today)
    if keep is not None:
        when |= Q(pk=keep.pk)
    return Meeting.objects.filter(when, partnership=partnership).select_related("subgroup").order_by("held_on", "pk")


def lead_choices(*, user: User, partnership: Partnership) -> QuerySet[User]:
    """Who may lead an audit: the partnership's active members whose role grades case files."""
    if not can_manage_audits(user=user, partnership=partnership):
        return User.objects.none()
    roles = [code for code, role in role_definitions().items() if LEAD_PERMISSION in role.permissions]
    return (
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles,
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "pk")
    )


def audits_under_way(*, user: User, partnership: Partnership) -> str | None:
    """The menu's line on what is under way: the audits the user sees whose files are being
    audited or await moderation, or None."""
    count = (
        audits_visible_to(user=user, partnership=partnership)
        .filter(status__in=(Audit.Status.AUDITING, Audit.Status.MODERATION))
        .count()
    )
    if not count:
        return None
    return f"{count} audit{'s' if count != 1 else ''} under way"
