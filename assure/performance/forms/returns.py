"""Forms of agency data returns. They collect what was typed, as text, and keep it when the
page is shown again; the checks live in ``validation.py`` and the services, whose errors are
shown against the fields they name."""

import calendar

from django import forms
from django.utils import timezone

from assure.core.forms import DateInput

from ..models import Indicator, Period
from ..periods import year_label
from ..validation import COMMENT_MAX, Entry, field_key

FIRST_YEAR = 2010
QUARTERS = [
    (1, "Q1: April to June"),
    (2, "Q2: July to September"),
    (3, "Q3: October to December"),
    (4, "Q4: January to March"),
]
# Months in financial-year order, April first.
MONTHS = [(m, calendar.month_name[m]) for m in (*range(4, 13), 1, 2, 3)]


def financial_years() -> list[tuple[str, str]]:
    """Financial years a round can be for: from 2010-11 to the next one, newest first."""
    today = timezone.localdate()
    current = today.year if today.month >= 4 else today.year - 1
    return [(year_label(y), year_label(y)) for y in range(current + 1, FIRST_YEAR - 1, -1)]


class RoundForm(forms.Form):
    kind = forms.ChoiceField(
        label="What period is the return for?",
        choices=Period.Kind.choices[::-1],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a year, a quarter or a month."},
    )
    year = forms.ChoiceField(
        label="Financial year", help_text="April to March.", error_messages={"required": "Choose the financial year."}
    )
    quarter = forms.TypedChoiceField(
        label="Quarter",
        choices=[("", "Not a quarterly return"), *QUARTERS],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="For a quarterly return only.",
    )
    month = forms.TypedChoiceField(
        label="Month",
        choices=[("", "Not a monthly return"), *MONTHS],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="For a monthly return only.",
    )
    opens_on = forms.DateField(
        label="Opens on",
        widget=DateInput(),
        required=False,
        help_text="Leave empty to open it today.",
        error_messages={"invalid": "Enter the opening date as a real date."},
    )
    deadline = forms.DateField(
        label="Deadline",
        widget=DateInput(),
        help_text="Returns not submitted by the end of this day are overdue.",
        error_messages={"required": "Enter the deadline.", "invalid": "Enter the deadline as a real date."},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "Choose a year"), *financial_years()]

    def clean(self) -> dict:
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == Period.Kind.QUARTER and not cleaned.get("quarter"):
            self.add_error("quarter", "Choose the quarter.")
        if kind == Period.Kind.MONTH and not cleaned.get("month"):
            self.add_error("month", "Choose the month.")
        return cleaned

    def period_values(self) -> dict:
        kind = self.cleaned_data["kind"]
        return {
            "kind": kind,
            "year": self.cleaned_data["year"],
            "quarter": self.cleaned_data["quarter"] if kind == Period.Kind.QUARTER else None,
            "month": self.cleaned_data["month"] if kind == Period.Kind.MONTH else None,
        }


class AssignForm(forms.Form):
    indicators = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose none to stop asking this agency for figures.",
    )

    def __init__(self, *args, indicators, agency, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["indicators"]
        field.queryset = indicators
        field.label = f"Figures {agency} is asked for"
        field.label_from_instance = lambda indicator: f"{indicator.definition.title} ({indicator.code})"


class FiguresForm(forms.Form):
    """One group of fields per indicator of the return: value, numerator and denominator (for a
    ratio), not available, comment. Every figure is text here; ``entries`` hands them to the
    service as typed."""

    template_name = "performance/returns/_figures_form.html"

    def __init__(self, *args, rows: list, **kwargs) -> None:
        initial = {}
        for row in rows:
            entry = row.entry
            for name in ("value", "numerator", "denominator", "not_available", "comment"):
                initial[field_key(row.code, name)] = getattr(entry, name)
        super().__init__(*args, initial={**initial, **kwargs.pop("initial", {})}, **kwargs)
        self.rows = rows
        for row in rows:
            definition = row.definition
            number = {"class": "govuk-input--width-10", "inputmode": "decimal", "spellcheck": "false"}
            self.fields[field_key(row.code, "value")] = forms.CharField(
                label="Value", required=False, max_length=40, widget=forms.TextInput(attrs=number)
            )
            if row.is_ratio:
                self.fields[field_key(row.code, "numerator")] = forms.CharField(
                    label="Numerator",
                    help_text=(definition.get("numerator") or "").capitalize(),
                    required=False,
                    max_length=40,
                    widget=forms.TextInput(attrs=number),
                )
                self.fields[field_key(row.code, "denominator")] = forms.CharField(
                    label="Denominator",
                    help_text=(definition.get("denominator") or "").capitalize(),
                    required=False,
                    max_length=40,
                    widget=forms.TextInput(attrs=number),
                )
            self.fields[field_key(row.code, "not_available")] = forms.BooleanField(
                label="Not available", required=False
            )
            self.fields[field_key(row.code, "comment")] = forms.CharField(
                label="Comment",
                required=False,
                max_length=COMMENT_MAX,
                help_text="Needed when the figure is not available or has changed a lot since the last period.",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def groups(self) -> list[tuple[object, list]]:
        """Each row with its bound fields, in the order they are shown."""
        return [(row, [self[name] for name in self.fields if name.startswith(f"{row.code}__")]) for row in self.rows]

    def entries(self) -> dict:
        """Indicator code → what was typed."""
        data = self.cleaned_data
        return {
            row.code: Entry(
                value=data.get(field_key(row.code, "value"), "") or "",
                numerator=data.get(field_key(row.code, "numerator"), "") or "",
                denominator=data.get(field_key(row.code, "denominator"), "") or "",
                not_available=bool(data.get(field_key(row.code, "not_available"))),
                comment=data.get(field_key(row.code, "comment"), "") or "",
            )
            for row in self.rows
        }


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Completed template",
        help_text="The XLSX file downloaded from this return, with your figures in it. Up to 2 MB.",
        error_messages={"required": "Choose the completed template to upload.", "empty": "The file chosen is empty."},
        widget=forms.FileInput(attrs={"accept": ".xlsx"}),
    )


class SendBackForm(forms.Form):
    reason = forms.CharField(
        label="What does the agency need to correct?",
        help_text="The agency sees this on its return.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        error_messages={"required": "Say what the agency needs to correct."},
    )


class BulkAssignForm(forms.Form):
    """Indicators to ask for (shown under their themes), and the agencies to ask, chosen by their
    agency type or sector. The agencies themselves are found by the view from the groups."""

    indicators = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Indicators to ask for",
        error_messages={"required": "Choose at least one indicator to ask for."},
    )
    agency_types = forms.MultipleChoiceField(
        label="Agencies of these types",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.MultipleChoiceField(
        label="Agencies of these sectors",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="An agency of any type or sector chosen is asked.",
    )

    def __init__(self, *args, themes, agency_types, sectors, **kwargs) -> None:
        """``themes``: (title, indicators) pairs; ``agency_types`` and ``sectors``: AgencyGroups."""
        super().__init__(*args, **kwargs)
        self.themes = themes
        field = self.fields["indicators"]
        field.queryset = Indicator.objects.filter(pk__in=[i.pk for _, group in themes for i in group]).select_related(
            "definition"
        )
        field.label_from_instance = lambda indicator: f"{indicator.definition.title} ({indicator.code})"
        self.fields["agency_types"].choices = [(group.code, group.label) for group in agency_types]
        self.fields["sectors"].choices = [(group.code, group.label) for group in sectors]

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("agency_types") and not cleaned.get("sectors") and "agency_types" not in self.errors:
            self.add_error("agency_types", "Choose at least one agency type or sector to ask.")
        return cleaned

    def indicator_groups(self) -> list[tuple[str, list]]:
        """Each theme's title with the checkboxes of its indicators, in the library's order."""
        options = {str(option.data["value"]): option for option in self["indicators"].subwidgets}
        return [
            (title, [options[str(i.pk)] for i in indicators if str(i.pk) in options])
            for title, indicators in self.themes
        ]
