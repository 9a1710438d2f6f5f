"""The risk register's forms. They collect what was typed; the rules (scores on the matrix's
scales, owners of the partnership, review dates) live in the services, whose ValidationErrors are
shown against the fields they name."""

from django import forms
from django.utils import timezone

from assure.actions.forms import ActionForm
from assure.core.forms import DateInput

from .models import Risk
from .risk_matrix import RiskMatrix


def _scale_field(label: str, points, help_text: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[(point.score, f"{point.score} – {point.label}") for point in points],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"required": f"Choose the {label.lower()}."},
    )


SCORE_HELP = {
    "inherent": "Before any control: how the risk would stand if nothing were done.",
    "current": "Now, with the controls in place.",
    "target": "Where the controls and mitigating actions should bring it.",
}


class RiskForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        help_text="The risk in a few words: what might happen.",
        error_messages={"required": "Enter the risk's title."},
    )
    cause = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why it might happen.",
        error_messages={"required": "Say what might cause the risk."},
    )
    consequence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What would follow for children and for the board's work if it happened.",
        error_messages={"required": "Say what the consequence would be."},
    )
    owner = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Owner",
        empty_label="No member chosen",
        help_text="The member who answers for the risk and reviews it. If the owner has no account, "
        "give their name below instead.",
    )
    owner_name = forms.CharField(max_length=150, required=False, label="Owner's name")
    owner_agency = forms.ModelChoiceField(
        queryset=None, required=False, label="Owning agency", empty_label="No agency (the board's own risk)"
    )
    controls = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="What is in place now that lowers the risk.",
    )
    next_review_on = forms.DateField(
        label="Next review",
        widget=DateInput(),
        error_messages={"required": "Enter the date of the next review.", "invalid": "Enter a real date."},
    )

    SCORED = ("inherent", "current", "target")

    def __init__(self, *args, matrix: RiskMatrix, owners, agencies, scored=SCORED, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner_agency"].queryset = agencies
        for which in scored:
            self.fields[f"{which}_likelihood"] = _scale_field(
                f"{which.capitalize()} likelihood", matrix.likelihood, SCORE_HELP[which]
            )
            self.fields[f"{which}_impact"] = _scale_field(f"{which.capitalize()} impact", matrix.impact, "")

    @classmethod
    def initial_for(cls, risk: Risk) -> dict:
        return {
            name: getattr(risk, f"{name}_id" if name in ("owner", "owner_agency") else name)
            for name in (
                "title",
                "cause",
                "consequence",
                "owner",
                "owner_name",
                "owner_agency",
                "controls",
                "next_review_on",
                "inherent_likelihood",
                "inherent_impact",
                "target_likelihood",
                "target_impact",
            )
        }


class RiskEditForm(RiskForm):
    """The details of a risk on the register: its current score moves only by a review."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, scored=("inherent", "target"), **kwargs)


class RiskReviewForm(forms.Form):
    reviewed_on = forms.DateField(
        label="Date of the review",
        widget=DateInput(),
        initial=timezone.localdate,
        error_messages={"required": "Enter the date of the review.", "invalid": "Enter a real date."},
    )
    note = forms.CharField(
        label="What the review found",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="What has changed since the last review: controls working or not, actions done, new causes.",
    )
    next_review_on = forms.DateField(
        label="Next review",
        widget=DateInput(),
        error_messages={"required": "Enter the date of the next review.", "invalid": "Enter a real date."},
    )

    def __init__(self, *args, matrix: RiskMatrix, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["likelihood"] = _scale_field("Likelihood", matrix.likelihood, "How likely the risk is now.")
        self.fields["impact"] = _scale_field("Impact", matrix.impact, "How great its impact would be now.")
        self.order_fields(["reviewed_on", "likelihood", "impact", "note", "next_review_on"])


class RiskReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), error_messages={"required": "Give the reason."})


class RiskReopenForm(RiskReasonForm):
    next_review_on = forms.DateField(
        label="Next review",
        widget=DateInput(),
        error_messages={"required": "Enter the date of the next review.", "invalid": "Enter a real date."},
    )


class RiskActionForm(ActionForm):
    """The tracker's action form, for a mitigating action of a risk: the agency names the person
    who will see it done; the RAG rating is the tracker's to set later."""

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, agencies=agencies, owners=None, **kwargs)
        for name in ("owner", "rag"):
            del self.fields[name]
        self.fields["title"].help_text = "What will be done to lower the risk."
        self.fields["owner_name"].label = "Owner"
        self.fields["owner_name"].help_text = "The person who will see it done (name and role)."
