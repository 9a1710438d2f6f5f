"""The forms of campaigns: a campaign, an activity of it and a measure taken. The rules (dates in
order, kinds from the library, figures not below nought, an activity of the same campaign) are the
services'; these only read what was typed."""

from django import forms

from assure.core.forms import DateInput

from .models import Activity, Campaign

DATE_ERRORS = {"invalid": "Enter a real date, for example 12 3 2015."}
NONE = ""


def _date(label: str, required_message: str = "", required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DateInput(),
        required=required,
        help_text=help_text,
        error_messages={"required": required_message, **DATE_ERRORS},
    )


class CampaignForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter the campaign's title."})
    aims = forms.CharField(
        label="Aims",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the campaign sets out to change.",
        error_messages={"required": "Say what the campaign sets out to change."},
    )
    audiences = forms.CharField(
        label="Who it speaks to",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example hotels, taxi drivers, parents, young people.",
        error_messages={"required": "Say who the campaign speaks to."},
    )
    priority = forms.ChoiceField(
        label="The business plan's priority it serves",
        required=False,
        help_text="The priorities of the partnership's current business plan.",
    )
    starts_on = _date("Starts on", "Enter the day the campaign starts.")
    ends_on = _date("Ends on", required=False, help_text="Leave empty while the campaign runs on.")

    def __init__(self, *args, priorities=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._priorities = {str(priority.pk): priority for priority in priorities}
        self.fields["priority"].choices = [(NONE, "None")] + [
            (key, priority.title) for key, priority in self._priorities.items()
        ]

    def clean_priority(self):
        return self._priorities.get(self.cleaned_data.get("priority") or NONE)


def campaign_initial(campaign: Campaign) -> dict:
    return {
        "title": campaign.title,
        "aims": campaign.aims,
        "audiences": campaign.audiences,
        "priority": str(campaign.priority_id) if campaign.priority_id else NONE,
        "starts_on": campaign.starts_on,
        "ends_on": campaign.ends_on,
    }


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of activity", widget=forms.RadioSelect, error_messages={"required": "Choose the kind of activity."}
    )
    description = forms.CharField(
        label="What was done",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: posters taken to 36 hotels with eight rooms or more.",
        error_messages={"required": "Describe the activity: what was done, where and for whom."},
    )
    happened_on = _date("When it took place", "Enter the day the activity took place.")

    def __init__(self, *args, kinds: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(kinds.items())


def activity_initial(activity: Activity) -> dict:
    return {"kind": activity.kind, "description": activity.description, "happened_on": activity.happened_on}


class MeasureForm(forms.Form):
    kind = forms.ChoiceField(
        label="What was measured", widget=forms.RadioSelect, error_messages={"required": "Choose what was measured."}
    )
    value = forms.DecimalField(
        label="The figure",
        min_value=0,
        max_digits=12,
        decimal_places=0,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-10"}),
        error_messages={
            "required": "Enter the figure measured, a whole number.",
            "invalid": "Enter the figure measured as a whole number, for example 5000.",
            "min_value": "The figure measured cannot be below nought.",
            "max_decimal_places": "Enter the figure measured as a whole number.",
            "max_digits": "The figure is too large: enter at most twelve digits.",
            "max_whole_digits": "The figure is too large: enter at most twelve digits.",
        },
    )
    measured_on = _date("When it was measured", "Enter the day it was measured.")
    activity = forms.ChoiceField(
        label="Of which activity",
        required=False,
        help_text="Leave as the whole campaign when the figure is not one activity's.",
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=300,
        help_text="Where the figure comes from, for example the Twitter analytics for March.",
    )

    def __init__(self, *args, kinds: dict, activities=(), activity_labels: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (code, f"{kind.title}{'' if kind.adds_up else ' (not added up)'}") for code, kind in kinds.items()
        ]
        labels = activity_labels or {}
        self._activities = {str(activity.pk): activity for activity in activities}
        self.fields["activity"].choices = [(NONE, "The whole campaign")] + [
            (key, f"{labels.get(activity.kind, activity.kind)}, {activity.happened_on:%d/%m/%Y}")
            for key, activity in self._activities.items()
        ]

    def clean_activity(self):
        return self._activities.get(self.cleaned_data.get("activity") or NONE)
