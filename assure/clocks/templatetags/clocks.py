"""``{% load clocks %}{% clock reading %}``: a clock's due date, its state as a GOV.UK tag (in
words, never colour alone) and what is left."""

from django import template

register = template.Library()


@register.inclusion_tag("clocks/_clock.html")
def clock(reading) -> dict:
    """Draw a ``ClockReading`` (nothing when it is None: the clock has not started)."""
    return {"reading": reading}
