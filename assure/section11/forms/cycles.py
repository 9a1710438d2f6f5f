"""Opening and changing a cycle."""

from django import forms

from assure.core.forms import DateInput
from assure.library.models import LibraryItem


class FrameworkChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: LibraryItem) -> str:
        return f"{obj.title} (version {obj.document.version})"


class CycleFields(forms.Form):
    title = forms.CharField(
        max_length=200,
        help_text="As agencies will see it, for example “Section 11 audit 2014-15”.",
        error_messages={"required": "Enter a title."},
    )
    opens_on = forms.DateField(
        label="Open date", widget=DateInput(), error_messages={"required": "Enter the date the cycle opens."}
    )
    deadline = forms.DateField(
        label="Deadline",
        widget=DateInput(),
        help_text="Agencies submit their return by this date; after it, a return not submitted is overdue.",
        error_messages={"required": "Enter the deadline."},
    )
    reminder_days = forms.IntegerField(
        label="Remind agencies this many days before the deadline",
        min_value=0,
        max_value=365,
        initial=14,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
        help_text="Agency leads who have not submitted are e-mailed once a day from then until the deadline.",
        error_messages={"required": "Enter how many days before the deadline to remind agencies."},
    )
    previous = forms.ModelChoiceField(
        label="Previous cycle",
        queryset=None,
        required=False,
        empty_label="None",
        help_text="The cycle this one is compared with.",
    )

    def __init__(self, *args, previous_cycles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["previous"].queryset = previous_cycles


class CycleOpenForm(CycleFields):
    year = forms.RegexField(
        label="Financial year",
        regex=r"^[0-9]{4}-[0-9]{2}$",
        max_length=7,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        help_text="For example 2014-15.",
        error_messages={"required": "Enter the financial year.", "invalid": "Enter the financial year like 2014-15."},
    )
    framework = FrameworkChoiceField(
        queryset=None,
        empty_label=None,
        help_text="The version chosen stays with the cycle: a later version of the framework does not change it.",
        error_messages={"required": "Choose a framework."},
    )
    partnerships = forms.ModelMultipleChoiceField(
        label="Partnerships taking part",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Your own partnership always takes part. Tick others where you are business unit to run the "
        "cycle for the region: an agency in several of them answers once.",
    )
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies asked",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave every box empty to ask every active agency of the partnerships that the framework applies to.",
    )
    field_order = ["title", "year", "framework", "partnerships", "agencies", "opens_on", "deadline", "reminder_days"]

    def __init__(self, *args, frameworks, partnerships, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks
        self.fields["partnerships"].queryset = partnerships
        self.fields["agencies"].queryset = agencies


class CycleEditForm(CycleFields):
    field_order = ["title", "opens_on", "deadline", "reminder_days", "previous"]


class CloseForm(forms.Form):
    confirm = forms.BooleanField(
        label="Yes, close the cycle",
        help_text="Returns not submitted by then cannot be completed or submitted afterwards.",
        error_messages={"required": "Tick the box to confirm you want to close the cycle."},
    )
