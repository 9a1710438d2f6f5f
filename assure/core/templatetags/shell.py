"""Template tags of the page shell: the service navigation, built from the menu's registry
(menu.py), the links to the installation's pages, and a part's own navigation under it."""

from django import template

from assure.core import menu

register = template.Library()


def _view_name(request) -> str | None:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else None


@register.inclusion_tag("core/service_navigation.html", takes_context=True)
def service_navigation(context) -> dict:
    """The groups of the partnership the person may use, the one holding the page marked."""
    request, partnership = context.get("request"), context.get("current_partnership")
    if request is None or partnership is None:
        return {"items": []}
    current = menu.group_of_page(_view_name(request))
    items = [
        {
            "href": item.url,
            "label": item.group.label,
            "current": request.path == item.url,
            "active": item.group == current or request.path == item.url,
        }
        for item in menu.menu_for(permissions=context.get("perms_here", frozenset()), partnership=partnership)
    ]
    return {"items": items}


@register.inclusion_tag("core/service_navigation.html", takes_context=True)
def installation_navigation(context) -> dict:
    """Links to the installation's pages (the operator's), for people whose installation roles
    allow them; on every page, inside a partnership or not."""
    request = context.get("request")
    if request is None:
        return {"items": []}
    links = menu.installation_links_for(permissions=context.get("installation_perms", frozenset()))
    path = request.path
    items = [
        {"href": link.url, "label": link.label, "current": path == link.url, "active": path.startswith(link.url)}
        for link in links
    ]
    return {"items": items}


@register.inclusion_tag("core/local_navigation.html", takes_context=True)
def local_navigation(context) -> dict:
    """The own navigation of the part holding the page (the core dataset's pages), if it has one."""
    request, partnership = context.get("request"), context.get("current_partnership")
    found = None
    if request is not None and partnership is not None:
        found = menu.local_navigation_for(
            permissions=context.get("perms_here", frozenset()), partnership=partnership, view_name=_view_name(request)
        )
    if found is None:
        return {"navigation": None, "items": []}
    navigation, links = found
    path = request.path
    items = [
        {"href": link.url, "label": link.label, "current": path == link.url, "active": path.startswith(link.url)}
        for link in links
    ]
    return {"navigation": navigation, "items": items}


@register.inclusion_tag("core/nav_item.html", takes_context=True)
def nav_item(context, href: str, label: str, exact: bool = False) -> dict:
    """A service-navigation link, marked as current when the page is it (or, unless ``exact``,
    one of the pages below it)."""
    path = context["request"].path
    current = path == href
    active = current or (not exact and path.startswith(href))
    return {"href": href, "label": label, "current": current, "active": active}
