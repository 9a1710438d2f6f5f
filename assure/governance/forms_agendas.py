"""Forms of meetings' business: an agenda item and its paper, an item's decision and minutes,
and the approval of the minutes."""

from django import forms

from .models import AgendaItem
from .papers import ALLOWED_HINT


class AgendaItemForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        label="Item",
        help_text="As the agenda shows it, for example “Scorecard and exception report, quarter 3”.",
        error_messages={"required": "Enter the item's title."},
    )
    purpose = forms.ChoiceField(
        label="What is the board asked to do?",
        choices=AgendaItem.Purpose.choices,
        initial=AgendaItem.Purpose.DISCUSSION,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the item is for decision, discussion or information."},
    )
    presenter = forms.CharField(
        max_length=150, required=False, label="Presenter", help_text="Name and role, for example “Chair of the board”."
    )
    presenter_agency = forms.ModelChoiceField(
        queryset=None, required=False, label="Presenter's agency", empty_label="No agency"
    )
    confidential = forms.BooleanField(
        required=False,
        label="Confidential (part B) item",
        help_text="Its paper and minutes are read only by members with a grant for confidential minutes.",
    )
    paper = forms.ChoiceField(
        required=False,
        label="Paper: a record in Assure",
        help_text="A report or board pack, an exception report, the risk register or a challenge. Leave as "
        "“No record” to upload a document instead.",
    )
    paper_file = forms.FileField(
        required=False,
        label="Paper: upload a document",
        help_text=ALLOWED_HINT,
    )
    remove_file = forms.BooleanField(required=False, label="Remove the uploaded paper")

    def __init__(self, *args, agencies, paper_groups, has_file: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["presenter_agency"].queryset = agencies
        self.fields["paper"].choices = [("", "No record"), *paper_groups]
        if not has_file:
            del self.fields["remove_file"]

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["upload"] = data.pop("paper_file", None)
        return data


class ItemMinutesForm(forms.Form):
    decision = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="What the meeting agreed or resolved. Leave blank for an item for information.",
    )
    minutes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text="The discussion in brief: the questions asked, the answers given, the challenge made. Do not name "
        "children.",
    )


class MinutesApproveForm(forms.Form):
    amendments = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="Corrections the meeting agreed before approving the minutes. Leave blank if they were approved as "
        "written.",
    )


class ConfirmForm(forms.Form):
    """A button that asks nothing more: the page already said what it does."""
