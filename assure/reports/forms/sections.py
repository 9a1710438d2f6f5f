"""Writing a section, asking an agency for it, and sending it back."""

from django import forms

from assure.core.forms import DateInput

from ..services.sections import BODY_MAX

FORMATTING_HELP = (
    "Write in plain text. Leave a blank line between paragraphs. For a sub-heading start a line with #; "
    "for a list start each line with - (or 1. for a numbered list); for italics put *stars* around words, "
    "for bold **two stars**; "
    "for a link write [the words](https://address). Other formatting, HTML included, shows as typed. "
    "Do not name children or families."
)


class SectionWriteForm(forms.Form):
    body = forms.CharField(
        label="Text of the section",
        # data-assure-editor: the formatting toolbar (static/reports/editor.mjs) enhances it.
        widget=forms.Textarea(attrs={"rows": 16, "data-assure-editor": ""}),
        max_length=BODY_MAX,
        strip=False,
        help_text=FORMATTING_HELP,
        error_messages={
            "required": "Enter the section's text.",
            "max_length": f"The text must be at most {BODY_MAX:,} characters.",
        },
    )


class LeadChoiceField(forms.ModelChoiceField):
    """An agency lead, named with the agencies they write for in the partnership."""

    partnership_id = None

    def label_from_instance(self, obj) -> str:
        agencies = sorted(
            m.agency.name for m in obj.memberships.all() if m.partnership_id == self.partnership_id and m.agency_id
        )
        return f"{obj} ({', '.join(agencies)})" if agencies else str(obj)


class SectionRequestForm(forms.Form):
    agency = forms.ModelChoiceField(
        queryset=None,
        help_text="The agency whose work the section describes.",
        error_messages={"required": "Choose the agency."},
    )
    user = LeadChoiceField(
        label="Agency lead",
        queryset=None,
        help_text="The person who writes the section: an agency lead of that agency. They are e-mailed.",
        error_messages={"required": "Choose the agency lead."},
    )
    due_on = forms.DateField(
        label="Due date",
        widget=DateInput(),
        help_text="After this date the section shows as overdue on the report's contributions.",
        error_messages={"required": "Enter the date the section is due.", "invalid": "Enter a real date."},
    )

    def __init__(self, *args, agencies, leads, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["user"].queryset = leads.prefetch_related("memberships__agency")
        self.fields["user"].partnership_id = partnership.pk


class SectionReturnForm(forms.Form):
    reason = forms.CharField(
        label="What should change",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=1000,
        help_text="The agency lead sees this with the section when they open it again.",
        error_messages={"required": "Say what the agency lead should change."},
    )


class SectionOmitForm(forms.Form):
    reason = forms.CharField(
        label="Why the section is left out",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        help_text="Readers of the report see this in the section's place, so write it for them: for example "
        "“The panel did not meet this year; its work is reported under 5.3.”",
        error_messages={"required": "Say why the section is left out of the report."},
    )


class ConfirmForm(forms.Form):
    """A confirmation with no fields: the button is the confirmation."""
