"""Moderating a criterion and a return."""

from django import forms

from ..framework import Scale
from ..storage import ALLOWED_HINT, MAX_BYTES


class ChallengeForm(forms.Form):
    question = forms.CharField(
        label="Challenge",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The question the agency must answer, for example which evidence shows the policy is followed.",
        error_messages={"required": "Enter the question for the agency."},
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Answer the moderator’s question. Do not name children or families.",
        error_messages={"required": "Enter your answer to the challenge."},
    )
    file = forms.FileField(
        label="Attach a file as evidence (optional)",
        required=False,
        help_text=f"For example the current version of a policy. {ALLOWED_HINT}",
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_BYTES:
            raise forms.ValidationError("The file must be 10 MB or smaller.")
        return upload


class ModerateForm(forms.Form):
    moderated_rating = forms.ChoiceField(
        label="Moderated rating",
        required=False,
        help_text="Only where it differs from the agency’s own rating.",
    )
    note = forms.CharField(
        label="Moderation note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the moderated rating differs, or anything the agency should know.",
    )

    def __init__(self, *args, scale: Scale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["moderated_rating"].choices = [("", "The same as the agency’s rating"), *scale.choices()]


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label="Why is the return reopened?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The agency sees this reason.",
        error_messages={"required": "Say why the return is reopened."},
    )
