"""The forms of voices: a voice heard (who from, how it reached the board, when, their words, their
consent to being quoted and the business plan's priority), the business unit's review, and a
removal confirmed. The rules are the services'; the warning that the words may name someone is
the page's (a second save keeps the words as they are)."""

from django import forms

from assure.core.forms import DateInput
from assure.questionnaires.identifying import identifying_warning

from .models import Voice
from .selectors.voices import source_choices

NONE = ""
APPROVE, WITHHOLD = "approve", "withhold"


class VoiceForm(forms.Form):
    source_type = forms.ChoiceField(
        label="Who is it from?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who the voice is from."},
    )
    channel = forms.CharField(
        label="How did it reach the board?",
        max_length=120,
        help_text="For example the parents' page of the website, a survey, a workshop, a letter.",
        error_messages={"required": "Say how it reached the board, for example the website or an event."},
    )
    heard_on = forms.DateField(
        label="When was it heard?",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date it was heard.",
            "invalid": "Enter a real date, for example 27 3 2015.",
        },
    )
    text = forms.CharField(
        label="What was said",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="In their words. Take out any name, and anything else that could identify a child, a family or "
        "a colleague.",
        error_messages={"required": "Enter what was said."},
    )
    consent_to_quote = forms.BooleanField(
        label="They agreed to their words being quoted without their name",
        required=False,
    )
    consent_note = forms.CharField(
        label="How and when they agreed",
        max_length=300,
        required=False,
        help_text="For example: asked by e-mail on 12 March 2015 and agreed. Needed when they agreed to be quoted.",
    )
    priority = forms.ChoiceField(
        label="The business plan's priority it relates to",
        required=False,
        help_text="The priorities of the partnership's current business plan.",
    )
    # Set once the page has warned that the words may name someone: saving again keeps them.
    warned = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, priorities=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source_type"].choices = source_choices()
        self._priorities = {str(priority.pk): priority for priority in priorities}
        self.fields["priority"].choices = [(NONE, "None")] + [
            (key, priority.title) for key, priority in self._priorities.items()
        ]

    def clean_priority(self):
        return self._priorities.get(self.cleaned_data.get("priority") or NONE)

    def warning(self) -> str:
        """The warning to show once when the words look as if they name someone, else ""."""
        if self.cleaned_data.get("warned"):
            return ""
        return identifying_warning(self.cleaned_data.get("text")) or ""

    def warn(self) -> None:
        """Remember that the page has warned: the next save keeps the words as they are."""
        self.data = self.data.copy()
        self.data["warned"] = "1"

    def service_values(self) -> dict:
        data = {name: value for name, value in self.cleaned_data.items() if name != "warned"}
        data["consent_note"] = data.get("consent_note") or ""
        return data


def voice_initial(voice: Voice) -> dict:
    initial = {name: getattr(voice, name) for name in VoiceForm.base_fields if hasattr(voice, name)}
    initial["priority"] = str(voice.priority_id) if voice.priority_id else NONE
    return initial


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="May it be quoted?",
        widget=forms.RadioSelect,
        choices=[(APPROVE, "Yes, it may be quoted"), (WITHHOLD, "No, it is not to be quoted")],
        error_messages={"required": "Choose whether it may be quoted."},
    )
    reason = forms.CharField(
        label="Why is it not to be quoted?",
        max_length=300,
        required=False,
        help_text="Only when it is not to be quoted: for example, it could identify a family.",
    )


class ConfirmForm(forms.Form):
    """A removal confirmed: nothing to type."""
