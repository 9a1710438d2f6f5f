"""The forms of agency reports: asking agencies for their reports, withdrawing one, and the
confirmation of a reminder."""

from django import forms

from assure.core.forms import DateInput


class ReportRequestForm(forms.Form):
    """The manager asks agencies for their reports: which agencies, by when, and each agency's own
    record number (so its lead finds the child without a name)."""

    agencies = forms.ModelMultipleChoiceField(
        queryset=None,
        label="Agencies asked",
        widget=forms.CheckboxSelectMultiple,
        help_text="Each agency's leads are told and answer their agency's own report.",
        error_messages={"required": "Choose the agencies asked for a report."},
    )
    due_on = forms.DateField(
        label="Due date",
        widget=DateInput(),
        error_messages={"required": "Enter the date the reports are due.", "invalid": "Enter a real date."},
    )

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = agencies
        self.agency_list = list(agencies)
        for agency in self.agency_list:
            self.fields[f"reference_{agency.pk}"] = forms.CharField(
                label=f"{agency.name}'s reference",
                required=False,
                max_length=40,
                help_text="The agency's own record number for the child, if known. Never a name.",
            )

    def request_data(self) -> dict:
        """The service's arguments from the cleaned form."""
        data = self.cleaned_data
        return {
            "agencies": list(data["agencies"]),
            "due_on": data["due_on"],
            "agency_references": {agency.pk: data.get(f"reference_{agency.pk}", "") for agency in self.agency_list},
        }


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the report no longer needed?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: the agency had no involvement with the child or family. No names.",
        error_messages={"required": "Say why the report is no longer needed."},
    )


class ConfirmForm(forms.Form):
    """A confirmation with nothing to fill in (a reminder sent)."""
