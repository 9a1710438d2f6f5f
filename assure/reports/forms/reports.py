"""Making an annual report or a board pack, and publishing one."""

from django import forms

from assure.library.models import LibraryItem


class TemplateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: LibraryItem) -> str:
        return f"{obj.title} (version {obj.document.version})"


class AnnualReportForm(forms.Form):
    year = forms.CharField(
        label="Financial year",
        max_length=7,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        help_text="The year the report covers, for example 2014-15.",
        error_messages={"required": "Enter the financial year."},
    )
    template = TemplateChoiceField(
        label="Report template",
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        help_text="The structure of the report: its sections, who writes each and the figures they carry.",
        error_messages={"required": "Choose a report template."},
    )

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.held_on:%-d %B %Y}" + (f": {obj.title}" if obj.title else "")


class BoardPackForm(forms.Form):
    meeting = MeetingChoiceField(
        label="Board meeting",
        queryset=None,
        empty_label=None,
        help_text="The pack holds the papers for this meeting of the board.",
        error_messages={"required": "Choose a board meeting."},
    )
    template = TemplateChoiceField(
        label="Board pack template",
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a board pack template."},
    )

    def __init__(self, *args, meetings, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["template"].queryset = templates


class PublishForm(forms.Form):
    """Publishing; a corrected edition also says what it changed (``correcting``)."""

    note = forms.CharField(
        label="What this edition corrects",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="Readers see it with the list of editions, for example “Section 4.2: the number of "
        "children on plans corrected from 294 to 249.”",
        error_messages={"required": "Say what this edition corrects."},
    )
    confirm = forms.BooleanField(
        label="Yes, publish the report",
        help_text="Its figures are refreshed one last time and then frozen. Nobody can change it afterwards.",
        error_messages={"required": "Tick the box to confirm you want to publish the report."},
    )

    def __init__(self, *args, correcting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not correcting:
            del self.fields["note"]
