"""The region every table sits in (docs/architecture.md, "Wide tables"): on a narrow screen a
wide table scrolls sideways inside it, never the page, and the region is named and reached by
keyboard so that it can be scrolled with the arrow keys."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_block_tag
def scroll_region(content: str, label: str) -> SafeString:
    """``{% scroll_region "Sections of the report" %}<table>...</table>{% endscroll_region %}``:
    the label names the region for a screen reader, usually as the table's caption does."""
    return format_html(
        '<div class="assure-table-wrapper" tabindex="0" role="region" aria-label="{}">{}</div>', label, content
    )
