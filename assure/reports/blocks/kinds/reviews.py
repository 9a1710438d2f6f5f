"""The blocks of case reviews and learning (the seed's §3.17–3.20 and §5.5–5.7): the year's case
considerations by route and by decision, the year's case reviews with their recommendations and
actions, the statutory clocks met and missed, and the learning briefings published.

Review figures are about few cases, so the blocks count reviews, referrals and clocks and name
reviews by reference and title: never a child, a case reference or anything of a review's
restricted content. Nothing here is small enough to single out a child, so no count is hidden."""

from assure.questionnaires.results import percent
from assure.reviews.selectors.reporting import (
    briefings_report,
    case_reviews_report,
    referrals_report,
    review_clocks_report,
)

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import block, reader_of, report_year, table

REFERRALS_SOURCE = "The case considerations referred to the partnership and the chair's decisions, in Assure."
REVIEWS_SOURCE = "The partnership's case reviews, their recommendations and the action tracker."
CLOCKS_SOURCE = "The serious incidents and case reviews recorded in Assure, on the library's statutory clocks."
BRIEFINGS_SOURCE = "The learning briefings published on the partnership's public learning page."


@register(
    "review-referrals",
    title="Case considerations",
    description="The year's case considerations by the route of the form, and the chair's decisions on them.",
)
def referrals(context: BlockContext) -> BlockData:
    year = report_year(context)
    report = referrals_report(user=reader_of(context), partnership=context.report.partnership, year=year)
    title = f"Case considerations, {year}"
    if not report.received and not report.decided:
        return block(
            context, title=title, source=REFERRALS_SOURCE, empty=f"No case was referred for consideration in {year}."
        )
    paragraphs = [
        f"In {year} the partnership received {phrases.count_phrase(report.received, 'case consideration')} "
        f"and the chair decided {phrases.count_phrase(report.decided, 'case consideration')}."
    ]
    tables = []
    if report.by_route:
        tables.append(
            table(
                f"Case considerations received by route, {year}",
                ["Route", "Case considerations"],
                [[route, str(count)] for route, count in report.by_route],
                [False, True],
            )
        )
    if report.by_decision:
        tables.append(
            table(
                f"The chair's decisions, {year}",
                ["Decision", "Case considerations"],
                [[decision, str(count)] for decision, count in report.by_decision],
                [False, True],
            )
        )
    return block(context, title=title, source=REFERRALS_SOURCE, paragraphs=paragraphs, tables=tables)


def _of(part: int, whole: int) -> str:
    return f"{part} of {whole}" if whole else "–"


@register(
    "case-reviews",
    title="Case reviews",
    description="The year's case reviews: reference, title, type, status, lead, recommendations and the actions "
    "completed of all raised.",
)
def case_reviews(context: BlockContext) -> BlockData:
    year = report_year(context)
    reviews = case_reviews_report(user=reader_of(context), partnership=context.report.partnership, year=year)
    title = f"Case reviews, {year}"
    if not reviews:
        return block(context, title=title, source=REVIEWS_SOURCE, empty=f"No case review was under way in {year}.")
    recommendations = sum(r.recommendations for r in reviews)
    done = sum(r.recommendations_done for r in reviews)
    actions = sum(r.actions for r in reviews)
    actions_done = sum(r.actions_done for r in reviews)
    paragraphs = [
        f"In {year} the partnership had {phrases.count_phrase(len(reviews), 'case review')} under way, making "
        f"{phrases.count_phrase(recommendations, 'recommendation')}."
    ]
    if actions:
        paragraphs.append(
            f"{phrases.first_upper(phrases.count_phrase(actions, 'action'))} were raised to carry them out, "
            f"{actions_done} of them completed ({percent(actions_done, actions)}%); {done} of the "
            f"{recommendations} recommendations have every action completed."
        )
    rows = [
        [
            r.reference,
            r.title,
            r.kind,
            r.status,
            r.lead or "–",
            str(r.recommendations),
            _of(r.actions_done, r.actions),
        ]
        for r in reviews
    ]
    tables = [
        table(
            f"Case reviews, {year}",
            ["Review", "Title", "Type", "Status", "Lead", "Recommendations", "Actions completed"],
            rows,
            [False, False, False, False, False, True, True],
        )
    ]
    return block(context, title=title, source=REVIEWS_SOURCE, paragraphs=paragraphs, tables=tables)


@register(
    "review-clocks",
    title="Statutory clocks met and missed",
    description="The year's statutory clocks of serious incidents and reviews that stopped: met and missed, per clock.",
)
def review_clocks(context: BlockContext) -> BlockData:
    year = report_year(context)
    clocks = review_clocks_report(user=reader_of(context), partnership=context.report.partnership, year=year)
    title = f"Statutory clocks, {year}"
    if not clocks:
        return block(
            context, title=title, source=CLOCKS_SOURCE, empty=f"No statutory clock of a review stopped in {year}."
        )
    met = sum(c.met for c in clocks)
    stopped = sum(c.stopped for c in clocks)
    paragraphs = [
        f"In {year}, {met} of the {phrases.count_phrase(stopped, 'statutory deadline')} that fell due and were "
        f"acted on were met ({percent(met, stopped)}%)."
    ]
    tables = [
        table(
            f"Statutory clocks met and missed, {year}",
            ["Clock", "Met", "Missed", "Met on time"],
            [[c.title, str(c.met), str(c.missed), f"{percent(c.met, c.stopped)}%"] for c in clocks],
            [False, True, True, True],
        )
    ]
    return block(context, title=title, source=CLOCKS_SOURCE, paragraphs=paragraphs, tables=tables)


@register(
    "learning-briefings",
    title="Learning briefings",
    description="The learning briefings published in the year on the partnership's public learning page: titles.",
)
def learning_briefings(context: BlockContext) -> BlockData:
    year = report_year(context)
    briefings = briefings_report(user=reader_of(context), partnership=context.report.partnership, year=year)
    title = f"Learning briefings, {year}"
    if not briefings:
        return block(
            context, title=title, source=BRIEFINGS_SOURCE, empty=f"No learning briefing was published in {year}."
        )
    paragraphs = [
        f"In {year} the partnership published {phrases.count_phrase(len(briefings), 'learning briefing')} "
        "on its public learning page."
    ]
    rows = [
        [
            b.title + ("" if b.still_published else " (since withdrawn)"),
            b.source,
            f"{b.published_on.day} {b.published_on:%B %Y}",
        ]
        for b in briefings
    ]
    tables = [table(f"Learning briefings published, {year}", ["Briefing", "About", "Published"], rows, [False] * 3)]
    return block(context, title=title, source=BRIEFINGS_SOURCE, paragraphs=paragraphs, tables=tables)
