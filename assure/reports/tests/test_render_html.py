"""The web document: one accessible HTML file to publish, laid out from the document."""

import re

import pytest
from lxml import html as lxml_html

from assure.reports.blocks import BlockData
from assure.reports.render import render
from assure.reports.render.charts import ChartPainter
from assure.reports.render.html import web_html
from assure.reports.render.layout import ChartPart, TablePart, block_parts

from .sample_documents import REFERRALS_DESCRIPTION, chart_spec, referrals_block, sample_document


@pytest.fixture(scope="module")
def page() -> str:
    return web_html(sample_document())


@pytest.fixture(scope="module")
def tree(page):
    return lxml_html.fromstring(page)


def test_the_page_has_its_language_and_title(tree):
    assert tree.get("lang") == "en-GB"
    assert tree.findtext(".//title") == "Annual report 2014-15 – Northshire Safeguarding Children Board"


def test_headings_follow_the_numbered_sections_in_order(tree):
    headings = [(h.tag, h.text_content().split()) for h in tree.xpath("//h1|//h2|//h3|//h4")]
    numbered = [(tag, words[0]) for tag, words in headings if words and words[0][0].isdigit()]
    assert numbered == [("h2", "1"), ("h2", "2"), ("h3", "2.1"), ("h4", "2.1.1"), ("h2", "3")]
    assert headings[0][0] == "h1"


def test_every_table_has_a_caption_and_column_headers(tree):
    tables = tree.xpath("//table")
    assert len(tables) == 2
    for table in tables:
        assert table.findtext("caption").strip()
        assert table.xpath(".//thead//th[@scope='col']")
        assert table.xpath(".//tbody//th[@scope='row']")


def test_a_chart_is_inline_svg_named_by_its_description(tree):
    (svg,) = tree.xpath("//svg")
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == REFERRALS_DESCRIPTION
    assert svg.findtext("title") == REFERRALS_DESCRIPTION


def test_a_chart_is_followed_by_its_table(page):
    figure = page.index("<figure")
    assert page.index("Referrals by year</caption>") > figure
    assert page.index("Rate per 10,000 children</caption>") > page.index("Referrals by year</caption>")


def test_the_page_has_a_skip_link_and_a_contents_list(tree):
    assert tree.xpath("//a[@href='#report-content']")
    assert tree.xpath("//main[@id='report-content']")
    contents = tree.xpath("//nav[@aria-labelledby='contents-heading']//a/@href")
    assert contents == ["#section-1", "#section-2", "#section-2-1", "#section-2-1-1", "#section-3"]


def test_typed_html_in_a_narrative_is_shown_as_text(page, tree):
    assert "<script" not in page
    assert "alert(1)" in tree.text_content()


def test_the_page_fetches_nothing(page):
    assert not re.search(r"""(src|href)=["']https?://(?!example\.org)""", page)
    assert "<link" not in page


def test_an_empty_block_shows_why_instead_of_figures(tree):
    assert "No figures for the year." in tree.text_content()


def test_the_same_published_document_gives_the_same_page():
    assert render(sample_document(), "html") == render(sample_document(), "html")


def test_block_parts_put_each_table_after_its_chart_once():
    data = referrals_block()
    data = data.model_copy(update={"charts": [data.charts[0], data.charts[0]]})
    parts = block_parts(data)
    assert [type(p) for p in parts] == [ChartPart, ChartPart, TablePart]
    assert parts[0].table.caption == "Referrals by year"
    assert parts[1].table is None
    assert parts[2].table.caption == "Rate per 10,000 children"


def test_block_parts_are_empty_for_an_empty_block():
    assert block_parts(BlockData(title="t", source="", as_at="2015-03-31", empty="Nothing yet.")) == []


def test_the_painter_draws_an_identical_spec_once(monkeypatch):
    calls = []
    import vl_convert

    real = vl_convert.vegalite_to_svg
    monkeypatch.setattr(vl_convert, "vegalite_to_svg", lambda spec, **kw: calls.append(1) or real(spec, **kw))
    painter = ChartPainter()
    chart = referrals_block().charts[0]
    painter.svg(chart)
    painter.svg(chart.model_copy(update={"description": "Another text"}))
    assert len(calls) == 1


def test_a_spec_cannot_fetch_data_from_elsewhere():
    chart = referrals_block().charts[0]
    spec = {**chart_spec(), "data": {"url": "https://example.com/data.json"}}
    with pytest.raises(Exception, match="not allowed"):
        ChartPainter().svg(chart.model_copy(update={"spec": spec}))


def test_a_chart_that_fills_its_page_gets_the_width_of_the_text_in_a_file():
    chart = referrals_block().charts[0]
    svg = ChartPainter().svg(chart.model_copy(update={"spec": {**chart_spec(), "width": "container"}}))
    width = int(re.search(r'<svg[^>]* width="(\d+)', svg).group(1))
    assert width >= 560
