"""The challenge log's forms. They collect what was typed; the rules live in the services, whose
ValidationErrors are shown against the fields they name."""

import datetime as dt

from django import forms
from django.utils import timezone

from assure.core.forms import DateInput
from assure.core.links import linkable_kinds

from .models import Challenge

# A response is asked for within four weeks unless the person raising the challenge says otherwise.
RESPONSE_WEEKS = 4
NO_CHILDREN = "Do not name children."


def about_choices(*, user, partnership) -> list:
    """The records a challenge may be about, grouped by kind ("key:id" values), for a select."""
    groups: list = [("", "Nothing in Assure")]
    for kind in linkable_kinds(use="challenge"):
        options = [(f"{kind.key}:{pk}", label) for pk, label in kind.choices(user=user, partnership=partnership)]
        if options:
            groups.append((kind.label, options))
    return groups


class ChallengeForm(forms.Form):
    agency = forms.ModelChoiceField(
        queryset=None,
        label="Agency challenged",
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency challenged."},
    )
    subject = forms.CharField(
        max_length=200,
        label="What is the challenge about?",
        help_text="A few words the log lists it by, such as “GP attendance at child protection conferences”.",
        error_messages={"required": "Enter what the challenge is about, in a few words."},
    )
    detail = forms.CharField(
        label="The challenge",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"What the board asks of the agency, and why. {NO_CHILDREN}",
        error_messages={"required": "Enter what the board asks of the agency, and why."},
    )
    about = forms.ChoiceField(
        label="Record that prompted it",
        required=False,
        help_text="An exception report item, a Section 11 return, a meeting's agenda item or another record in "
        "Assure, if the challenge arose from one.",
    )
    raised_by_agency = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Raised on behalf of",
        empty_label="No agency: raised as a member of the board",
        help_text="The agency you speak for in raising it, if any.",
    )
    response_due_on = forms.DateField(
        label="Response due",
        widget=DateInput(),
        error_messages={"required": "Enter the date the response is due.", "invalid": "Enter a real date."},
    )

    def __init__(self, *args, agencies, raiser_agencies, abouts, raiser_required: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["raised_by_agency"].queryset = raiser_agencies
        self.fields["about"].choices = abouts
        if raiser_required:
            field = self.fields["raised_by_agency"]
            field.required, field.empty_label = True, "Choose your agency"
            field.help_text = "The agency you speak for."
            field.error_messages["required"] = "Choose your agency."
        self.fields["response_due_on"].initial = timezone.localdate() + dt.timedelta(weeks=RESPONSE_WEEKS)


class ChallengeResponseForm(forms.Form):
    response = forms.CharField(
        label="The agency's response",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=f"What the agency has done or will do, and the evidence. {NO_CHILDREN}",
        error_messages={"required": "Enter the agency's response to the challenge."},
    )


SATISFIED = forms.ChoiceField(
    label="Is the board satisfied with the response?",
    choices=Challenge.Satisfied.choices,
    widget=forms.RadioSelect,
    error_messages={"required": "Say whether the board is satisfied with the agency's response."},
)
IMPACT = forms.CharField(
    label="What difference did the challenge make?",
    widget=forms.Textarea(attrs={"rows": 5}),
    help_text=f"For children and families, or for how agencies work; say so if it made none. {NO_CHILDREN}",
    error_messages={"required": "Say what difference the challenge made (or that it made none)."},
)


class ChallengeAssessForm(forms.Form):
    satisfied = SATISFIED
    impact = IMPACT


class ChallengeEscalateForm(forms.Form):
    escalation = forms.ChoiceField(
        label="Escalate to",
        choices=Challenge.Escalation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who the challenge is escalated to."},
    )
    reason = forms.CharField(
        label="Why is it escalated?",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"The agency's leads and the board read this on the challenge. {NO_CHILDREN}",
        error_messages={"required": "Give the reason the challenge is escalated."},
    )
    response_due_on = forms.DateField(
        label="New date for the response",
        required=False,
        widget=DateInput(),
        help_text="Leave empty to keep the date already set.",
        error_messages={"invalid": "Enter a real date."},
    )


class ChallengeCloseForm(forms.Form):
    satisfied = SATISFIED
    impact = IMPACT
    note = forms.CharField(
        label="Note on closing",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=f"Why it is closed, if the agency never responded (withdrawn, or overtaken by events). {NO_CHILDREN}",
    )

    def __init__(self, *args, answered: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not answered:
            # Nothing to assess: the note is what the board reads.
            del self.fields["satisfied"], self.fields["impact"]
            self.fields["note"].required = True
            self.fields["note"].label = "Why is the challenge closed without a response?"
            self.fields["note"].help_text = f"Withdrawn, or overtaken by events. {NO_CHILDREN}"
            self.fields["note"].error_messages["required"] = "Say why the challenge is closed without a response."


class ChallengeReopenForm(forms.Form):
    reason = forms.CharField(
        label="Why is it reopened?",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"The agency's leads and the board read this on the challenge. {NO_CHILDREN}",
        error_messages={"required": "Give the reason the challenge is reopened."},
    )
    response_due_on = forms.DateField(
        label="New response due",
        widget=DateInput(),
        error_messages={"required": "Enter the date the new response is due.", "invalid": "Enter a real date."},
    )
