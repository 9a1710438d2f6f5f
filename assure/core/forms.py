"""Forms render to the GOV.UK Design System's patterns: label, hint, error message, then the
control, with the error summary at the top of the form (core/forms/form.html)."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting

_CONTROL_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "selectmultiple": "govuk-select",
    "radioselect": "govuk-radios__input",
    "checkboxselectmultiple": "govuk-checkboxes__input",
    "checkbox": "govuk-checkboxes__input",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
}


class GovukBoundField(forms.BoundField):
    """Adds the GOV.UK class for the control and links it to its hint and error message."""

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error"

    @property
    def widget_type(self) -> str:  # noqa: D401 - mirrors Django's property
        return super().widget_type

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        kind = self.widget_type
        base = _CONTROL_CLASSES.get(kind, "govuk-input")
        # Our class replaces the widget's own on rendering, so keep the widget's (e.g. a width) too.
        classes = [base, widget.attrs.get("class", ""), attrs.get("class", "")]
        if self.errors and base in ("govuk-input", "govuk-select", "govuk-textarea", "govuk-file-upload"):
            classes.append(f"{base}--error")
        attrs["class"] = " ".join(c for c in classes if c)
        if not self.use_fieldset:
            described = [self.hint_id] if self.help_text else []
            if self.errors:
                described.append(self.error_id)
            if described:
                attrs["aria-describedby"] = " ".join(described)
            else:
                attrs.pop("aria-describedby", None)
        return attrs


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
    bound_field_class = GovukBoundField


class DateInput(forms.DateInput):
    """A native date picker; GOV.UK's three-box date pattern needs a multi-value field, and a
    single ISO date field keeps validation messages simple."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "govuk-input--width-10", **(attrs or {})}, format="%Y-%m-%d")


def attach(form: forms.Form, error: ValidationError, field: str | None = None) -> None:
    """Show a service's errors on the form: against the field they name when the form has it,
    else against ``field`` (None: the whole form)."""
    if hasattr(error, "error_dict"):
        for name, texts in error.message_dict.items():
            form.add_error(name if name in form.fields else field, texts)
    else:
        form.add_error(field, error.messages)
