"""Addresses and breadcrumbs of a partnership's pages, the same way in every app.

A view gives its template ``crumbs``: the trail from the partnership's overview to the page,
(label, url) pairs. The base template renders them; a pair whose url is None is the current
page, shown as text and marked as such for screen readers.
"""

from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

Crumb = tuple[str, str | None]


def partnership_url(name: str, partnership, **kwargs) -> str:
    """The address of a partnership's page: ``name`` is the URL's full name ("section11:cycles")."""
    return reverse(name, kwargs={"partnership": partnership.slug, **kwargs})


def crumbs(partnership, *trail: Crumb) -> list[Crumb]:
    """Breadcrumbs from the partnership's overview, followed by ``trail``."""
    home = partnership_url("partnerships:home", partnership)
    return [(partnership.short_name or partnership.name, home), *trail]


def back_to(request, fallback: str) -> str:
    """Where a button's form goes back to: the page that sent it (its ``next``, an address on this
    site only, never another site's), or ``fallback``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
