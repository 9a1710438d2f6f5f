"""The forms of themed audits and re-audits: commissioning a themed audit, its report to the board,
and planning a re-audit of a theme. The rules live in the services."""

from django import forms

from assure.core.forms import DateInput

from .forms_programme import AuditForm


class ThemedAuditForm(AuditForm):
    """The plan of a themed audit: the plan of any audit without its programme and term, with the
    question it answers and the record that commissioned it."""

    question = forms.CharField(
        label="The question the audit answers",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: why has the number of children on a second child protection plan risen?",
        error_messages={"required": "Enter the question the themed audit sets out to answer."},
    )
    source = forms.ChoiceField(
        label="Commissioned from",
        required=False,
        help_text="The exception report item, challenge, indicator, review or other record in Assure that "
        "called for the audit, if one did.",
    )

    field_order = [
        "title",
        "question",
        "theme",
        "source",
        "priority",
        "tier",
        "questionnaire",
        "files_planned",
        "agencies",
        "starts_on",
        "ends_on",
        "moderation_meeting",
        "lead",
    ]

    def __init__(self, *args, sources, **kwargs) -> None:
        super().__init__(*args, programmes=None, **kwargs)
        del self.fields["programme"]
        del self.fields["term"]
        self.fields["source"].choices = sources
        self.order_fields(self.field_order)


class ReportForm(forms.Form):
    summary = forms.CharField(
        label="What the audit found, as reported to the board",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Its answer to the question, the main strengths and areas for development, and what the board "
        "is asked to note. Do not name children.",
        error_messages={"required": "Enter what the audit found, in brief, as reported to the board."},
    )
    reported_on = forms.DateField(
        label="Reported to the board on",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date the audit was reported to the board.",
            "invalid": "Enter a real date.",
        },
    )


class ReAuditForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the re-audit's title."})
    starts_on = forms.DateField(
        label="Start",
        widget=DateInput(),
        error_messages={"required": "Enter the date the re-audit starts.", "invalid": "Enter a real date."},
    )
    ends_on = forms.DateField(
        label="Answers due",
        widget=DateInput(),
        help_text="The date the agencies' answers are due.",
        error_messages={"required": "Enter the date the answers are due.", "invalid": "Enter a real date."},
    )
