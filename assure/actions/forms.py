"""The tracker's forms. They collect what was typed; the rules live in the services, whose
ValidationErrors are shown against the fields they name."""

from django import forms
from django.utils import timezone

from assure.core.forms import DateInput

from .models import Action, ActionUpdate
from .pipeline import Step


class ActionForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter a title for the action."})
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False)
    owner_agency = forms.ModelChoiceField(
        queryset=None,
        label="Owner agency",
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency that owns the action."},
    )
    owner = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Owner",
        empty_label="No member chosen",
        help_text="A member of the partnership. If the owner has no account, give their name below instead.",
    )
    owner_name = forms.CharField(max_length=150, required=False, label="Owner's name")
    due_on = forms.DateField(
        label="Due date",
        widget=DateInput(),
        error_messages={"required": "Enter the due date.", "invalid": "Enter the due date as a real date."},
    )
    rag = forms.ChoiceField(
        label="RAG rating",
        choices=[("", "Not rated"), *Action.Rag.choices],
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, agencies, owners, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = agencies
        self.fields["owner"].queryset = owners

    @classmethod
    def initial_for(cls, action: Action) -> dict:
        return {
            "title": action.title,
            "description": action.description,
            "owner_agency": action.owner_agency_id,
            "owner": action.owner_id,
            "owner_name": action.owner_name,
            "due_on": action.due_on,
            "rag": action.rag,
        }


class ActionStatusForm(forms.Form):
    to_status = forms.ChoiceField(
        label="New status", widget=forms.RadioSelect, error_messages={"required": "Choose the new status."}
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Needed when reopening a completed action or restoring a cancelled one.",
    )

    def __init__(self, *args, steps: tuple[Step, ...], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(step.to_status, step.label) for step in steps]


class ActionUpdateForm(forms.Form):
    kind = forms.ChoiceField(
        label="What are you recording?",
        choices=[(ActionUpdate.Kind.PROGRESS, "Progress update"), (ActionUpdate.Kind.EVIDENCE, "Evidence")],
        initial=ActionUpdate.Kind.PROGRESS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a progress update or evidence."},
    )
    recorded_on = forms.DateField(
        label="Date",
        widget=DateInput(),
        initial=timezone.localdate,
        error_messages={"required": "Enter the date of the update.", "invalid": "Enter the date as a real date."},
    )
    text = forms.CharField(
        label="Update",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What has been done, or what evidence shows the action is done. Do not name children.",
        error_messages={"required": "Enter the update."},
    )


class ActionCancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is the action being cancelled?",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The board reads this on the action. Do not name children.",
        error_messages={"required": "Give the reason the action is cancelled."},
    )


class CancellationProposeForm(forms.Form):
    reason = forms.CharField(
        label="Why should the action be cancelled?",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The business unit reads this when it decides. Do not name children.",
        error_messages={"required": "Give the reason the action should be cancelled."},
    )


class CancellationDecisionForm(forms.Form):
    ACCEPT, DECLINE = "accept", "decline"
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[(ACCEPT, "Accept: cancel the action"), (DECLINE, "Decline: the action carries on")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to accept or decline the proposal."},
    )
    note = forms.CharField(
        label="Note",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Needed when you decline: say why the action should carry on.",
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        return {"accept": cleaned.get("decision") == self.ACCEPT, "note": cleaned.get("note", "")}
