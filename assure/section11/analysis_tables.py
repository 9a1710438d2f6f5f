"""The analysis of a cycle as its page and downloads show it: the tables (each shown as an HTML
table and downloadable as CSV or XLSX as it stands), the chart specs drawn beside them, and the
heat map's rows with their GOV.UK tag colours, each built from the CycleAnalysis the selectors
give the page."""

from dataclasses import dataclass, field
from decimal import Decimal

from .charts import percent_bars_spec, percent_text
from .framework import Level
from .scoring import Compliance, Gap, Summary
from .selectors.analysis import CycleAnalysis


@dataclass
class AnalysisTable:
    """One table of the page: shown as an HTML table and downloadable as it stands."""

    key: str
    caption: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    numeric_from: int = 1  # columns from this one on are figures (right-aligned)


def _figure(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def _compliance_cells(c: Compliance) -> list[str]:
    return [percent_text(c.whole_percent), str(c.compliant), str(c.rated), str(c.not_applicable), str(c.unrated)]


COMPLIANCE_HEADERS = ["Compliant (%)", "Compliant criteria", "Rated criteria", "Not applicable", "Not rated"]


def _level_text(summary: Summary, side: str) -> str:
    level = summary.self_level if side == "self" else summary.effective_level
    mean = summary.self_mean if side == "self" else summary.effective_mean
    return "Not rated" if level is None else f"{level.label} (mean {mean})"


def heat_map_table(analysis: CycleAnalysis) -> AnalysisTable:
    headers = ["Agency", "Agency type", "Status"]
    for standard in analysis.standards:
        headers += [f"Standard {standard.number} self-rating", f"Standard {standard.number} moderated rating"]
    headers.append("Compliant (%)")
    rows = []
    for row in analysis.heat_map:
        cells = [row.agency, row.agency_type, row.status]
        for summary in row.cells:
            cells += [_level_text(summary, "self"), _level_text(summary, "effective")]
        cells.append(percent_text(row.overall.whole_percent))
        rows.append(cells)
    return AnalysisTable("heat_map", "Agencies by standard: self-ratings and moderated ratings", headers, rows, 3)


def standards_table(analysis: CycleAnalysis) -> AnalysisTable:
    rows = [
        [f"{st.number}. {st.title}", *_compliance_cells(analysis.by_standard.get(st.number, Compliance()))]
        for st in analysis.standards
    ]
    rows.append(["All standards", *_compliance_cells(analysis.overall)])
    return AnalysisTable("standards", "Compliance by standard", ["Standard", *COMPLIANCE_HEADERS], rows)


def groups_table(key: str, caption: str, heading: str, groups: dict[str, Compliance]) -> AnalysisTable:
    rows = [[name or "Not recorded", *_compliance_cells(c)] for name, c in groups.items()]
    return AnalysisTable(key, caption, [heading, *COMPLIANCE_HEADERS], rows)


GAP_HEADERS = ["Criteria compared", "Over-rated", "Under-rated", "Agreed", "Mean difference (self minus moderated)"]


def _gap_cells(gap: Gap) -> list[str]:
    return [
        str(gap.compared),
        str(gap.over_rated),
        str(gap.under_rated),
        str(gap.agreed),
        _figure(gap.mean_difference) or "None compared",
    ]


def moderation_table(analysis: CycleAnalysis) -> AnalysisTable:
    rows = [[agency, *_gap_cells(gap)] for agency, gap in analysis.gap_by_agency.items()]
    rows.append(["All agencies", *_gap_cells(analysis.gap)])
    return AnalysisTable(
        "moderation", "Self-ratings against moderated ratings, by agency", ["Agency", *GAP_HEADERS], rows
    )


def moderation_standards_table(analysis: CycleAnalysis) -> AnalysisTable:
    titles = {st.number: f"{st.number}. {st.title}" for st in analysis.standards}
    rows = [[titles.get(number, str(number)), *_gap_cells(gap)] for number, gap in analysis.gap_by_standard.items()]
    return AnalysisTable(
        "moderation_standards", "Self-ratings against moderated ratings, by standard", ["Standard", *GAP_HEADERS], rows
    )


def partnerships_table(analysis: CycleAnalysis) -> AnalysisTable:
    headers = ["Partnership", "All standards (%)", *[f"Standard {st.number} (%)" for st in analysis.standards]]
    rows = [
        [
            name,
            percent_text(analysis.regional_overall[name].whole_percent),
            *[percent_text(standards.get(st.number, Compliance()).whole_percent) for st in analysis.standards],
        ]
        for name, standards in analysis.regional.items()
    ]
    return AnalysisTable("partnerships", "Compliance by partnership of the cycle", headers, rows)


def previous_table(analysis: CycleAnalysis) -> AnalysisTable:
    previous = analysis.previous_cycle
    headers = ["Standard", f"{analysis.cycle.year} (%)", f"{previous.year if previous else 'Previous'} (%)", "Change"]
    rows = []
    for row in analysis.standard_comparison:
        now, before = row.current.whole_percent, row.previous.whole_percent if row.previous else None
        change = "" if now is None or before is None else f"{now - before:+} percentage points"
        rows.append([f"{row.number}. {row.title}", percent_text(now), percent_text(before), change or "No comparison"])
    overall_now = analysis.overall.whole_percent
    overall_before = analysis.previous_overall.whole_percent if analysis.previous_overall else None
    change = (
        "" if overall_now is None or overall_before is None else f"{overall_now - overall_before:+} percentage points"
    )
    rows.append(["All standards", percent_text(overall_now), percent_text(overall_before), change or "No comparison"])
    return AnalysisTable("previous", "This cycle against the previous one, by standard", headers, rows)


def all_tables(analysis: CycleAnalysis) -> dict[str, AnalysisTable]:
    tables = [
        heat_map_table(analysis),
        standards_table(analysis),
        groups_table("agency_types", "Compliance by agency type", "Agency type", analysis.by_agency_type),
        groups_table("sectors", "Compliance by sector", "Sector", analysis.by_sector),
        moderation_table(analysis),
        moderation_standards_table(analysis),
    ]
    if analysis.regional:
        tables.append(partnerships_table(analysis))
    if analysis.previous_cycle:
        tables.append(previous_table(analysis))
    return {t.key: t for t in tables}


def analysis_charts(analysis: CycleAnalysis) -> dict[str, dict]:
    """The chart specs of the page, by the key of the table that holds the same figures."""
    standards = [f"{st.number}. {st.title}" for st in analysis.standards]
    specs = {
        "standards": percent_bars_spec(
            description=f"Criteria compliant by standard, {analysis.cycle.title}.",
            categories=standards,
            series={
                "Compliant": [analysis.by_standard.get(st.number, Compliance()).percent for st in analysis.standards]
            },
        ),
        "agency_types": percent_bars_spec(
            description="Criteria compliant by agency type.",
            categories=list(analysis.by_agency_type),
            series={"Compliant": [c.percent for c in analysis.by_agency_type.values()]},
        ),
        "sectors": percent_bars_spec(
            description="Criteria compliant by sector.",
            categories=list(analysis.by_sector),
            series={"Compliant": [c.percent for c in analysis.by_sector.values()]},
        ),
    }
    if analysis.regional:
        specs["partnerships"] = percent_bars_spec(
            description="Criteria compliant, all standards, by partnership of the cycle.",
            categories=list(analysis.regional_overall),
            series={"Compliant": [c.percent for c in analysis.regional_overall.values()]},
        )
    if analysis.previous_cycle:
        specs["previous"] = percent_bars_spec(
            description=f"Criteria compliant by standard, {analysis.cycle.year} and {analysis.previous_cycle.year}.",
            categories=standards,
            series={
                analysis.cycle.year: [row.current.percent for row in analysis.standard_comparison],
                analysis.previous_cycle.year: [
                    row.previous.percent if row.previous else None for row in analysis.standard_comparison
                ],
            },
        )
    return specs


# GOV.UK tag colours for a level's colour in the library: the tag carries the level's words too.
TAG_CLASSES = {
    "red": "govuk-tag--red",
    "amber": "govuk-tag--yellow",
    "green": "govuk-tag--green",
    "grey": "govuk-tag--grey",
    "blue": "govuk-tag--blue",
}


def short_label(level: Level) -> str:
    """A level's label as the heat map's narrow cells show it: what comes before " - " in a
    scored label ("2 - Largely in place" is "2"), otherwise the whole label ("Green",
    "Fully met"). The key beside the heat map gives each short label in full."""
    short, dash, _ = level.label.partition(" - ")
    return short if dash and short else level.label


def moderation_change(summary: Summary) -> str:
    """How moderation moved a standard's level from the agency's own: "lowered", "raised",
    "changed" (levels without scores to compare), or "" where it left the level as it was."""
    own, moderated = summary.self_level, summary.effective_level
    if own is None or moderated is None:
        return ""
    if own.score is not None and moderated.score is not None:
        return "lowered" if moderated.score < own.score else "raised" if moderated.score > own.score else ""
    return "changed" if (own.code, own.label) != (moderated.code, moderated.label) else ""


def heat_key(analysis: CycleAnalysis) -> list[dict]:
    """The heat map's key: each level of the scale its cells show (the moderated one), with its
    short label and colour."""
    key = []
    for level in analysis.framework.moderated_scale.levels:
        short = short_label(level)
        key.append(
            {
                "level": level,
                "short": short,
                # The words the short label leaves out ("Largely in place"), if any.
                "rest": level.label.partition(" - ")[2] if short != level.label else "",
                "tag_class": TAG_CLASSES.get(level.colour, ""),
            }
        )
    return key


def heat_cells(analysis: CycleAnalysis) -> list[dict]:
    rows = []
    for row in analysis.heat_map:
        cells = []
        for standard, summary in zip(analysis.standards, row.cells, strict=True):
            level = summary.effective_level
            cells.append(
                {
                    "standard": standard,
                    "summary": summary,
                    "short": short_label(level) if level else "",
                    "moderation": moderation_change(summary),
                    "effective_class": TAG_CLASSES.get(level.colour, "") if level else "",
                }
            )
        rows.append({"row": row, "cells": cells})
    return rows
