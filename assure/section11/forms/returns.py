"""Answering a criterion, evidence files and actions."""

from django import forms

from assure.actions.forms import ActionForm

from ..framework import Scale
from ..storage import ALLOWED_HINT, MAX_BYTES


class ResponseForm(forms.Form):
    """One criterion's answer. The rating's radios are rendered by the criterion template, with
    each level's description as its hint."""

    rating = forms.ChoiceField(label="Rating", required=False, widget=forms.RadioSelect)
    not_applicable = forms.BooleanField(
        label="This criterion does not apply to our agency",
        required=False,
        help_text="Explain why in the evidence.",
    )
    evidence = forms.CharField(
        label="Evidence",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="How the agency meets the criterion: policies, audits, training figures, examples. "
        "Do not name children or families.",
    )
    file = forms.FileField(
        label="Attach an evidence file",
        required=False,
        help_text=ALLOWED_HINT,
        widget=forms.ClearableFileInput(),
    )

    def __init__(self, *args, scale: Scale, prefix: str | None = None, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        self.scale = scale
        self.fields["rating"].choices = scale.choices()

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_BYTES:
            raise forms.ValidationError("The file must be 10 MB or smaller.")
        return upload

    def rating_options(self) -> list[dict]:
        """The radios, each with its level's description as hint."""
        field = self["rating"]
        chosen = str(field.value() or "")
        return [
            {
                "id": f"{field.auto_id}_{index}",
                "value": level.code,
                "label": level.label,
                "hint": level.description,
                "checked": chosen == level.code,
            }
            for index, level in enumerate(self.scale.levels)
        ]


class EvidenceDeleteForm(forms.Form):
    pass


class CriterionActionForm(ActionForm):
    """The tracker's action form, for a criterion rated below fully met. The agency names the
    person who will see it done rather than choosing a member; the description and RAG rating
    are the tracker's to set later. The due date's rule is the tracker's (``action_create``)."""

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, agencies=agencies, owners=None, **kwargs)
        for name in ("description", "owner", "rag"):
            del self.fields[name]
        self.fields["title"].help_text = "What will be done to meet the criterion fully."
        self.fields["owner_name"].label = "Owner"
        self.fields["owner_name"].help_text = "The person who will see it done (name and role)."


class SubmitForm(forms.Form):
    pass
