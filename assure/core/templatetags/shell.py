"""Template tags of the page shell."""

from django import template

register = template.Library()


@register.inclusion_tag("core/nav_item.html", takes_context=True)
def nav_item(context, href: str, label: str, exact: bool = False) -> dict:
    """A service-navigation link, marked as current when the page is it (or, unless ``exact``,
    one of the pages below it)."""
    path = context["request"].path
    current = path == href
    active = current or (not exact and path.startswith(href))
    return {"href": href, "label": label, "current": current, "active": active}


@register.inclusion_tag("core/subnav_item.html", takes_context=True)
def subnav_item(context, href: str, label: str) -> dict:
    """A link of a section's own navigation, marked when the page is it or below it."""
    path = context["request"].path
    return {"href": href, "label": label, "current": path == href, "active": path.startswith(href)}
