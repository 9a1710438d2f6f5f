"""The year's multi-agency auditing (the seed's §5.13): the audits of the programme term by term
with the case files planned and audited, the grades the moderation agreed, and the themed audits
with the question each set out to answer and what it found."""

from assure.audits.selectors.reporting import audit_programme_report
from assure.questionnaires.results import percent

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import block, reader_of, report_year, table

SOURCE = "The partnership's audit programme, its case files audited and moderated, and its themed audits."


@register(
    "audit-programme",
    title="Multi-agency auditing",
    description="The year's audits by term with the case files planned and audited, the grades agreed at "
    "moderation, and the themed audits with their question and what they found.",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    report = audit_programme_report(user=reader_of(context), partnership=context.report.partnership, year=year)
    title = f"Multi-agency auditing, {year}"
    if not report.audits:
        return block(context, title=title, source=SOURCE, empty=f"No audit was planned or held in {year}.")
    paragraphs = [
        f"In {year} the partnership ran {phrases.count_phrase(report.audits, 'audit')}: "
        f"{phrases.count_phrase(report.files_audited, 'case file')} audited and moderated of the "
        f"{report.files_planned} planned."
    ]
    tables = [
        table(
            f"Audits and case files by term, {year}",
            ["Term", "Audits", "Files planned", "Files audited"],
            [[t.term, str(t.audits), str(t.planned), str(t.audited)] for t in report.terms],
            [False, True, True, True],
        )
    ]
    graded = sum(count for _, count in report.grades)
    if graded:
        paragraphs.append(
            "The grades agreed for the multi-agency work on each file: "
            + phrases.listing([f"{label.lower()} {count}" for label, count in report.grades])
            + "."
        )
        tables.append(
            table(
                f"Grades of the case files audited, {year}",
                ["Grade", "Files", "Share"],
                [[label, str(count), f"{percent(count, graded)}%"] for label, count in report.grades],
                [False, True, True],
            )
        )
    if report.themed:
        tables.append(
            table(
                f"Themed audits, {year}",
                ["Audit", "The question it answers", "What it found"],
                [
                    [
                        f"{t.reference} {t.title} ({t.status.lower()})",
                        t.question or "–",
                        t.summary or "Not reported yet.",
                    ]
                    for t in report.themed
                ],
                [False, False, False],
            )
        )
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)
