"""The form of an event: its kind (the library's), title, day, place, purpose, audience, and either
the number who came or the reference of the training session it was run as. The rules (a session
the training register holds, no number typed beside it) are the services'."""

from django import forms

from assure.core.forms import DateInput

from .models import Event

NONE = ""


class EventForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of event", widget=forms.RadioSelect, error_messages={"required": "Choose the kind of event."}
    )
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter the event's title."})
    held_on = forms.DateField(
        label="Held on",
        widget=DateInput(),
        error_messages={
            "required": "Enter the day the event was held.",
            "invalid": "Enter a real date, for example 21 4 2015.",
        },
    )
    venue = forms.CharField(label="Venue", max_length=200, required=False)
    area = forms.CharField(
        label="Area", max_length=80, required=False, help_text="The part of the partnership's area, for example North."
    )
    purpose = forms.CharField(label="Purpose", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    audience = forms.CharField(
        label="Who it was for", max_length=200, required=False, help_text="For example professionals, parents."
    )
    training_session = forms.CharField(
        label="The training session's reference",
        max_length=20,
        required=False,
        help_text="When the event was run as a session of the training calendar, for example TS-0042: those "
        "marked attended on its register are counted, so leave the number who came empty.",
    )
    attendees = forms.IntegerField(
        label="Number who came",
        required=False,
        min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-5"}),
        error_messages={
            "invalid": "Enter the number who came as a whole number, for example 45.",
            "min_value": "The number who came cannot be below nought.",
        },
    )
    feedback = forms.CharField(
        label="Feedback in summary",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What those who came said of it, in summary. Name nobody.",
    )
    priority = forms.ChoiceField(label="The business plan's priority it serves", required=False)
    campaign = forms.ChoiceField(label="Part of the campaign", required=False)

    def __init__(self, *args, kinds: dict[str, str], priorities=(), campaigns=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(kinds.items())
        self._priorities = {str(priority.pk): priority for priority in priorities}
        self.fields["priority"].choices = [(NONE, "None")] + [(k, p.title) for k, p in self._priorities.items()]
        self._campaigns = {str(campaign.pk): campaign for campaign in campaigns}
        self.fields["campaign"].choices = [(NONE, "None")] + [(k, c.title) for k, c in self._campaigns.items()]

    def clean_priority(self):
        return self._priorities.get(self.cleaned_data.get("priority") or NONE)

    def clean_campaign(self):
        return self._campaigns.get(self.cleaned_data.get("campaign") or NONE)


def event_initial(event: Event) -> dict:
    return {
        "kind": event.kind,
        "title": event.title,
        "held_on": event.held_on,
        "venue": event.venue,
        "area": event.area,
        "purpose": event.purpose,
        "audience": event.audience,
        "training_session": event.training_session,
        "attendees": event.attendees,
        "feedback": event.feedback,
        "priority": str(event.priority_id) if event.priority_id else NONE,
        "campaign": str(event.campaign_id) if event.campaign_id else NONE,
    }
