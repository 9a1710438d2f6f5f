"""What audits found: the findings of one audit (param ``audit``, its reference) or of the year's
audits, strengths and areas for development, each with the actions it raised and where they
stand."""

from assure.audits.selectors.reporting import actions_completed, audit_findings_report

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import block, reader_of, report_year, table

SOURCE = "The partnership's audits, their findings and the action tracker."


def _actions(finding) -> str:
    if not finding.actions:
        return "None"
    return "; ".join(
        f"{a.reference} {a.title} ({a.owner + ', ' if a.owner else ''}{a.status.lower()}"
        f"{', overdue' if a.overdue else ''}, due {a.due_on.day} {a.due_on:%B %Y})"
        for a in finding.actions
    )


@register(
    "audit-findings",
    title="What the audits found",
    description="The findings of one audit (param: audit, its reference) or of the year's audits, with the "
    "actions they raised and their progress.",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    reference = str(context.params.get("audit", "") or "").strip()
    findings = audit_findings_report(
        user=reader_of(context),
        partnership=context.report.partnership,
        year=None if reference else year,
        audit_reference=reference,
    )
    title = f"What audit {reference} found" if reference else f"What the audits found, {year}"
    if not findings:
        where = f"audit {reference}" if reference else f"the audits of {year}"
        return block(context, title=title, source=SOURCE, empty=f"No finding has been recorded for {where}.")
    done, raised = actions_completed(findings)
    paragraphs = [
        f"The audits recorded {phrases.count_phrase(len(findings), 'finding')}, which raised "
        f"{phrases.count_phrase(raised, 'action')}" + (f", {done} of them completed." if raised else ".")
    ]
    # One table for each audit, in the order the findings come, so a long list reads by audit.
    by_audit: dict[str, list[list[str]]] = {}
    for f in findings:
        by_audit.setdefault(f.audit, []).append([f"{f.kind}: {f.theme}. {f.text}", _actions(f)])
    tables = [
        table(f"{audit}: findings and the actions they raised", ["Finding", "Actions raised"], rows, [False] * 2)
        for audit, rows in by_audit.items()
    ]
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)
