"""What the partnership's views share: breadcrumbs and attaching a service's errors to a form."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from ..models import Partnership


def crumbs(partnership: Partnership, *trail: tuple[str, str]) -> list[tuple[str, str]]:
    """Breadcrumbs from the partnership's overview: (label, url) pairs, the current page last."""
    home = reverse("partnerships:home", kwargs={"partnership": partnership.slug})
    return [(partnership.short_name or partnership.name, home), *trail]


def url(name: str, partnership: Partnership, **kwargs) -> str:
    return reverse(f"partnerships:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def attach_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's validation errors on the form: against their field when the form has
    it, at the top otherwise."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
