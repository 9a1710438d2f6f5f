"""Documents made by hand for the renderers' tests: no database, so a module can lay one out
once and check many things of the result."""

import datetime as dt

from assure.reports.blocks import BlockData
from assure.reports.document import Document, DocumentSection
from assure.reports.richtext import to_html

REFERRALS_DESCRIPTION = "Bar chart: referrals rose from 2,274 in 2013-14 to 2,626 in 2014-15."


def chart_spec(values: list[tuple[str, int]] | None = None) -> dict:
    values = values or [("2013-14", 2274), ("2014-15", 2626)]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": [{"year": year, "referrals": n} for year, n in values]},
        "mark": "bar",
        "encoding": {
            "x": {"field": "year", "type": "nominal", "title": "Year"},
            "y": {"field": "referrals", "type": "quantitative", "title": "Referrals"},
        },
        "width": 300,
        "height": 160,
    }


def referrals_block(title: str = "Referrals") -> BlockData:
    return BlockData(
        title=title,
        source="Children in need census",
        as_at="2015-03-31",
        paragraphs=["There were 2,626 referrals, an increase of 15.5% on the previous year's figure."],
        tables=[
            {
                "caption": "Referrals by year",
                "columns": ["Year", "Referrals"],
                "rows": [["2013-14", "2,274"], ["2014-15", "2,626"]],
                "numeric": [False, True],
            },
            {
                "caption": "Rate per 10,000 children",
                "columns": ["Year", "Rate"],
                "rows": [["2013-14", "74"], ["2014-15", "84"]],
                "numeric": [False, True],
            },
        ],
        charts=[{"title": "Referrals by year", "description": REFERRALS_DESCRIPTION, "spec": chart_spec(), "table": 0}],
    )


def sample_document() -> Document:
    narrative = to_html(
        "The board met six times.\n\n# What changed\n\n- a *new* front door\n- [the procedures](https://example.org/p)\n\n"
        "<script>alert(1)</script>"
    )
    return Document(
        title="Annual report 2014-15",
        partnership="Northshire Safeguarding Children Board",
        subtitle="Annual report 2014-15",
        language="en-GB",
        as_at=dt.datetime(2015, 9, 30, 10, 0, tzinfo=dt.UTC),
        is_published=True,
        sections=[
            DocumentSection(number="1", level=1, title="Foreword", narrative_html=narrative),
            DocumentSection(
                number="2", level=1, title="The child's journey", narrative_html="", blocks=[referrals_block()]
            ),
            DocumentSection(
                number="2.1",
                level=2,
                title="Contacts and referrals",
                narrative_html=to_html("Most came from the police."),
            ),
            DocumentSection(
                number="2.1.1",
                level=3,
                title="Re-referrals",
                narrative_html="",
                blocks=[
                    BlockData(title="Re-referrals", source="", as_at="2015-03-31", empty="No figures for the year.")
                ],
            ),
            DocumentSection(
                number="3", level=1, title="Conclusion", narrative_html=to_html("Effective, with work to do.")
            ),
        ],
    )
