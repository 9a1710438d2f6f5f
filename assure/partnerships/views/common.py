"""What the partnership's views share: breadcrumbs and addresses."""

from django.urls import reverse

from ..models import Partnership


def crumbs(partnership: Partnership, *trail: tuple[str, str]) -> list[tuple[str, str]]:
    """Breadcrumbs from the partnership's overview: (label, url) pairs, the current page last."""
    home = reverse("partnerships:home", kwargs={"partnership": partnership.slug})
    return [(partnership.short_name or partnership.name, home), *trail]


def url(name: str, partnership: Partnership, **kwargs) -> str:
    return reverse(f"partnerships:{name}", kwargs={"partnership": partnership.slug, **kwargs})
