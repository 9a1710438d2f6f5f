"""Narrative text of a report: what a person types, with simple formatting only.

Sections are written as plain text with the few marks a report needs — headings (``#``), lists
(``-`` or ``1.``), links (``[text](https://...)``) and emphasis (``*text*``, ``**text**``) —
and stored as typed. Raw HTML is never interpreted: it shows as the characters typed. The HTML
made from it is cleaned once more against an allow-list, so nothing typed can add a script, a
style or an attribute to a page or a document."""

import nh3
from markdown_it import MarkdownIt

# Headings inside a section start below the section's own heading (h2/h3 in the report).
ALLOWED_TAGS = {"p", "h3", "h4", "h5", "ul", "ol", "li", "a", "em", "strong", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
LINK_SCHEMES = {"http", "https", "mailto"}

_parser = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False}).enable(
    ["heading", "list", "link", "emphasis", "newline", "paragraph"]
)


def _shift_headings(html: str) -> str:
    # A "#" heading typed in a section is a sub-heading of that section.
    for level in range(6, 0, -1):
        shifted = min(level + 2, 5)
        html = html.replace(f"<h{level}>", f"<h{shifted}>").replace(f"</h{level}>", f"</h{shifted}>")
    return html


def to_html(text: str) -> str:
    """Safe HTML of a narrative (empty for empty text)."""
    if not text.strip():
        return ""
    html = _shift_headings(_parser.render(text))
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
    )
