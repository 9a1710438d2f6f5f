"""The year's engagement in one read: the campaigns run in a financial year with the totals of
their measures, the events held and their attendance (typed, or the training register's), the
surveys run with their responses, and the voices heard by where they came from. The page
"Engagement this year" and the annual report's block read it; it names nobody."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from assure.accounts.models import User
from assure.library.selectors import current_items
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_bounds, financial_year_of
from assure.questionnaires.models import Response

from ..models import Campaign, Event, Measure, Survey, Voice
from .campaigns import MeasureTotal, can_read_campaigns, measure_kinds, measures_of
from .events import Attendance, attendance_of, event_kinds

VOICE_SOURCE_KIND = "voice-source"


@dataclass(frozen=True)
class CampaignInYear:
    campaign: Campaign
    activities: int
    totals: list[MeasureTotal]


@dataclass(frozen=True)
class EventInYear:
    event: Event
    kind: str
    attendance: Attendance


@dataclass(frozen=True)
class SurveyInYear:
    survey: Survey
    responses: int


@dataclass(frozen=True)
class VoicesFrom:
    code: str
    title: str
    heard: int


@dataclass
class YearSummary:
    year: str
    starts_on: dt.date
    ends_on: dt.date
    campaigns: list[CampaignInYear] = field(default_factory=list)
    events: list[EventInYear] = field(default_factory=list)
    surveys: list[SurveyInYear] = field(default_factory=list)
    voices: list[VoicesFrom] = field(default_factory=list)

    @property
    def attended(self) -> int:
        """Those who came to the year's events, where their attendance is known."""
        return sum(item.attendance.number or 0 for item in self.events)

    @property
    def responses(self) -> int:
        return sum(item.responses for item in self.surveys)

    @property
    def voices_heard(self) -> int:
        return sum(item.heard for item in self.voices)

    @property
    def is_empty(self) -> bool:
        return not (self.campaigns or self.events or self.surveys or self.voices_heard)


def year_summary(*, user: User, partnership: Partnership, year: str) -> YearSummary | None:
    """The partnership's engagement in the financial year ``year`` (written like 2014-15), or None
    for someone who may not read engagement (``engagement.view`` or ``engagement.manage``).

    The shape returned (``YearSummary``):

    - ``year``, ``starts_on`` (1 April), ``ends_on`` (31 March);
    - ``campaigns``: ``CampaignInYear`` for each campaign running at some time in the year (started
      on or before its last day and not ended before its first), the earliest first:
      ``campaign`` (the record: title, aims, audiences, priority, starts_on, ends_on),
      ``activities`` (how many it ran in the year) and ``totals``: a ``MeasureTotal`` (``code``,
      ``title``, ``total`` as a Decimal, ``count`` of measures) for each measure of the library
      that adds up, summing the measures taken in the year, in the library's order (measures that
      do not add up, such as an average reach per post, are left out);
    - ``events``: ``EventInYear`` for each event held in the year, in date order: ``event`` (the
      record), ``kind`` (the library's title) and ``attendance`` (``number``, None when not
      recorded; ``from_training`` true when the training register counted it; ``label``);
    - ``surveys``: ``SurveyInYear`` for each survey opening in the year, in date order:
      ``survey`` and ``responses`` (the submitted questionnaire responses about it);
    - ``voices``: ``VoicesFrom`` (``code``, ``title``, ``heard``) for each of the library's voice
      sources, in its order, counting every voice heard in the year whatever its review (a source
      of no voice is listed with nought; a source the library no longer holds is listed after);
    - ``attended``, ``responses``, ``voices_heard`` (totals) and ``is_empty``.
    """
    if not can_read_campaigns(user=user, partnership=partnership):
        return None
    first, last = financial_year_bounds(year)
    summary = YearSummary(year=year, starts_on=first, ends_on=last)

    campaigns = list(
        Campaign.objects.filter(partnership=partnership, starts_on__lte=last)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first))
        .select_related("priority")
        .annotate(
            year_activities=Count("activities", filter=Q(activities__happened_on__range=(first, last)), distinct=True)
        )
        .order_by("starts_on", "pk")
    )
    measures: dict[int, list[Measure]] = {}
    for measure in Measure.objects.filter(campaign__in=campaigns, measured_on__range=(first, last)):
        measures.setdefault(measure.campaign_id, []).append(measure)
    kinds = measure_kinds()
    for campaign in campaigns:
        totals = measures_of(measures.get(campaign.pk, []), kinds=kinds, activities={}).totals
        summary.campaigns.append(CampaignInYear(campaign=campaign, activities=campaign.year_activities, totals=totals))

    events = list(
        Event.objects.filter(partnership=partnership, held_on__range=(first, last))
        .select_related("campaign", "priority")
        .order_by("held_on", "pk")
    )
    attendance = attendance_of(events, partnership=partnership)
    titles = event_kinds()
    summary.events = [
        EventInYear(event=event, kind=titles.get(event.kind, event.kind), attendance=attendance[event.pk])
        for event in events
    ]

    surveys = list(
        Survey.objects.filter(partnership=partnership, opens_on__range=(first, last)).order_by("opens_on", "pk")
    )
    responses = dict(
        Response.objects.filter(
            about_type=ContentType.objects.get_for_model(Survey),
            about_id__in=[str(survey.pk) for survey in surveys],
            status=Response.Status.SUBMITTED,
        )
        .values_list("about_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    summary.surveys = [SurveyInYear(survey=survey, responses=responses.get(str(survey.pk), 0)) for survey in surveys]

    heard = dict(
        Voice.objects.filter(partnership=partnership, heard_on__range=(first, last))
        .values_list("source_type")
        .annotate(n=Count("pk"))
        .order_by()
    )
    sources = sorted(current_items(kind=VOICE_SOURCE_KIND), key=lambda item: (item.data.get("order", 0), item.title))
    summary.voices = [VoicesFrom(code=item.code, title=item.title, heard=heard.pop(item.code, 0)) for item in sources]
    summary.voices += [VoicesFrom(code=code, title=code, heard=n) for code, n in sorted(heard.items())]
    return summary


def summary_years(*, user: User, partnership: Partnership, today: dt.date) -> list[str]:
    """The financial years holding a campaign, an event, a survey or a voice, and this year, the
    latest first."""
    if not can_read_campaigns(user=user, partnership=partnership):
        return []
    days: set[dt.date] = {today}
    days.update(Campaign.objects.filter(partnership=partnership).values_list("starts_on", flat=True))
    days.update(Event.objects.filter(partnership=partnership).values_list("held_on", flat=True))
    days.update(Survey.objects.filter(partnership=partnership).values_list("opens_on", flat=True))
    days.update(Voice.objects.filter(partnership=partnership).values_list("heard_on", flat=True))
    return sorted({financial_year_of(day) for day in days}, reverse=True)


def summary_rows(summary: YearSummary) -> tuple[list[str], list[list]]:
    """The summary as rows of a download: what, its detail, and the figure."""
    headers = ["Part", "What", "Detail", "Figure"]
    rows: list[list] = []
    for item in summary.campaigns:
        rows.append(["Campaign", item.campaign.title, "Activities in the year", item.activities])
        for total in item.totals:
            rows.append(["Campaign", item.campaign.title, total.title, _number(total.total)])
    for item in summary.events:
        source = "training register" if item.attendance.from_training else "recorded"
        rows.append(
            [
                "Event",
                item.event.title,
                f"{item.kind}, {item.event.held_on.isoformat()}, attendance ({source})",
                "" if item.attendance.number is None else item.attendance.number,
            ]
        )
    for item in summary.surveys:
        rows.append(
            ["Survey", item.survey.title, f"Responses, opened {item.survey.opens_on.isoformat()}", item.responses]
        )
    for item in summary.voices:
        rows.append(["Voices heard", item.title, "", item.heard])
    return headers, rows


def _number(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value
