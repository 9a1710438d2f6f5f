"""The scroll region a table sits in: named, reached by keyboard, its table left as written."""

from django.template import Context, Template
from lxml import html

REGION = Template(
    '{% load wide_tables %}{% scroll_region label %}<table class="govuk-table"><tr><td>{{ cell }}</td></tr>'
    "</table>{% endscroll_region %}"
)


def render(**context) -> html.HtmlElement:
    return html.fragment_fromstring(REGION.render(Context(context)))


def test_the_table_sits_in_a_named_region_reached_by_keyboard():
    region = render(label="Sections of the report", cell="1")
    assert (region.tag, region.get("class"), region.get("role"), region.get("tabindex")) == (
        "div",
        "assure-table-wrapper",
        "region",
        "0",
    )
    assert region.get("aria-label") == "Sections of the report"
    assert region.xpath("table/tr/td/text()") == ["1"]


def test_the_label_and_the_cells_are_escaped_once():
    region = render(label='Agencies "A" & <B>', cell="<b>bold</b>")
    assert region.get("aria-label") == 'Agencies "A" & <B>'
    assert region.xpath("table//b") == []
    assert region.xpath("string(table//td)") == "<b>bold</b>"
