"""What every block kind shares: who a block reads as, the year it is for, and the shapes of its
tables and charts.

Who a block reads as. A report's figures are the partnership's, not the reader's: they must be
the same whoever presses "Refresh the figures", and they are frozen when the report is
published. So a block never reads as the person at the keyboard (an agency lead would see only
their agency's actions, a figure would change with who asked). It reads through the same
selectors as everyone else, as ``report_reader(partnership)``: a reader that holds the role that
manages reports in the report's own partnership and in no other. Every selector's permission
check then admits the report's partnership and refuses every other one, so a block cannot show
another partnership's records even by mistake.
"""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from assure.accounts.models import User
from assure.accounts.permissions import stand_in_member
from assure.core import charts as house
from assure.library.selectors import role_definitions
from assure.partnerships.models import Partnership
from assure.partnerships.years import financial_year_bounds, financial_year_of, financial_year_problem
from assure.performance.models import Period

from .. import BlockContext, BlockData, ChartData, TableData

NO_FIGURE = "–"
CHART_WIDTH = 520
REPORTS_MANAGE = "reports.manage"


def report_reader(partnership: Partnership) -> User:
    """A reader that may read what the partnership's business unit may read, in that partnership
    only (see the module's docstring). It is never saved and cannot sign in."""
    role = next(
        (d.code for d in role_definitions().values() if REPORTS_MANAGE in d.permissions and not d.agency_scoped),
        "",
    )
    return stand_in_member(partnership=partnership, role=role)


def reader_of(context: BlockContext) -> User:
    return report_reader(context.report.partnership)


# --- the year --------------------------------------------------------------------------------


def report_year(context: BlockContext) -> str:
    """The financial year the report is about: an annual report's year ("2014-15"), or the year of
    a board pack's meeting; failing both, the year of ``today``."""
    report = context.report
    year = getattr(report, "year", "") or ""
    if year and financial_year_problem(year) is None:
        return year
    meeting = getattr(report, "meeting", None)
    if meeting is not None:
        return financial_year_of(meeting.held_on)
    return financial_year_of(context.today)


def previous_year(year: str) -> str:
    start = int(year[:4]) - 1
    return f"{start}-{(start + 1) % 100:02d}"


def year_period(year: str) -> Period | None:
    """The Period of a financial year, if any figure was ever recorded for it."""
    start, _ = financial_year_bounds(year)
    return Period.objects.filter(kind=Period.Kind.YEAR, start=start).first()


def years_up_to(year: str, count: int) -> list[str]:
    """``count`` financial years ending with ``year``, oldest first."""
    years = [year]
    while len(years) < count:
        years.insert(0, previous_year(years[0]))
    return years


def reference_day(context: BlockContext) -> dt.date:
    """The day "overdue" and "due soon" are counted from: the day the block is computed."""
    return context.today


# --- shapes ----------------------------------------------------------------------------------


def block(
    context: BlockContext,
    *,
    title: str,
    source: str,
    paragraphs: Sequence[str] = (),
    tables: Sequence[TableData] = (),
    charts: Sequence[ChartData] = (),
    empty: str = "",
) -> BlockData:
    """The block's content, titled by the template's ``title`` param when it gives one."""
    shown = context.params.get("title") or title
    nothing = not paragraphs and not tables and not charts
    return BlockData(
        title=shown,
        source=source,
        as_at=context.today.isoformat(),
        paragraphs=list(paragraphs),
        tables=list(tables),
        charts=list(charts),
        empty=empty if nothing else "",
    )


def table(caption: str, columns: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool]) -> TableData:
    return TableData(caption=caption, columns=list(columns), rows=[list(r) for r in rows], numeric=list(numeric))


def chart(title: str, description: str, spec: dict, table_index: int) -> ChartData:
    return ChartData(title=title, description=description, spec=printable(spec), table=table_index)


def printable(spec: dict) -> dict:
    """A spec as wide as a printed page's text, so it looks the same on screen, in the PDF and in
    the DOCX (a "container" width means nothing to a file)."""
    if spec.get("width") == "container":
        return {**spec, "width": CHART_WIDTH}
    return spec


def number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def bars_spec(
    *,
    description: str,
    axis_title: str,
    categories: Sequence[str],
    values: Sequence[Decimal | None],
    shown: Sequence[str],
    domain: Sequence[float] | None = None,
) -> dict:
    """Horizontal bars, one per category, each labelled with its figure as written in the table."""
    data = [
        {"category": c, "value": number(v), "shown": s}
        for c, v, s in zip(categories, values, shown, strict=True)
        if v is not None
    ]
    return house.vega_lite_spec(
        description=f"{description} The table holds the same figures.",
        width=CHART_WIDTH,
        height={"step": 22},
        values=data,
        encoding={
            "y": house.category_axis(categories),
            "x": house.value_axis(axis_title, domain=domain, whole_numbers=house.only_whole_numbers(values)),
        },
        layer=[
            {
                "mark": house.outlined_bar(color=house.FILLS[0]),
                "encoding": {
                    "tooltip": [{"field": "category", "title": "Group"}, {"field": "shown", "title": "Figure"}]
                },
            },
            house.figure_labels(align="left", dx=3),
        ],
    )


def grouped_bars_spec(
    *,
    description: str,
    axis_title: str,
    categories: Sequence[str],
    series: dict[str, Sequence[Decimal | None]],
    shown: dict[str, Sequence[str]],
    domain: Sequence[float] | None = None,
) -> dict:
    """Horizontal bars in groups: one group per category, one bar per series (a year, say), the
    newest series (the last) solid blue and the earlier ones pale, each bar labelled with its
    figure as written in the table."""
    names = list(series)
    figures = [figure for values in series.values() for figure in values[: len(categories)]]
    return house.grouped_bars_spec(
        description=f"{description} The table holds the same figures.",
        categories=categories,
        series=series,
        shown=shown,
        figure_axis=house.value_axis(axis_title, domain=domain, whole_numbers=house.only_whole_numbers(figures)),
        fills=house.FILLS[: len(names)][::-1],
        width=CHART_WIDTH,
        bar_step=12,
        label_size=10,
    )
