"""The forms of running a review. They collect what was typed; the rules (the scheme's types and
contribution kinds, the partnership's agencies, the order of the dates, what a statutory review
needs to be published) live in the services, whose ValidationErrors are shown against the fields
they name."""

from django import forms

from assure.core.forms import DateInput

from .documents import ALLOWED_HINT


def _date(label: str, *, required: bool = True, help_text: str = "", missing: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        help_text=help_text,
        error_messages={"required": missing or f"Enter the {label.lower()}.", "invalid": "Enter a real date."},
    )


class ReviewForm(forms.Form):
    """A review commissioned, or its details changed."""

    kind = forms.ChoiceField(
        label="Type of review",
        choices=(),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of review."},
    )
    title = forms.CharField(
        max_length=200,
        help_text="A title that identifies nobody, for example 'A young person placed far from home'.",
        error_messages={"required": "Enter a title for the review."},
    )
    decided_on = _date("Date of the decision", missing="Enter the date the review was decided on.")
    lead_reviewer = forms.CharField(
        max_length=200,
        required=False,
        label="Lead reviewer",
        help_text="The lead or independent reviewer, by name and organisation.",
    )
    led_elsewhere = forms.CharField(
        max_length=200,
        required=False,
        label="Led by another partnership",
        help_text="When another board or partnership leads the review and this one contributes, its name.",
    )
    referral = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Case consideration",
        empty_label="None",
        help_text="The case consideration the review came from, if any.",
    )
    priority = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Business plan priority",
        empty_label="None",
    )
    agencies = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label="Agencies involved",
        widget=forms.CheckboxSelectMultiple,
        help_text="The agencies that worked with the child or family.",
    )
    terms_of_reference = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        label="Terms of reference",
        help_text="Restricted: only those with a case-review grant read it. Identify the child by the "
        "agency's case reference, never by name.",
    )
    panel = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label="Review panel",
        help_text="Restricted: the panel's members and their roles.",
    )
    learning_event_on = _date(
        "Learning event", required=False, help_text="The date of a learning event with practitioners, if held."
    )

    def __init__(self, *args, types, referrals, priorities, agencies, editing: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = types
        self.fields["referral"].queryset = referrals
        self.fields["priority"].queryset = priorities
        self.fields["agencies"].queryset = agencies
        if editing:
            del self.fields["referral"]
        else:
            del self.fields["learning_event_on"]

    @staticmethod
    def initial_for(review) -> dict:
        return {
            "kind": review.kind,
            "title": review.title,
            "decided_on": review.decided_on,
            "lead_reviewer": review.lead_reviewer,
            "led_elsewhere": review.led_elsewhere,
            "priority": review.priority,
            "agencies": list(review.agencies.all()),
            "terms_of_reference": review.terms_of_reference,
            "panel": review.panel,
            "learning_event_on": review.learning_event_on,
        }


class MoveForm(forms.Form):
    to_status = forms.ChoiceField(
        label="What happens next",
        choices=(),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what happens next."},
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Needed to cancel the review or take it back to its work: the board reads it in the review's "
        "history.",
    )

    def __init__(self, *args, steps, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(step.to_status, step.label) for step in steps]


class DocumentForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text=ALLOWED_HINT,
        error_messages={"required": "Choose the file to upload."},
    )


class PublishForm(forms.Form):
    completed_on = _date("Date completed", missing="Enter the date the review was completed.")
    sent_to_panel_on = _date(
        "Date sent to the national panel",
        required=False,
        help_text="Required for a serious case review or a local child safeguarding practice review.",
    )
    published_on = _date("Date published", missing="Enter the date the review was published.")
    published_url = forms.URLField(
        label="Address of the published report",
        required=False,
        assume_scheme="https",
        help_text="Where the report can be read, such as a page of the partnership's website.",
        error_messages={"invalid": "Enter the address as a web address, like https://example.org/report."},
    )
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What the review found, in words that identify nobody: the board and the annual report read it.",
        error_messages={"required": "Write a summary of what the review found."},
    )
    # Set once the page has warned that the text may name someone: saving again keeps it as it is.
    warned = forms.CharField(required=False, widget=forms.HiddenInput)


class ContributionRequestForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        queryset=None,
        label="Agencies asked",
        widget=forms.CheckboxSelectMultiple,
        help_text="Each agency's leads are told and upload their agency's own document.",
        error_messages={"required": "Choose the agencies asked to contribute."},
    )
    kind = forms.ChoiceField(
        label="What they are asked for",
        choices=(),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the agencies are asked for."},
    )
    due_on = _date("Due date", missing="Enter the date the contributions are due.")

    def __init__(self, *args, agencies, kinds, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = agencies
        self.fields["kind"].choices = kinds


class ConversationForm(forms.Form):
    held_on = _date("Date of the conversation", missing="Enter the date of the conversation.")
    agency = forms.ModelChoiceField(queryset=None, required=False, empty_label="Not from a partner agency")
    practitioner_role = forms.CharField(
        max_length=200,
        label="Practitioner's role",
        help_text="Their role, such as 'Health visitor' or 'Youth worker', never their name.",
        error_messages={"required": "Enter the practitioner's role."},
    )
    notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Restricted: what the practitioner saw at the time, and why it made sense then (the view "
        "from the tunnel). Identify the child by the agency's case reference, never by name.",
        error_messages={"required": "Enter the notes of the conversation."},
    )
    # Set once the page has warned that the notes may name a child: saving again keeps them.
    warned = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class ConfirmForm(forms.Form):
    """A confirmation with nothing to fill in (a reminder sent)."""
