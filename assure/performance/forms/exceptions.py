"""Forms of the exception report. They collect what was typed; the rules live in
services/exceptions.py, whose ValidationErrors the views show against these fields."""

from django import forms


class ExceptionReportForm(forms.Form):
    period = forms.ModelChoiceField(
        queryset=None,
        label="Period",
        empty_label="Choose a period",
        help_text="The scorecard's figures for this period are checked against the exception rules.",
        error_messages={"required": "Choose the period the report is for."},
    )
    meeting = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Board meeting",
        help_text="A board meeting has one exception report: choosing one that has a report already opens it.",
        empty_label="Not for a particular meeting",
    )

    def __init__(self, *args, periods, meetings, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods
        self.fields["meeting"].queryset = meetings


class CommentaryForm(forms.Form):
    commentary = forms.CharField(
        label="The agency's commentary",
        help_text="What lies behind the figure, and what the agency is doing about it.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter the agency's commentary."},
    )
