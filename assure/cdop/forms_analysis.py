"""The forms of the review meeting and the panel's analysis: the meeting, the analysis that
completes the review, a factor, a recommendation raised as an action, the referral link and the
reasons for reopening or removing. They collect what was typed; the rules live in
``services/analysis.py``, whose ValidationErrors are shown against the fields they name."""

from django import forms

from assure.core.forms import DateInput

NO_NAMES = "Name the child by the death's reference only, never by name."


class ReviewMeetingForm(forms.Form):
    held_on = forms.DateField(
        label="Date of the child death review meeting",
        widget=DateInput,
        error_messages={"required": "Enter the date of the review meeting.", "invalid": "Enter a real date."},
    )
    notes = forms.CharField(
        label="What the meeting found",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Restricted: read only by the panel.",
    )


class AnalysisForm(forms.Form):
    panel_meeting = forms.ChoiceField(
        label="The panel meeting that reviewed the death",
        error_messages={"required": "Choose the panel meeting."},
    )
    category = forms.ChoiceField(
        label="Category of death",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a category of death."},
    )
    modifiable = forms.ChoiceField(
        label="Modifiable factors",
        widget=forms.RadioSelect,
        help_text="Factors which, by national or local action, could reduce the risk of future child deaths.",
        error_messages={"required": "Choose whether the panel identified modifiable factors."},
    )
    learning = forms.CharField(
        label="Learning points",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"What the panel learnt, for its annual report. {NO_NAMES}",
    )
    referred_for_review = forms.BooleanField(
        label="The panel refers the case to the partnership for a child safeguarding practice review",
        required=False,
    )

    def __init__(self, *args, meetings, categories, modifiable, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meetings = {str(m.pk): m for m in meetings}
        self.categories = {item.code: item for item in categories}
        self.fields["panel_meeting"].choices = [
            ("", "Choose the meeting"),
            *((key, f"{m.body_name}, {m.held_on:%-d %B %Y}") for key, m in self.meetings.items()),
        ]
        self.fields["category"].choices = [
            (code, f"{item.data['number']}. {item.title}" if item.data.get("number") else item.title)
            for code, item in self.categories.items()
        ]
        self.fields["modifiable"].choices = modifiable

    def chosen_meeting(self):
        return self.meetings.get(self.cleaned_data.get("panel_meeting") or "")

    def chosen_category(self):
        return self.categories.get(self.cleaned_data.get("category") or "")


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label="Why is the review reopened?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say why the review is reopened."},
    )


class FactorForm(forms.Form):
    domain = forms.ChoiceField(
        label="Domain", widget=forms.RadioSelect, error_messages={"required": "Choose the domain of the factor."}
    )
    description = forms.CharField(
        label="The factor",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Restricted: read only by the panel.",
        error_messages={"required": "Describe the factor."},
    )
    contribution = forms.ChoiceField(
        label="How far did it contribute?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how far the factor contributed."},
    )
    modifiable = forms.BooleanField(label="The factor is modifiable", required=False)

    def __init__(self, *args, domains, contributions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = domains
        self.fields["contribution"].choices = contributions


class RecommendationForm(forms.Form):
    title = forms.CharField(
        label="The action",
        max_length=200,
        help_text=f"What the owner is asked to do. Everyone who reads actions sees it. {NO_NAMES}",
        error_messages={"required": "Enter what the action is."},
    )
    owner_agency = forms.ChoiceField(label="Owner agency", error_messages={"required": "Choose the owner agency."})
    due_on = forms.DateField(
        label="Due date",
        widget=DateInput,
        error_messages={"required": "Enter the due date.", "invalid": "Enter a real date."},
    )
    description = forms.CharField(
        label="More detail",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=NO_NAMES,
    )

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {str(a.pk): a for a in agencies}
        self.fields["owner_agency"].choices = [
            ("", "Choose the agency"),
            *((key, a.name) for key, a in self.agencies.items()),
        ]

    def chosen_agency(self):
        return self.agencies.get(self.cleaned_data.get("owner_agency") or "")


class ReferralLinkForm(forms.Form):
    referral = forms.ChoiceField(
        label="The case consideration",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the case consideration."},
    )

    def __init__(self, *args, referrals, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["referral"].choices = referrals


class ConfirmForm(forms.Form):
    """A removal confirmed: nothing to type."""
