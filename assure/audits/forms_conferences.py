"""The form recording a conference before its checklist is answered."""

from django import forms

from assure.core.forms import DateInput


class ConferenceForm(forms.Form):
    held_on = forms.DateField(
        label="Date of the conference",
        widget=DateInput(),
        error_messages={"required": "Enter the date of the conference.", "invalid": "Enter a real date."},
    )
    chair = forms.CharField(
        label="Chair",
        max_length=120,
        help_text="The member of staff who chaired the conference.",
        error_messages={"required": "Enter the name of the conference's chair."},
    )
    case_reference = forms.CharField(
        label="Children's social care case reference (optional)",
        max_length=60,
        required=False,
        help_text="The case number children's social care uses. Never the child's or the family's name.",
    )
