"""Engagement under a priority (the seed's Priority 3, Communication): the campaigns that ran in the
report's year with their measures, the events held with their attendance, and the surveys run
with their responses, those hung under the section's priority (every one, in a section of no
priority). Read through engagement's own year summary (``assure/engagement/selectors/summary.py``);
no block names a person."""

from decimal import Decimal

from assure.engagement.models import Measure
from assure.engagement.selectors.campaigns import measure_kinds
from assure.engagement.selectors.summary import YearSummary, year_summary

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import block, reader_of, report_year, table
from .priority_review import section_priority

SOURCE = "The engagement records in Assure: campaigns and their measures, events and surveys."


def _figure(value: Decimal) -> str:
    return f"{int(value):,}" if value == value.to_integral_value() else f"{value:,}"


def _under(summary: YearSummary, priority) -> YearSummary:
    """The summary's campaigns, events and surveys under ``priority`` (all of them when None)."""
    if priority is None:
        return summary
    return YearSummary(
        year=summary.year,
        starts_on=summary.starts_on,
        ends_on=summary.ends_on,
        campaigns=[c for c in summary.campaigns if c.campaign.priority_id == priority.pk],
        events=[e for e in summary.events if e.event.priority_id == priority.pk],
        surveys=[s for s in summary.surveys if s.survey.priority_id == priority.pk],
    )


def _other_measures(summary: YearSummary) -> dict[int, list[str]]:
    """Per campaign, its measures in the year that do not add up (an average reach per post), as
    the report says them: "Average reach per post 21,392"."""
    kinds = measure_kinds()
    shown: dict[int, list[str]] = {}
    measures = Measure.objects.filter(
        campaign__in=[item.campaign for item in summary.campaigns],
        measured_on__range=(summary.starts_on, summary.ends_on),
    ).order_by("measured_on", "pk")
    for measure in measures:
        kind = kinds.get(measure.kind)
        if kind is not None and not kind.adds_up:
            shown.setdefault(measure.campaign_id, []).append(f"{kind.title} {_figure(measure.value)}")
    return shown


@register(
    "engagement-summary",
    title="Engagement",
    description="For a priority section: the campaigns run in the year under the section's priority with their "
    "measures (reach, places reached, audiences), the events held with their attendance and the surveys run with "
    "their responses.",
)
def engagement_summary(context: BlockContext) -> BlockData:
    year = report_year(context)
    priority = section_priority(context)
    title = f"Engagement, {year}"
    found = year_summary(user=reader_of(context), partnership=context.report.partnership, year=year)
    if found is None:
        return block(context, title=title, source=SOURCE, empty="The partnership's engagement is not available.")
    summary = _under(found, priority)
    if not (summary.campaigns or summary.events or summary.surveys):
        under = " under this priority" if priority is not None else ""
        return block(context, title=title, source=SOURCE, empty=f"No campaign, event or survey{under} in {year}.")
    paragraphs = [
        f"In {year} the partnership ran {phrases.count_phrase(len(summary.campaigns), 'campaign')}, held "
        f"{phrases.count_phrase(len(summary.events), 'event')} and ran "
        f"{phrases.count_phrase(len(summary.surveys), 'survey')}."
    ]
    tables = []
    if summary.campaigns:
        others = _other_measures(summary)
        rows = []
        for item in summary.campaigns:
            measures = [f"{total.title} {_figure(total.total)}" for total in item.totals if total.count]
            measures += others.get(item.campaign.pk, [])
            rows.append(
                [
                    item.campaign.title,
                    f"{item.campaign.starts_on.day} {item.campaign.starts_on:%B %Y}",
                    str(item.activities),
                    "; ".join(measures) or "None recorded",
                ]
            )
        tables.append(
            table(
                f"Campaigns, {year}",
                ["Campaign", "Started", "Activities", "Measures"],
                rows,
                [False, False, True, False],
            )
        )
    if summary.events:
        rows = [
            [
                item.event.title,
                item.kind,
                f"{item.event.held_on.day} {item.event.held_on:%B %Y}",
                "Not recorded" if item.attendance.number is None else f"{item.attendance.number:,}",
            ]
            for item in summary.events
        ]
        tables.append(
            table(f"Events, {year}", ["Event", "Kind", "Held", "Attended"], rows, [False, False, False, True])
        )
        known = [item.attendance.number for item in summary.events if item.attendance.number is not None]
        if known:
            paragraphs.append(f"{sum(known):,} people came to the events whose attendance is recorded.")
    if summary.surveys:
        rows = [
            [item.survey.title, item.survey.audience, f"{item.survey.opens_on:%B %Y}", f"{item.responses:,}"]
            for item in summary.surveys
        ]
        tables.append(
            table(f"Surveys, {year}", ["Survey", "For", "Opened", "Responses"], rows, [False, False, False, True])
        )
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)
