"""Reads of campaigns, given the user: the partnership's campaigns with their activities and
measures, the totals of the measures that add up (the library's ``engagement-measure`` says which)
and the choices the forms offer. The business unit (``engagement.manage``) and the board and chair
(``engagement.view``) read them; nobody else."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from assure.accounts.models import User
from assure.library.selectors import current_items
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_bounds, financial_year_of
from assure.plans.models import Priority
from assure.plans.selectors import current_plan, plan_priorities, priorities_visible_to

from ..models import Activity, Campaign, Measure
from ..permissions import can_manage, can_view

ACTIVITY_KIND = "engagement-activity"
MEASURE_KIND = "engagement-measure"


def can_read_campaigns(*, user: User, partnership: Partnership) -> bool:
    return can_view(user=user, partnership=partnership) or can_manage(user=user, partnership=partnership)


def campaigns_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Campaign]:
    """The partnership's campaigns, the latest first, each with the number of its activities
    (``activity_count``)."""
    if not can_read_campaigns(user=user, partnership=partnership):
        return Campaign.objects.none()
    return (
        Campaign.objects.filter(partnership=partnership)
        .select_related("priority")
        .annotate(activity_count=Count("activities", distinct=True))
    )


def campaign_for(*, user: User, partnership: Partnership, pk: int) -> Campaign | None:
    return campaigns_visible_to(user=user, partnership=partnership).filter(pk=pk).first()


def activity_for(*, user: User, partnership: Partnership, campaign: Campaign, pk: int) -> Activity | None:
    """One of the campaign's activities, or None (another campaign's is not this one's)."""
    if not can_read_campaigns(user=user, partnership=partnership) or campaign.partnership_id != partnership.pk:
        return None
    return Activity.objects.filter(campaign=campaign, pk=pk).first()


def measure_for(*, user: User, partnership: Partnership, campaign: Campaign, pk: int) -> Measure | None:
    """One of the campaign's measures, or None."""
    if not can_read_campaigns(user=user, partnership=partnership) or campaign.partnership_id != partnership.pk:
        return None
    return Measure.objects.filter(campaign=campaign, pk=pk).select_related("activity").first()


# --- the library's terms (shared by every partnership, so no user is needed) --------------------


@dataclass(frozen=True)
class MeasureKind:
    code: str
    title: str
    description: str
    adds_up: bool
    order: int


def activity_kinds() -> dict[str, str]:
    """The library's kinds of campaign activity, code to title, in the library's order."""
    items = sorted(current_items(kind=ACTIVITY_KIND), key=lambda item: (item.data.get("order", 0), item.title))
    return {item.code: item.title for item in items}


def measure_kinds() -> dict[str, MeasureKind]:
    """The library's campaign measures by code, in the library's order, each saying whether it adds
    up over a campaign's activities."""
    items = sorted(current_items(kind=MEASURE_KIND), key=lambda item: (item.data.get("order", 0), item.title))
    return {
        item.code: MeasureKind(
            code=item.code,
            title=item.title,
            description=item.data.get("description", ""),
            adds_up=bool(item.data.get("adds_up")),
            order=item.data.get("order", 0),
        )
        for item in items
    }


# --- a campaign's page --------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureTotal:
    """The sum of a campaign's measures of one kind that adds up (reach, copies distributed)."""

    code: str
    title: str
    total: Decimal
    count: int


@dataclass(frozen=True)
class MeasureShown:
    """One measure as a campaign's page lists it."""

    measure: Measure
    title: str
    adds_up: bool
    activity: str


@dataclass
class CampaignMeasures:
    """A campaign's measures: the totals of the kinds the library says add up, in the library's
    order, and every measure by date (those that do not add up, such as an average reach per
    post, are read one at a time)."""

    totals: list[MeasureTotal] = field(default_factory=list)
    listed: list[MeasureShown] = field(default_factory=list)

    @property
    def not_added(self) -> list[MeasureShown]:
        return [shown for shown in self.listed if not shown.adds_up]


def _activity_label(activity: Activity | None, kinds: dict[str, str]) -> str:
    if activity is None:
        return ""
    return f"{kinds.get(activity.kind, activity.kind)}, {date_format(activity.happened_on, 'j M Y')}"


def measures_of(
    measures: list[Measure], *, kinds: dict[str, MeasureKind], activities: dict[str, str]
) -> CampaignMeasures:
    """Sum the measures of the kinds that add up and list every one by date. A measure of a kind
    the library no longer holds is listed, never added."""
    found = CampaignMeasures()
    sums: dict[str, list] = {}
    for measure in sorted(measures, key=lambda m: (m.measured_on, m.pk)):
        kind = kinds.get(measure.kind)
        adds_up = bool(kind and kind.adds_up)
        found.listed.append(
            MeasureShown(
                measure=measure,
                title=kind.title if kind else measure.kind,
                adds_up=adds_up,
                activity=_activity_label(measure.activity, activities),
            )
        )
        if adds_up:
            total = sums.setdefault(measure.kind, [Decimal(0), 0])
            total[0] += measure.value
            total[1] += 1
    for code, kind in kinds.items():
        if code in sums:
            found.totals.append(MeasureTotal(code=code, title=kind.title, total=sums[code][0], count=sums[code][1]))
    return found


def campaign_activities(*, user: User, partnership: Partnership, campaign: Campaign) -> list[Activity]:
    """The campaign's activities in date order."""
    if not can_read_campaigns(user=user, partnership=partnership) or campaign.partnership_id != partnership.pk:
        return []
    return list(Activity.objects.filter(campaign=campaign).order_by("happened_on", "pk"))


def campaign_measures(*, user: User, partnership: Partnership, campaign: Campaign) -> CampaignMeasures:
    """The campaign's measures: totals where the library says they add up, and each by date."""
    if not can_read_campaigns(user=user, partnership=partnership) or campaign.partnership_id != partnership.pk:
        return CampaignMeasures()
    measures = list(Measure.objects.filter(campaign=campaign).select_related("activity"))
    return measures_of(measures, kinds=measure_kinds(), activities=activity_kinds())


# --- years and choices --------------------------------------------------------------------------


def campaign_years(*, user: User, partnership: Partnership, today: dt.date | None = None) -> list[str]:
    """The financial years some campaign of the partnership was running in (from the year it
    started to the year it ended, or to this year while it runs on), the latest first."""
    today = today or timezone.localdate()
    years: set[str] = set()
    spans = campaigns_visible_to(user=user, partnership=partnership).values_list("starts_on", "ends_on")
    for starts, ends in spans:
        first = int(financial_year_of(starts)[:4])
        last = int(financial_year_of(max(ends or today, starts))[:4])
        years.update(f"{start}-{(start + 1) % 100:02d}" for start in range(first, last + 1))
    return sorted(years, reverse=True)


def year_range(year: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a financial year written like 2014-15."""
    return financial_year_bounds(year)


def priority_choices(*, user: User, partnership: Partnership, keep: Priority | None = None) -> list[Priority]:
    """The priorities of the partnership's current business plan, in the plan's order, and the one a
    record already names (``keep``), even from an earlier plan, so changing the record keeps it."""
    plan = current_plan(user=user, partnership=partnership)
    priorities = list(plan_priorities(user=user, plan=plan)) if plan is not None else []
    if keep is not None and keep.partnership_id == partnership.pk and keep not in priorities:
        priorities.append(keep)
    return priorities


def priority_filter_choices(*, user: User, partnership: Partnership) -> list[tuple[str, str]]:
    """Every priority of the partnership's plans, for filtering a register."""
    return [(str(p.pk), p.title) for p in priorities_visible_to(user=user, partnership=partnership)]


def campaigns_for_priorities(priority_ids) -> dict[int, str]:
    """For the business plan: the phrase naming the campaigns each priority holds (the phrase
    names no campaign)."""
    counts = (
        Campaign.objects.filter(priority_id__in=list(priority_ids))
        .values("priority_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["priority_id"]: f"{row['n']} campaign{'' if row['n'] == 1 else 's'}" for row in counts if row["n"]}
