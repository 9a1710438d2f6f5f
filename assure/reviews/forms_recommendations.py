"""The forms of a review's findings, recommendations and action plan. They collect what was typed;
the rules live in the services, whose ValidationErrors are shown against the fields they name."""

from django import forms

NO_CHILDREN = (
    "Write it so that it identifies nobody: no names of children, family members or practitioners, and no dates "
    "of birth."
)


class ReviewFindingForm(forms.Form):
    text = forms.CharField(
        label="What the review found",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=NO_CHILDREN,
        error_messages={"required": "Enter the finding, in words that identify nobody."},
    )
    # Set once the page has warned that the text may name a person: saving again keeps it as it is.
    warned = forms.CharField(required=False, widget=forms.HiddenInput)


class RecommendationForm(forms.Form):
    text = forms.CharField(
        label="The recommendation",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What the partnership or an agency should do, as the review's report words it. " + NO_CHILDREN,
        error_messages={"required": "Enter the recommendation, in words that identify nobody."},
    )
    finding = forms.ChoiceField(
        label="The finding it answers",
        required=False,
        help_text="Leave it as none when the recommendation answers the review as a whole.",
    )
    agency = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Addressed to",
        empty_label="The partnership as a whole",
        help_text="The agency the recommendation asks to act, if it is addressed to one.",
    )
    warned = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, findings, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["finding"].choices = [("", "None"), *findings]
        self.fields["agency"].queryset = agencies


class ProgressReportForm(forms.Form):
    meeting = forms.ModelChoiceField(
        queryset=None,
        label="The meeting",
        empty_label="Choose a meeting",
        help_text="The meeting the action plan's progress was reported to: usually the learning and improvement "
        "subgroup's.",
        error_messages={"required": "Choose the meeting the progress was reported to."},
    )
    summary = forms.CharField(
        label="What the meeting was told",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="The progress of the actions, what is late and why, and anything the meeting decided. " + NO_CHILDREN,
        error_messages={"required": "Enter what the meeting was told of the action plan's progress."},
    )

    def __init__(self, *args, meetings, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda meeting: str(meeting)
