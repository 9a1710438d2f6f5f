"""The order in which a block's content is laid out, the same in every output: its sentences,
then each chart immediately followed by the table of its figures, then any other table, then
where the figures come from and when they were read."""

import datetime as dt
from dataclasses import dataclass

from ..blocks import BlockData, ChartData, TableData


@dataclass(frozen=True)
class ChartPart:
    chart: ChartData
    table: TableData | None


@dataclass(frozen=True)
class TablePart:
    table: TableData


Part = ChartPart | TablePart


def block_parts(data: BlockData) -> list[Part]:
    """Charts, each with its table (a table shown once, after the first chart that uses it),
    then the tables no chart uses. Nothing when the block shows its ``empty`` text instead."""
    if data.empty:
        return []
    parts: list[Part] = []
    shown: set[int] = set()
    for chart in data.charts:
        index = chart.table if 0 <= chart.table < len(data.tables) and chart.table not in shown else None
        if index is not None:
            shown.add(index)
        parts.append(ChartPart(chart=chart, table=data.tables[index] if index is not None else None))
    parts.extend(TablePart(table=table) for i, table in enumerate(data.tables) if i not in shown)
    return parts


def date_text(iso: str) -> str:
    """An ISO date as "31 March 2015" (the text itself when it is not a date)."""
    try:
        return f"{dt.date.fromisoformat(iso[:10]):%-d %B %Y}"
    except ValueError:
        return iso


def block_note(data: BlockData) -> str:
    """Where the figures come from and when they were read, in a sentence."""
    parts = []
    if data.source:
        parts.append(f"Source: {data.source.rstrip('.')}.")
    if data.as_at and not data.empty:
        parts.append(f"Figures as at {date_text(data.as_at)}.")
    return " ".join(parts)
