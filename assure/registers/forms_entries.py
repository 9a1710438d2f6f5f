"""The entry form, drawn from the register's kind: the agency (when the person records for more
than one), the agency's reference, the identifiers the kind asks for, then each of its fields by
type (radios for yes-no and a single choice, checkboxes for several, a date input, a date and a
time for a date and time, a number, a line of text or a box of it), with the kind's help.

Every field is read by ``fields.parse_entry``, so the form, an upload and a provider's
notification say the same things in the same words; the form's own fields accept anything typed,
so what was typed is drawn again with its message."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms

from assure.core.forms import DateInput
from assure.library.schemas_registers import RegisterField

from .fields import REFERENCE_KEY, ParsedEntry, parse_entry, sex_choices, sex_codes
from .kinds import RegisterKind
from .models import Entry

YES_NO = [("yes", "Yes"), ("no", "No")]


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "govuk-input--width-5", **(attrs or {})}, format="%H:%M")


class DateAndTimeWidget(forms.MultiWidget):
    """A date and a time of day, side by side; the value is "yyyy-mm-dd HH:MM" (or the ISO form
    stored, "yyyy-mm-ddTHH:MM:SS")."""

    template_name = "registers/entry_widget_date_and_time.html"

    def __init__(self, attrs=None):
        super().__init__(widgets=[forms.DateInput(attrs={"type": "date"}), forms.TimeInput(attrs={"type": "time"})])

    def decompress(self, value):
        if not value:
            return ["", ""]
        day, _, time = str(value).replace("T", " ").partition(" ")
        return [day, time[:5]]


class DateAndTimeField(forms.MultiValueField):
    widget = DateAndTimeWidget

    def __init__(self, **kwargs):
        # Never required here: parse_entry says, in the register's words, what is missing.
        kwargs["required"] = False
        kwargs.setdefault("template_name", "registers/entry_field_date_and_time.html")
        super().__init__(
            fields=[forms.CharField(required=False), forms.CharField(required=False)],
            require_all_fields=False,
            **kwargs,
        )

    def compress(self, data_list) -> str:
        day, time = [(part or "").strip() for part in (list(data_list) + ["", ""])[:2]]
        return f"{day} {time}".strip() if day or time else ""


def _form_field(field: RegisterField) -> forms.Field:
    common = {"label": field.label, "help_text": field.help, "required": False}
    match field.type:
        case "yes-no":
            made = forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
        case "single":
            made = forms.ChoiceField(
                choices=[(c.code, c.label) for c in field.choices], widget=forms.RadioSelect, **common
            )
        case "multiple":
            made = forms.MultipleChoiceField(
                choices=[(c.code, c.label) for c in field.choices], widget=forms.CheckboxSelectMultiple, **common
            )
        case "number":
            made = forms.CharField(
                widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}), **common
            )
        case "date":
            made = forms.CharField(widget=DateInput(), **common)
        case "datetime":
            made = DateAndTimeField(**common)
        case "time":
            made = forms.CharField(widget=TimeInput(), **common)
        case "long-text":
            made = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), **common)
        case _:
            made = forms.CharField(**common)
    made.optional_label = not field.required
    if not field.required and field.type in {"yes-no", "single", "multiple"}:
        made.label = f"{field.label} (optional)"  # a legend has no "(optional)" of its own
    return made


class EntryForm(forms.Form):
    """An entry of ``kind``: for a new entry, ``agencies`` are those the person may record it for
    (a choice only when there are several); ``known`` are names safe in an area or a reference."""

    def __init__(
        self,
        data=None,
        *,
        kind: RegisterKind,
        agencies: Iterable = (),
        known: Iterable[str] = (),
        initial: dict | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        self.kind = kind
        self.known = list(known)
        self.agencies = list(agencies)
        self.parsed: ParsedEntry | None = None
        if len(self.agencies) > 1:
            self.fields["agency"] = forms.ChoiceField(
                label="The agency that holds the case",
                choices=[("", "Choose the agency"), *[(str(a.pk), a.name) for a in self.agencies]],
                required=False,
            )
        self.fields[REFERENCE_KEY] = forms.CharField(
            label="The agency's reference",
            help_text="The case or person reference in the agency's own system. Never a name, a date of birth or an "
            "address.",
            required=False,
            widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "autocomplete": "off"}),
        )
        self.fields[REFERENCE_KEY].optional_label = False
        asked = set(kind.spec.identifiers)
        if "age" in asked:
            self.fields["age"] = forms.CharField(
                label="Age in years",
                required=False,
                widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
            )
        if "birth-month" in asked:
            self.fields["birth_month"] = forms.CharField(
                label="Month of birth",
                help_text="The month and year only, for example 4/2009.",
                required=False,
                widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
            )
        if "sex" in asked:
            self.fields["sex"] = forms.ChoiceField(
                label="Sex (optional)", choices=sex_choices(), widget=forms.RadioSelect, required=False
            )
        if "area" in asked:
            self.fields["area"] = forms.CharField(
                label="Area",
                help_text="An area of the partnership, for example a town or a locality. Never an address.",
                required=False,
                widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
            )
        for field in kind.spec.fields:
            self.fields[field.code] = _form_field(field)

    def clean(self):
        cleaned = super().clean()
        agency = None
        if len(self.agencies) > 1:
            chosen = cleaned.get("agency")
            agency = next((a for a in self.agencies if str(a.pk) == chosen), None)
            if agency is None and "agency" not in self.errors:
                self.add_error("agency", "Choose the agency that holds the case.")
        elif self.agencies:
            agency = self.agencies[0]
        self.agency = agency
        raw = {key: cleaned.get(key) for key in self.fields if key != "agency"}
        parsed, errors = parse_entry(self.kind, raw, sexes=sex_codes(), known=self.known)
        for key, message in errors.items():
            if key not in self.errors:
                self.add_error(key if key in self.fields else None, message)
        self.parsed = parsed
        return cleaned


def entry_initial(entry: Entry) -> dict:
    """What the form shows for an entry being corrected, as the form's fields hold it."""
    initial: dict[str, object] = {
        REFERENCE_KEY: entry.agency_reference,
        "age": "" if entry.age is None else str(entry.age),
        "birth_month": f"{entry.birth_month.month}/{entry.birth_month.year}" if entry.birth_month else "",
        "sex": entry.sex,
        "area": entry.area,
    }
    for code, value in (entry.values or {}).items():
        initial[code] = value if isinstance(value, list) else str(value)
    return initial


class DeleteForm(forms.Form):
    reason = forms.CharField(
        label="Why is the entry being deleted?",
        help_text="For example: recorded twice, or recorded in the wrong register.",
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-30"}),
    )
