"""The case files' forms. They collect what was typed; the rules live in the services, whose
ValidationErrors are shown against the fields they name. No form asks for a child's name, date of
birth or address: a file is known by the agencies' own case references and the child's age."""

from django import forms

from assure.partnerships.models import Agency
from assure.questionnaires.identifying import identifying_warning

NO_CHILDREN = "Do not name the child or the family, or give a date of birth."


def reference_field(agency: Agency) -> str:
    return f"reference_{agency.pk}"


class CaseForm(forms.Form):
    age = forms.IntegerField(
        label="The child's age in years",
        min_value=0,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        help_text="The child's age when the file is audited.",
        error_messages={
            "required": "Enter the child's age in years.",
            "invalid": "Enter the child's age as a whole number, like 7.",
            "min_value": "Enter an age from 0 upwards.",
        },
    )
    lead_auditor = forms.ModelChoiceField(
        queryset=None,
        label="Lead auditor",
        empty_label="Choose the lead auditor",
        help_text="The auditor who reads every agency's answers and grades the file.",
        error_messages={"required": "Choose the lead auditor."},
    )
    # Set when the person has seen the warning that a reference may identify the child and keeps it.
    checked = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, agencies, auditors, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_auditor"].queryset = auditors
        self.agencies = list(agencies)
        for agency in self.agencies:
            self.fields[reference_field(agency)] = forms.CharField(
                label=f"{agency}'s case reference",
                required=False,
                max_length=60,
                widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
                help_text=f"The number {agency} finds the child's record by, if it holds one. {NO_CHILDREN}",
            )

    def references(self) -> dict[int, str]:
        return {agency.pk: self.cleaned_data.get(reference_field(agency), "") for agency in self.agencies}

    def warnings(self) -> dict[str, str]:
        """The references that look as if they name a child or give a date of birth, by field."""
        known = [agency.name for agency in self.agencies]
        found = {}
        for agency in self.agencies:
            name = reference_field(agency)
            warning = identifying_warning(self.cleaned_data.get(name, ""), known=known)
            if warning:
                found[name] = warning
        return found


class ModerationForm(forms.Form):
    agreed_grade = forms.ChoiceField(
        label="The grade the moderation meeting agreed",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the grade the moderation meeting agreed."},
    )
    notes = forms.CharField(
        label="Moderation notes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"Why the meeting agreed the grade, above all when it differs from the lead auditor's. {NO_CHILDREN}",
    )
    checked = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, grades, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreed_grade"].choices = grades

    def warnings(self) -> dict[str, str]:
        warning = identifying_warning(self.cleaned_data.get("notes", ""))
        return {"notes": warning} if warning else {}
