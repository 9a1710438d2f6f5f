from decimal import Decimal

from django import template

from ..tables import pounds as _pounds

register = template.Library()


@register.filter
def pounds(amount: Decimal | None) -> str:
    """£1,234.50, with a minus sign before the pound sign when negative."""
    return _pounds(amount)
