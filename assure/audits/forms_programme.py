"""The programme's forms. They collect what was typed; the rules (the framework's tiers and terms,
the partnership's priorities, agencies and meetings, the order of the dates) live in the services,
whose ValidationErrors are shown against the fields they name."""

import datetime as dt

from django import forms

from assure.core.forms import DateInput
from assure.library.schemas_audits import AuditFrameworkItem

from .models import Audit, Programme


class ProgrammeForm(forms.Form):
    year = forms.IntegerField(
        label="Year",
        min_value=1990,
        max_value=2100,
        help_text="The year the programme's financial year starts: 2014 for 2014-15.",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "required": "Enter the year the programme's financial year starts.",
            "invalid": "Enter the year as a number, like 2014.",
            "min_value": "Enter a year from 1990.",
            "max_value": "Enter a year before 2100.",
        },
    )
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the programme's title."})
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="What the programme sets out to learn, in a few lines.",
    )

    @classmethod
    def initial_for(cls, programme: Programme) -> dict:
        return {"year": programme.year, "title": programme.title, "description": programme.description}


class AuditForm(forms.Form):
    """The plan of a termly audit of the programme."""

    programme = forms.ModelChoiceField(
        queryset=Programme.objects.none(),
        empty_label=None,
        error_messages={"required": "Choose the programme the audit belongs to."},
    )
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the audit's title."})
    theme = forms.CharField(
        max_length=200,
        help_text="What the audit looks at, for example compromised parenting or neglect.",
        error_messages={"required": "Enter the audit's theme."},
    )
    priority = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Business plan priority",
        empty_label="None",
        help_text="The priority of the business plan the theme serves.",
    )
    tier = forms.ChoiceField(
        choices=(),
        widget=forms.RadioSelect,
        help_text="The tier of the quality-assurance framework the audit serves (described above).",
        error_messages={"required": "Choose the audit's tier."},
    )
    term = forms.ChoiceField(
        choices=(), widget=forms.RadioSelect, error_messages={"required": "Choose the term the audit runs in."}
    )
    questionnaire = forms.ModelChoiceField(
        queryset=None,
        label="Audit tool",
        empty_label=None,
        help_text="The questionnaire each agency answers about each case file.",
        error_messages={"required": "Choose the audit tool."},
    )
    files_planned = forms.IntegerField(
        label="Case files to audit",
        min_value=1,
        max_value=500,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "required": "Enter how many case files the audit looks at.",
            "invalid": "Enter the number of case files as a whole number.",
            "min_value": "Plan at least one case file.",
            "max_value": "Plan no more than 500 case files.",
        },
    )
    agencies = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label="Agencies taking part",
        widget=forms.CheckboxSelectMultiple,
        help_text="Each agency answers its section of the tool for every case file it knows.",
    )
    starts_on = forms.DateField(
        label="Start",
        widget=DateInput(),
        error_messages={"required": "Enter the date the audit starts.", "invalid": "Enter a real date."},
    )
    ends_on = forms.DateField(
        label="Answers due",
        widget=DateInput(),
        help_text="The date the agencies' answers are due.",
        error_messages={"required": "Enter the date the answers are due.", "invalid": "Enter a real date."},
    )
    moderation_meeting = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Moderation meeting",
        empty_label="Not yet arranged",
        help_text="The meeting that agrees the grades and the findings.",
    )
    lead = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Lead",
        empty_label="Not yet chosen",
        help_text="Who leads the audit: an auditor or a member of the business unit.",
    )

    def __init__(
        self,
        *args,
        framework: AuditFrameworkItem,
        programmes,
        priorities,
        questionnaires,
        agencies,
        meetings,
        leads,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["priority"].queryset = priorities
        self.fields["questionnaire"].queryset = questionnaires
        self.fields["questionnaire"].label_from_instance = lambda item: (
            f"{item.title} (version {item.document.version})"
        )
        self.fields["agencies"].queryset = agencies
        self.fields["moderation_meeting"].queryset = meetings
        self.fields["moderation_meeting"].label_from_instance = lambda meeting: (
            f"{meeting.body_name}, {meeting.held_on:%-d %B %Y}" + (f": {meeting.title}" if meeting.title else "")
        )
        self.fields["lead"].queryset = leads
        self.fields["lead"].label_from_instance = lambda user: user.full_name or user.email
        self.fields["tier"].choices = [(tier.code, tier.title) for tier in framework.tiers]
        self.fields["term"].choices = [(term.code, f"{term.title} ({term.months_label})") for term in framework.terms]

    @classmethod
    def initial_for(cls, audit: Audit) -> dict:
        return {
            "programme": audit.programme_id,
            "title": audit.title,
            "theme": audit.theme,
            "priority": audit.priority_id,
            "tier": audit.tier,
            "term": audit.term,
            "questionnaire": audit.questionnaire_id,
            "files_planned": audit.files_planned,
            "agencies": list(audit.agencies.values_list("pk", flat=True)),
            "starts_on": audit.starts_on,
            "ends_on": audit.ends_on,
            "moderation_meeting": audit.moderation_meeting_id,
            "lead": audit.lead_id,
        }


def term_dates(framework: AuditFrameworkItem, *, year: int, term: str) -> tuple[dt.date, dt.date] | None:
    """The first day of a term's first month and the last day of its last month, in the audit
    year starting in ``year``: the dates a new audit of that term suggests."""
    found = framework.term(term)
    if found is None:
        return None
    first_year = framework.term_years(year)[term]
    months = found.months()
    last_year = first_year + (1 if months[-1] < months[0] else 0)
    last_month = months[-1]
    after = dt.date(last_year + (last_month == 12), last_month % 12 + 1, 1)
    return dt.date(first_year, months[0], 1), after - dt.timedelta(days=1)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why is the audit cancelled?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say why the audit is cancelled."},
    )
