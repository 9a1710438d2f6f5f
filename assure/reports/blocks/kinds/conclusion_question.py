"""A data-driven answer to one of the five questions of an annual report's conclusion (param
``question``: 1 to 5; the question's words are the section's, in the report template):

1. doing the right things: the priorities, their indicators, targets and RAG ratings;
2. making enough progress: indicators improving and worsening, by priority;
3. risks identified, managed and mitigated: red ratings, the exception report, overdue actions;
4. the board's own progress: actions completed and overdue, attendance at its meetings;
5. impact: Section 11 compliance and over-rating, and the indicators that improved.

The paragraphs are a starting point the chair then edits: they state what the data say, never a
judgement the data cannot make."""

from collections import Counter

from assure.actions.models import Action
from assure.actions.selectors import OPEN_STATUSES, actions_visible_to
from assure.partnerships.selectors import BOARD, attendance_by_agency
from assure.partnerships.years import financial_year_bounds
from assure.section11.scoring import percent

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import block, chart, grouped_bars_spec, reader_of, reference_day, report_year, table
from ._section11 import cycle_results, cycles_of_year, over_rating_sentence
from .exception_report import exception_report_for
from .priority_impact import movement
from .scorecard_extract import year_scorecard

SOURCE = (
    "Assure's records for the year: the scorecard, the exception report, the action tracker, board attendance and "
    "the Section 11 cycles."
)


def _by_priority(card) -> list[tuple[str, list]]:
    return [(s.title, s.rows) for s in card.sections] if card is not None else []


def _question_1(context, year, card):
    priorities = _by_priority(card)
    if not priorities:
        return [], [], []
    rows, paragraphs = [], []
    for title, lines in priorities:
        rag = Counter(r.rag for r in lines)
        targets = sum(1 for r in lines if r.target is not None)
        rows.append([title, str(len(lines)), str(targets), str(rag["green"]), str(rag["amber"]), str(rag["red"])])
    total = sum(len(lines) for _, lines in priorities)
    with_target = sum(1 for _, lines in priorities for r in lines if r.target is not None)
    paragraphs.append(
        f"The board worked to {phrases.count_phrase(len(priorities), 'priority', 'priorities')} in {year}, "
        f"followed through {phrases.count_phrase(total, 'indicator')} on its scorecard, {with_target} of them with "
        "a target."
    )
    return (
        paragraphs,
        [
            table(
                f"Priorities and their indicators, {year}",
                ["Priority", "Indicators", "With a target", "Green", "Amber", "Red"],
                rows,
                [False, True, True, True, True, True],
            )
        ],
        [],
    )


def _question_2(context, year, card):
    priorities = _by_priority(card)
    if not priorities:
        return [], [], []
    rows, better_all, worse_all = [], [], []
    for title, lines in priorities:
        words = [movement(r)[1] for r in lines]
        better, worse = words.count("improved"), words.count("worsened")
        better_all.append(better)
        worse_all.append(worse)
        rows.append([title, str(better), str(worse), str(len(lines) - better - worse)])
    paragraphs = [
        f"Across the priorities, {phrases.count_phrase(sum(better_all), 'indicator')} improved on the year before "
        f"and {sum(worse_all)} worsened; the rest moved in a direction that is neither better nor worse, did not "
        "change or cannot be compared."
    ]
    for (title, _), better, worse in zip(priorities, better_all, worse_all, strict=True):
        if worse > better:
            paragraphs.append(f"More indicators worsened than improved under {title.lower()}.")
    names = [title for title, _ in priorities]
    tables = [
        table(
            f"Indicators improving and worsening by priority, {year}",
            ["Priority", "Improved", "Worsened", "Neither or not compared"],
            rows,
            [False, True, True, True],
        )
    ]
    charts = [
        chart(
            f"Indicators improving and worsening by priority, {year}",
            "Bars of the number of indicators that improved and that worsened under each priority: "
            + "; ".join(f"{n} {b} improved, {w} worsened" for n, b, w in zip(names, better_all, worse_all, strict=True))
            + ".",
            grouped_bars_spec(
                description=f"Indicators improving and worsening by priority, {year}.",
                axis_title="Indicators",
                categories=names,
                series={"Worsened": worse_all, "Improved": better_all},
                shown={"Worsened": [str(w) for w in worse_all], "Improved": [str(b) for b in better_all]},
            ),
            0,
        )
    ]
    return paragraphs, tables, charts


def _question_3(context, year, card):
    reader = reader_of(context)
    partnership = context.report.partnership
    red = [r for r in (card.rows if card is not None else []) if r.rag == "red"]
    paragraphs = [
        f"{phrases.count_phrase(len(red), 'scorecard indicator').capitalize()} "
        f"{'was' if len(red) == 1 else 'were'} rated red against {'its' if len(red) == 1 else 'their'} target "
        f"in {year}" + (f": {phrases.listing([r.title for r in red])}." if red else ".")
    ]
    found = exception_report_for(context, reader)
    if found is not None:
        items = list(found.items.all())
        commented = sum(1 for i in items if i.commentary.strip())
        paragraphs.append(
            f"The exception report for {found.period.label} held {phrases.count_phrase(len(items), 'indicator')}; "
            f"the owning agency explained {commented} of them."
        )
    overdue = actions_visible_to(user=reader, partnership=partnership).filter(Action.overdue_q(reference_day(context)))
    paragraphs.append(
        f"{phrases.count_phrase(overdue.count(), 'action').capitalize()} of the tracker "
        f"{'is' if overdue.count() == 1 else 'are'} overdue."
    )
    rows = [[r.title, r.value_text, r.target_text, r.owner_agency or "–"] for r in red]
    tables = (
        [
            table(
                f"Indicators rated red, {year}",
                ["Indicator", "Value", "Target", "Owner"],
                rows,
                [False, True, True, False],
            )
        ]
        if rows
        else []
    )
    return paragraphs, tables, []


def _question_4(context, year, card):
    reader = reader_of(context)
    partnership = context.report.partnership
    start, end = financial_year_bounds(year)
    today = reference_day(context)
    actions = actions_visible_to(user=reader, partnership=partnership)
    completed = actions.filter(status=Action.Status.COMPLETED, completed_on__range=(start, end)).count()
    completed_all = actions.filter(status=Action.Status.COMPLETED).count()
    open_count = actions.filter(status__in=OPEN_STATUSES).count()
    overdue = actions.filter(Action.overdue_q(today)).count()
    paragraphs = [
        f"{phrases.count_phrase(completed, 'action').capitalize()} of the tracker "
        f"{'was' if completed == 1 else 'were'} completed in {year} ({completed_all} completed in all); "
        f"{open_count} {'is' if open_count == 1 else 'are'} still open, {overdue} of them overdue."
    ]
    attendance = [
        r for r in attendance_by_agency(user=reader, partnership=partnership, year=year, subgroup=BOARD) if r.expected
    ]
    if attendance:
        expected = sum(r.expected for r in attendance)
        attended = sum(r.attended for r in attendance)
        paragraphs.append(
            f"Agencies attended {attended} of the {expected} board meeting places expected of them in {year} "
            f"({phrases.number_text(percent(attended, expected))}%)."
        )
    rows = [
        ["Completed in the year", str(completed)],
        ["Still open", str(open_count)],
        ["Overdue", str(overdue)],
    ]
    return paragraphs, [table("Actions of the tracker", ["Actions", "Number"], rows, [False, True])], []


def _question_5(context, year, card):
    reader = reader_of(context)
    partnership = context.report.partnership
    paragraphs, rows = [], []
    for cycle in cycles_of_year(reader=reader, partnership=partnership, year=year):
        results = cycle_results(reader=reader, partnership=partnership, cycle=cycle)
        if not results.overall.rated:
            continue
        paragraphs.append(f"{cycle.title}: {results.percent_text} of the criteria rated were met.")
        over = over_rating_sentence(results)
        if over:
            paragraphs.append(over)
        gap = results.gap
        rows.append(
            [
                cycle.title,
                results.overall.text,
                f"{gap.over_rated} of {gap.compared}" if gap.compared else "–",
            ]
        )
    lines = card.rows if card is not None else []
    better = [r for r in lines if movement(r)[1] == "improved"]
    if lines:
        paragraphs.append(
            f"{phrases.count_phrase(len(better), 'scorecard indicator').capitalize()} of {len(lines)} improved on "
            "the year before."
        )
    tables = (
        [
            table(
                f"Section 11 compliance and over-rating, {year}",
                ["Cycle", "Criteria met", "Over-rated"],
                rows,
                [False, True, True],
            )
        ]
        if rows
        else []
    )
    return paragraphs, tables, []


QUESTIONS = {1: _question_1, 2: _question_2, 3: _question_3, 4: _question_4, 5: _question_5}


@register(
    "conclusion-question",
    title="What the data say",
    description="A data-driven summary for one of the five questions of the conclusion (param question: 1 to 5), "
    "which the chair then edits.",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    try:
        number = int(context.params.get("question", 0))
    except (TypeError, ValueError):
        number = 0
    title = f"What the data say, {year}"
    answer = QUESTIONS.get(number)
    if answer is None:
        return block(context, title=title, source=SOURCE, empty="The template names no question from 1 to 5.")
    paragraphs, tables, charts = answer(context, year, year_scorecard(context))
    return block(
        context,
        title=title,
        source=SOURCE,
        paragraphs=paragraphs,
        tables=tables,
        charts=charts,
        empty="There are no figures for this question yet.",
    )
