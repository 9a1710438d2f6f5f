"""The board's challenge log for the report's year: how many challenges were raised and resolved,
how quickly agencies responded, the challenges still open by agency, and a sample of the
difference the challenges closed in the year made (param ``samples``, default 3)."""

from assure.governance.selectors.challenges import challenge_summary

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import block, reader_of, reference_day, report_year, table

SOURCE = "The partnership's challenge log."
SAMPLES, MOST_SAMPLES = 3, 10


def _samples(params: dict) -> int:
    try:
        return max(1, min(int(params.get("samples", SAMPLES)), MOST_SAMPLES))
    except (TypeError, ValueError):
        return SAMPLES


@register(
    "challenge-summary",
    title="The challenge log",
    description="Challenges raised and resolved in the year, time to respond, open challenges by agency and a "
    "sample of their impact (param: samples).",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    summary = challenge_summary(
        user=reader_of(context),
        partnership=context.report.partnership,
        year=year,
        today=reference_day(context),
        samples=_samples(context.params),
    )
    title = f"The challenge log, {year}"
    if not summary.raised and not summary.resolved and not summary.open:
        return block(context, title=title, source=SOURCE, empty=f"No challenge was raised or open in {year}.")
    raised = phrases.count_phrase(summary.raised, "challenge")
    paragraphs = [
        f"In {year} the board raised {raised} and resolved {summary.resolved}"
        + (
            f"; {summary.escalated} of those raised {'was' if summary.escalated == 1 else 'were'} escalated."
            if summary.escalated
            else "."
        )
    ]
    if summary.median_days_to_respond is not None:
        paragraphs.append(
            f"Agencies responded to {phrases.count_phrase(summary.responded, 'challenge')} raised in the year; half "
            f"of the responses came within {summary.median_days_to_respond} "
            f"day{'' if summary.median_days_to_respond == 1 else 's'}."
        )
    if summary.open:
        paragraphs.append(
            f"{phrases.count_phrase(summary.open, 'challenge').capitalize()} "
            f"{'was' if summary.open == 1 else 'were'} still open"
            + (f", {summary.overdue} with the response overdue." if summary.overdue else ".")
        )
    tables = []
    if summary.open_by_agency:
        tables.append(
            table(
                "Open challenges by agency",
                ["Agency", "Open", "Response overdue"],
                [[row.agency, str(row.open), str(row.overdue)] for row in summary.open_by_agency],
                [False, True, True],
            )
        )
    if summary.impact:
        tables.append(
            table(
                "What difference challenge made: a sample of the challenges closed in the year",
                # Three columns, so the table fits a report's reading column: the challenge's
                # subject leads its impact, and a board not fully satisfied says so there.
                ["Reference", "Agency challenged", "The challenge and its impact"],
                [[s.reference, s.agency, _challenge_and_impact(s)] for s in summary.impact],
                [False] * 3,
            )
        )
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)


def _challenge_and_impact(sample) -> str:
    """ "GP attendance at conferences: GPs now send reports." with "(The board was partly
    satisfied.)" after it when the board was not fully satisfied."""
    text = f"{sample.subject.rstrip('.')}: {sample.impact}"
    if sample.satisfied and sample.satisfied != "Satisfied":
        text += f" (The board was {sample.satisfied[0].lower()}{sample.satisfied[1:]}.)"
    return text
