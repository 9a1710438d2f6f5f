"""The exception report for the meeting (a board pack's) or for the year (an annual report's):
each indicator that met an exception rule, why, its figures as the board saw them, and the
owning agency's commentary."""

from assure.performance.selectors.exceptions import exception_items, exception_reports

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import block, reader_of, report_year, table, year_period

SOURCE = "The partnership's exception report: indicators chosen by the exception rules, with the owners' commentary."
NO_COMMENTARY = "No commentary yet."


def exception_report_for(context: BlockContext, reader):
    reports = exception_reports(user=reader, partnership=context.report.partnership)
    meeting = getattr(context.report, "meeting", None)
    if meeting is not None:
        found = reports.filter(meeting=meeting).first()
        if found is not None:
            return found
    period = year_period(report_year(context))
    return reports.filter(period=period).first() if period is not None else None


@register(
    "exception-report",
    title="Exception report",
    description="The latest exception report for the meeting (or the year): the indicators, why each is there, "
    "its figures and the owning agency's commentary.",
)
def compute(context: BlockContext) -> BlockData:
    reader = reader_of(context)
    found = exception_report_for(context, reader)
    title = "Exception report"
    if found is None:
        return block(context, title=title, source=SOURCE, empty="No exception report has been made for this meeting.")
    items = list(
        exception_items(user=reader, partnership=context.report.partnership).filter(report=found).order_by("pk")
    )
    title = f"Exception report, {found.period.label}"
    if not items:
        return block(context, title=title, source=SOURCE, empty="No indicator met an exception rule.")
    commented = sum(1 for i in items if i.commentary.strip())
    paragraphs = [
        f"{phrases.count_phrase(len(items), 'indicator').capitalize()} met an exception rule for {found.period.label}; "
        f"{commented} of them {'has' if commented == 1 else 'have'} a commentary from the agency that owns it."
    ]
    rows = []
    for item in items:
        figures = item.figures or {}
        rows.append(
            [
                item.indicator.definition.title,
                "; ".join(item.reasons),
                figures.get("value", "–"),
                figures.get("previous", "–"),
                figures.get("target", "–") or "–",
                figures.get("rag", "") or "–",
                item.owner_agency.name if item.owner_agency_id else "–",
                item.commentary.strip() or NO_COMMENTARY,
            ]
        )
    return block(
        context,
        title=title,
        source=SOURCE,
        paragraphs=paragraphs,
        tables=[
            table(
                f"Indicators in the exception report, {found.period.label}",
                ["Indicator", "Why", "Value", "Previous", "Target", "RAG", "Owner", "Commentary"],
                rows,
                [False, False, True, True, True, False, False, False],
            )
        ],
    )
