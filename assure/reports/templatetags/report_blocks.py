"""Filters for drawing a computed block on a page the way the PDF and Word outputs write it."""

from django import template

register = template.Library()


@register.filter
def without_full_stop(text: str) -> str:
    """The text without a closing full stop, so "Source: ... ." reads as one sentence (a block's
    source is written as a sentence; the page adds the as-at date after it)."""
    return str(text).rstrip(".")
