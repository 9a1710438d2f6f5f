"""The forms of pausing a child death review and resuming it; the rules are the services'."""

from django import forms

from assure.core.forms import DateInput

DATE_ERRORS = {"invalid": "Enter a real date, for example 27 3 2026."}


class PauseForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why is the review paused?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why the review is paused."},
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=250,
        help_text="For example the coroner's court or what the panel waits for. Never the child's name.",
    )
    paused_on = forms.DateField(
        label="The date the review was paused",
        widget=DateInput(),
        error_messages={"required": "Enter the date the review was paused.", **DATE_ERRORS},
    )

    def __init__(self, *args, reasons: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = reasons


class ResumeForm(forms.Form):
    resumed_on = forms.DateField(
        label="The date the review resumed",
        widget=DateInput(),
        help_text="The days from the pause to this date are not counted towards the panel's review.",
        error_messages={"required": "Enter the date the review resumed.", **DATE_ERRORS},
    )
