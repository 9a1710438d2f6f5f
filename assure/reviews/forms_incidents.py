"""The forms of serious incidents: the incident itself, and each of its steps (the notification to
the national panel, the rapid review and its decision, the panel's response). The rules (dates in
order, nothing in the future, no names) are the services'; these only read what was typed."""

from django import forms

from assure.core.forms import DateInput

DATE_ERRORS = {"invalid": "Enter a real date, for example 27 3 2026."}


class IncidentForm(forms.Form):
    summary = forms.CharField(
        label="What happened",
        max_length=200,
        help_text="A few words that identify nobody, for example 'Serious injury to a baby'. The board and "
        "reviewers see this.",
        error_messages={"required": "Enter what happened in a few words, e.g. 'Serious injury to a baby'."},
    )
    lead_agency = forms.ModelChoiceField(
        label="Lead agency",
        queryset=None,
        empty_label="Choose the agency",
        help_text="The agency whose case reference identifies the child, usually children's social care.",
        error_messages={"required": "Choose the lead agency."},
    )
    case_reference = forms.CharField(
        label="The lead agency's case reference",
        max_length=40,
        help_text="Its case number, for example CSC-10482. Never the child's or the family's name, nor a date of "
        "birth. Only people with a case-review grant see it.",
        error_messages={"required": "Enter the lead agency's case reference."},
    )
    child_age_years = forms.IntegerField(
        label="The child's age in years",
        required=False,
        min_value=0,
        max_value=17,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
        help_text="0 for a baby under one.",
        error_messages={
            "invalid": "Enter the age as a whole number of years.",
            "min_value": "Enter an age from 0 to 17.",
            "max_value": "Enter an age from 0 to 17.",
        },
    )
    aware_on = forms.DateField(
        label="The date the local authority became aware of the incident",
        widget=DateInput(),
        help_text="The notification to the national panel is due five working days after this date.",
        error_messages={"required": "Enter the date the local authority became aware of the incident.", **DATE_ERRORS},
    )
    circumstances = forms.CharField(
        label="Circumstances",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What is known of the incident, identifying the child only by the case reference. Only people "
        "with a case-review grant see it.",
    )
    referral = forms.ModelChoiceField(
        label="Case consideration it came from",
        queryset=None,
        required=False,
        empty_label="None",
        help_text="If a practitioner referred the case before it was known as a serious incident.",
    )

    def __init__(self, *args, agencies, referrals, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_agency"].queryset = agencies
        self.fields["referral"].queryset = referrals
        self.fields["referral"].label_from_instance = lambda referral: referral.reference


class NotifyForm(forms.Form):
    notified_on = forms.DateField(
        label="The date the incident was notified to the national panel",
        widget=DateInput(),
        help_text="The rapid review is due fifteen working days after this date.",
        error_messages={"required": "Enter the date the incident was notified to the national panel.", **DATE_ERRORS},
    )


class RapidReviewForm(forms.Form):
    rapid_review_on = forms.DateField(
        label="The date the rapid review was sent to the national panel",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date the rapid review was sent to the national panel.",
            **DATE_ERRORS,
        },
    )
    outcome = forms.ChoiceField(
        label="The rapid review's decision",
        widget=forms.RadioSelect,
        help_text="A local child safeguarding practice review decided here is commissioned as a case review.",
        error_messages={"required": "Choose the rapid review's decision."},
    )
    reasons = forms.CharField(
        label="Reasons for the decision",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Why the partners reached this decision. Only people with a case-review grant see it.",
        error_messages={"required": "Enter the reasons for the rapid review's decision."},
    )

    def __init__(self, *args, outcomes, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [(term.code, term.title) for term in outcomes]


class PanelResponseForm(forms.Form):
    response = forms.ChoiceField(
        label="The national panel's response",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the national panel's response."},
    )
    responded_on = forms.DateField(
        label="The date of the national panel's response",
        widget=DateInput(),
        error_messages={"required": "Enter the date of the national panel's response.", **DATE_ERRORS},
    )

    def __init__(self, *args, responses, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["response"].choices = [(term.code, term.title) for term in responses]
