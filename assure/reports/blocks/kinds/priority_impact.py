"""What difference the partnership made on one of its priorities: the priority's scorecard
indicators and how each moved over the year, and the evidence linked to the business plan's
review of the priority for the year (an indicator's movement, a Section 11 cycle's results, an
action completed or overdue, any other record by its label)."""

from assure.actions.models import Action
from assure.actions.selectors import actions_visible_to
from assure.partnerships.years import financial_year_bounds
from assure.plans.selectors import evidence_visible_to, priority_review
from assure.section11.selectors.analysis import cycles_to_analyse

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import bars_spec, block, chart, reader_of, reference_day, report_year, table
from ._section11 import cycle_results
from .priority_review import section_priority
from .scorecard_extract import chosen_sections, year_scorecard

SOURCE = (
    "The partnership's scorecard for the year (validated agency returns or the DfE's published figures), and the "
    "evidence linked to the business plan's review of the priority for the year."
)
JUDGEMENTS = {"improved": "Improved", "worsened": "Worsened"}


def movement(row) -> tuple[str, str]:
    """A scorecard row's change in words and whether it improved, by the indicator's polarity."""
    moved = phrases.change(row.value, row.previous, unit=row.unit, polarity=row.polarity)
    if not moved.comparable:
        return "No figure to compare", ""
    return phrases.first_upper(moved.short), moved.judgement


def _evidence(context: BlockContext, reader, year: str) -> list:
    """The evidence the business plan's review of the section's priority links for the year."""
    priority = section_priority(context)
    if priority is None:
        return []
    review = priority_review(user=reader, priority=priority, year=year)
    if review is None:
        return []
    return list(evidence_visible_to(user=reader, partnership=priority.partnership).filter(review=review))


@register(
    "priority-impact",
    title="Impact on the priority",
    description="For a priority section: its scorecard indicators and their movement over the year, and the "
    "evidence linked to the business plan's review of the priority for the year (indicators, Section 11 results, "
    "actions completed or overdue), with a chart.",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    reader = reader_of(context)
    partnership = context.report.partnership
    card = year_scorecard(context)
    sections = chosen_sections(card, context) if card is not None else []
    priority = sections[0].title if len(sections) == 1 else "the priorities"
    title = f"Impact on {priority}, {year}" if len(sections) == 1 else f"Impact on the priorities, {year}"
    rows = [row for section in sections for row in section.rows]
    paragraphs, tables, charts = [], [], []
    if rows:
        moved = [(row, *movement(row)) for row in rows]
        better = sum(1 for _, _, word in moved if word == "improved")
        worse = sum(1 for _, _, word in moved if word == "worsened")
        compared = sum(1 for row, _, _ in moved if row.value is not None and row.previous is not None)
        paragraphs.append(
            f"Of the {phrases.count_phrase(len(rows), 'indicator')} under this priority, {compared} can be compared "
            f"with the year before: {better} improved, {worse} worsened and {compared - better - worse} moved in a "
            "direction that is neither better nor worse, or did not change."
        )
        tables.append(
            table(
                f"Scorecard indicators of the priority, {year}",
                ["Indicator", "Previous", "Value", "Change", "Better or worse"],
                [
                    [row.title, row.previous_text, row.value_text, words, JUDGEMENTS.get(word, "Neither")]
                    for row, words, word in moved
                ],
                [False, True, True, False, False],
            )
        )
        counts = {
            "Improved": better,
            "Worsened": worse,
            "Neither, or no change": compared - better - worse,
            "No figure to compare": len(rows) - compared,
        }
        tables.append(
            table(
                "Indicators by movement",
                ["Movement", "Indicators"],
                [[name, str(count)] for name, count in counts.items()],
                [False, True],
            )
        )
        charts.append(
            chart(
                f"How the priority's indicators moved, {year}",
                "Bars of the number of the priority's indicators that improved, worsened, moved in neither "
                "direction or could not be compared: "
                + "; ".join(f"{name.lower()} {count}" for name, count in counts.items())
                + ".",
                bars_spec(
                    description=f"How the priority's indicators moved, {year}.",
                    axis_title="Indicators",
                    categories=list(counts),
                    values=list(counts.values()),
                    shown=[str(c) for c in counts.values()],
                ),
                len(tables) - 1,
            )
        )
    evidence_rows = _evidence_rows(context, reader, partnership, year, card)
    if evidence_rows:
        tables.append(
            table("Evidence of impact", ["Evidence", "What it shows", "Note"], evidence_rows, [False, False, False])
        )
        paragraphs.append(
            f"The business plan's review of the year links {phrases.count_phrase(len(evidence_rows), 'piece')} "
            "of evidence."
        )
    if not tables:
        return block(
            context,
            title=title,
            source=SOURCE,
            empty="The priority has no scorecard indicators and the business plan's review of the year links no "
            "evidence yet.",
        )
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables, charts=charts)


def _evidence_rows(context: BlockContext, reader, partnership, year: str, card) -> list[list[str]]:
    evidence = _evidence(context, reader, year)
    if not evidence:
        return []
    by_indicator = {row.indicator_id: row for row in (card.rows if card is not None else [])}
    ids = {model: [e.target_id for e in evidence if e.target_type.model == model] for model in ("action", "cycle")}
    # Only the partnership's own actions and cycles count, whatever a link says.
    actions = {
        str(a.pk): a
        for a in actions_visible_to(user=reader, partnership=partnership).filter(
            pk__in=[int(pk) for pk in ids["action"] if pk.isdigit()]
        )
    }
    cycles = {
        str(c.pk): c
        for c in cycles_to_analyse(user=reader, partnership=partnership).filter(
            pk__in=[int(pk) for pk in ids["cycle"] if pk.isdigit()]
        )
    }
    start, end = financial_year_bounds(year)
    today = reference_day(context)
    rows = []
    for item in evidence:
        kind = (item.target_type.app_label, item.target_type.model)
        if kind == ("performance", "indicator"):
            row = by_indicator.get(int(item.target_id)) if item.target_id.isdigit() else None
            shows = movement(row)[0] if row is not None else "Not on the scorecard for the year"
            rows.append([item.label, shows, item.note])
        elif kind == ("section11", "cycle") and item.target_id in cycles:
            results = cycle_results(reader=reader, partnership=partnership, cycle=cycles[item.target_id])
            rows.append([item.label, f"{results.overall.text} of the criteria rated met", item.note])
        elif kind == ("actions", "action") and item.target_id in actions:
            rows.append([item.label, _action_state(actions[item.target_id], start, end, today), item.note])
        elif kind not in {("section11", "cycle"), ("actions", "action")}:
            # A record of another kind (an audit, a review...) as the review names it.
            rows.append([item.label, "", item.note])
    return rows


def _action_state(action: Action, start, end, today) -> str:
    if action.status == Action.Status.COMPLETED and action.completed_on:
        when = "in the year" if start <= action.completed_on <= end else "outside the year"
        return f"Completed on {action.completed_on.day} {action.completed_on:%B %Y} ({when})"
    if action.is_overdue_on(today):
        return f"Overdue: due {action.due_on.day} {action.due_on:%B %Y}"
    return f"{action.get_status_display()}, due {action.due_on.day} {action.due_on:%B %Y}"
