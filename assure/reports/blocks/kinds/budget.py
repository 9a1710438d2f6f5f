"""The partnership's budget for the report's year: contributions by contributor, expenditure by
line, their totals and the balance."""

from decimal import Decimal

from assure.partnerships.selectors import budget_for_year
from assure.section11.scoring import percent

from ... import phrases
from .. import BlockContext, BlockData, register
from ._common import bars_spec, block, chart, reader_of, report_year, table

SOURCE = "The partnership's budget: contributions received and expenditure recorded for the financial year."


def money(value: Decimal) -> str:
    return phrases.figure_words(value, "currency")


@register(
    "budget",
    title="Budget",
    description="Contributions by agency, expenditure by line, totals and the balance for the year, with a chart of "
    "the contributions.",
)
def compute(context: BlockContext) -> BlockData:
    year = report_year(context)
    budget = budget_for_year(user=reader_of(context), partnership=context.report.partnership, year=year)
    title = f"Budget, {year}"
    if not budget.contributions and not budget.expenditure:
        return block(context, title=title, source=SOURCE, empty=f"No budget is recorded for {year}.")
    contributors = budget.contributions_by_contributor
    total_in, total_out, balance = budget.total_contributions, budget.total_expenditure, budget.balance
    paragraphs = [
        f"Contributions for {year} totalled {money(total_in)} from "
        f"{phrases.count_phrase(len(contributors), 'contributor')}; expenditure totalled {money(total_out)}.",
    ]
    if balance > 0:
        paragraphs.append(f"The year ended with an underspend of {money(balance)}, carried forward.")
    elif balance < 0:
        paragraphs.append(f"The year ended with an overspend of {money(-balance)}.")
    else:
        paragraphs.append("Income and expenditure balanced exactly.")
    if contributors and total_in > 0:
        largest, amount = contributors[0]
        paragraphs.append(
            f"The largest contributor was {largest}, with {money(amount)} "
            f"({phrases.number_text(percent(int(amount * 100), int(total_in * 100)))}% of the total)."
        )
    shares = [percent(int(a * 100), int(total_in * 100)) for _, a in contributors]
    tables = [
        table(
            f"Contributions, {year}",
            ["Contributor", "Amount", "Share"],
            [
                [name, money(amount), f"{phrases.number_text(share)}%" if share is not None else "–"]
                for (name, amount), share in zip(contributors, shares, strict=True)
            ]
            + [["Total", money(total_in), "100%" if total_in else "–"]],
            [False, True, True],
        ),
        table(
            f"Expenditure, {year}",
            ["Line", "Amount"],
            [[line.label, money(line.amount)] for line in budget.expenditure] + [["Total", money(total_out)]],
            [False, True],
        ),
        table(
            f"Budget summary, {year}",
            ["", "Amount"],
            [["Contributions", money(total_in)], ["Expenditure", money(total_out)], ["Balance", money(balance)]],
            [False, True],
        ),
    ]
    charts = []
    if contributors:
        charts.append(
            chart(
                f"Contributions by contributor, {year}",
                f"Bars of each contributor's contribution to the budget for {year}, largest first; total "
                f"{money(total_in)}.",
                bars_spec(
                    description=f"Contributions by contributor, {year}.",
                    axis_title="Contribution (£)",
                    categories=[name for name, _ in contributors],
                    values=[amount for _, amount in contributors],
                    shown=[money(amount) for _, amount in contributors],
                ),
                0,
            )
        )
    if budget.expenditure:
        charts.append(
            chart(
                f"Expenditure by line, {year}",
                f"Bars of each line of expenditure for {year}, largest first; total {money(total_out)}.",
                bars_spec(
                    description=f"Expenditure by line, {year}.",
                    axis_title="Expenditure (£)",
                    categories=[line.label for line in budget.expenditure],
                    values=[line.amount for line in budget.expenditure],
                    shown=[money(line.amount) for line in budget.expenditure],
                ),
                1,
            )
        )
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables, charts=charts)
