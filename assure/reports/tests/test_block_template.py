"""A computed block as drawn on a section's page."""

from types import SimpleNamespace

from django.template.loader import render_to_string


def test_a_blocks_source_and_date_read_as_one_sentence_each():
    block = SimpleNamespace(
        title="The challenge log",
        data={"title": "The challenge log", "source": "The board's challenge log.", "as_at": "2015-10-15"},
    )
    html = " ".join(render_to_string("reports/_block.html", {"block": block}).split())
    assert "Source: The board's challenge log. Figures as at 2015-10-15." in html.replace("&#x27;", "'")
