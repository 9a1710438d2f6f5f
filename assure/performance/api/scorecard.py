"""The scorecard as the API gives it: the scorecard selector's rows, flattened."""

from ..selectors.scorecard import Scorecard, ScorecardRow


def scorecard_rows(card: Scorecard) -> list[dict]:
    """One flat record per scorecard line, priority by priority, in the scorecard's order."""
    period = card.period.label if card.period else ""
    return [_row(section.title, row, period) for section in card.sections for row in section.rows]


def scorecard_record(card: Scorecard) -> dict:
    """The whole scorecard: which period and year, the area it is compared as, and its rows."""
    return {
        "period": card.period.label if card.period else None,
        "period_kind": card.period.kind if card.period else None,
        "year": card.year.label if card.year else None,
        "area": card.area,
        "region": card.region,
        "periods": [p.label for p in card.periods],
        "rows": scorecard_rows(card),
    }


def _row(priority: str, row: ScorecardRow, period: str) -> dict:
    local, published, benchmark = row.local, row.published, row.benchmark
    return {
        "priority": priority,
        "indicator": row.code,
        "indicator_title": row.title,
        "unit": row.unit,
        "polarity": row.polarity,
        "owner_agency": row.owner_agency,
        "period": period,
        "value": row.value,
        "value_source": row.value_source,
        "local_value": local.value if local else None,
        "local_missing": local.missing if local else "",
        "published_indicator": row.published_code,
        "published_year": row.published_year,
        "published_value": published[0] if published else None,
        "published_missing": published[1] if published else "",
        "previous_value": row.previous,
        "previous_period": row.previous_label,
        "direction": row.direction,
        "target": row.target,
        "tolerance": row.tolerance,
        "rag": row.rag,
        "england": benchmark.england if benchmark else None,
        "region": benchmark.region if benchmark else None,
        "neighbours_mean": benchmark.neighbours_mean if benchmark else None,
        "neighbours_with_value": benchmark.neighbours_with_value if benchmark else None,
        "quartile_band": benchmark.quartile_band if benchmark else None,
        "rank": benchmark.rank if benchmark else None,
        "authorities_with_value": benchmark.authorities_with_value if benchmark else None,
    }
