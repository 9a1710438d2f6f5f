"""The forms of a referral's handling and of the updates asked of the employer. They collect what
was typed; the rules live in ``services/handling.py`` and ``services/updates.py``, whose
ValidationErrors are shown against the fields they name. Choices are the library's items, by
code, with their titles."""

import datetime as dt

from django import forms
from django.utils import timezone

from assure.core.forms import DateInput

RESTRICTED = "Restricted: read only by designated officers with the allegations grant."
NO_PERSON = "Name the person by their role, never by name: the employer reads this."
YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no(value: bool | None) -> str | None:
    """A yes/no question's initial answer from what the referral holds (None: not answered)."""
    return None if value is None else ("yes" if value else "no")


def _yes_no_field(label: str, required: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"required": required},
    )


def _date_field(label: str, *, required: bool = False, required_text: str = "", help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput,
        help_text=help_text,
        error_messages={
            "required": required_text or f"Enter {label[:1].lower()}{label[1:]}.",
            "invalid": "Enter a real date.",
        },
    )


def _choices(items, blank: str | None = None) -> list[tuple[str, str]]:
    choices = [(item.code, item.title) for item in items]
    return [("", blank), *choices] if blank is not None else choices


class RadioSelect(forms.RadioSelect):
    """Radios with a hint under each item (the GOV.UK pattern), from ``hints`` by value: an
    outcome's definition beside its radio. Named as Django's so that the GOV.UK form renderer
    treats it as radios."""

    def __init__(self, *args, hints: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.hints = hints or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        option["hint"] = self.hints.get(str(value), "")
        if option["hint"] and option["attrs"].get("id"):
            option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}-item-hint"
        return option


class ConsiderationForm(forms.Form):
    considered_on = _date_field(
        "Date of the initial consideration", required=True, required_text="Enter the date of the initial consideration."
    )
    threshold_met = _yes_no_field(
        "Was the threshold met?",
        "Choose whether the threshold was met.",
        help_text="The person may have harmed a child, committed an offence against a child, behaved in a way that "
        "indicates they may pose a risk to children, or shown they may not be suitable to work with children.",
    )
    advice_given = forms.CharField(
        label="Advice given to the employer",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=RESTRICTED,
    )


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of meeting", widget=forms.RadioSelect, error_messages={"required": "Choose the kind of meeting."}
    )
    held_on = _date_field("Date held", required=True, required_text="Enter the date the meeting was held.")
    attendees = forms.CharField(
        label="Who attended",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="By role and agency, for example 'Detective sergeant, West Mercia Police'.",
    )
    decisions = forms.CharField(
        label="What was decided",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=RESTRICTED,
    )

    def __init__(self, *args, kinds, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kind"]
        field.widget = RadioSelect(hints={item.code: item.data.get("description", "") for item in kinds})
        field.choices = _choices(kinds)
        field.template_name = "lado/handling_radios_field.html"


class PoliceForm(forms.Form):
    police_investigation = _yes_no_field(
        "Are the police investigating, or did they?", "Choose whether the police are investigating."
    )
    police_started_on = _date_field("Date the investigation started")
    police_result = forms.ChoiceField(label="Result", required=False)
    police_result_on = _date_field("Date of the result")

    def __init__(self, *args, results, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["police_result"].choices = _choices(results, blank="Still investigating")


class EmployerForm(forms.Form):
    suspended = forms.BooleanField(label="The person was suspended", required=False)
    suspended_from = _date_field("Suspended from")
    suspended_to = _date_field("Suspended to", help_text="Leave blank while the suspension continues.")
    redeployed = forms.BooleanField(label="The person was redeployed or given other duties", required=False)
    disciplinary = forms.BooleanField(label="The employer started a disciplinary process", required=False)
    employment_outcome = forms.ChoiceField(label="Outcome for the person's employment", required=False)

    def __init__(self, *args, outcomes, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employment_outcome"].choices = _choices(outcomes, blank="Not known yet")


class OnwardForm(forms.Form):
    dbs_referral = _yes_no_field(
        "Was the person referred to the Disclosure and Barring Service?",
        "Choose whether the person was referred to the Disclosure and Barring Service.",
    )
    dbs_referred_on = _date_field("Date referred to the Disclosure and Barring Service")
    regulator_referral = _yes_no_field(
        "Was the person referred to a regulator?", "Choose whether the person was referred to a regulator."
    )
    regulator = forms.ChoiceField(label="Regulator", required=False)
    regulator_referred_on = _date_field("Date referred to the regulator")

    def __init__(self, *args, regulators, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regulator"].choices = _choices(regulators, blank="Choose the regulator")


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label="Outcome", required=False, template_name="lado/handling_radios_field.html")
    closed_on = _date_field("Date closed", required=True, required_text="Enter the date the referral is closed.")
    learning = forms.CharField(
        label="The learning for the employer",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"What the employer should learn from the case. {NO_PERSON}",
    )

    def __init__(self, *args, outcomes, allegation: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.outcomes = {item.code: item for item in outcomes}
        field = self.fields["outcome"]
        field.widget = RadioSelect(
            hints={code: item.data.get("definition", "") for code, item in self.outcomes.items()}
        )
        field.choices = _choices(outcomes)
        field.required = allegation
        field.error_messages["required"] = "Choose the outcome of the allegation."
        if not allegation:
            field.help_text = "A low-level concern is not an allegation: an outcome may be left out."

    def chosen_outcome(self):
        return self.outcomes.get(self.cleaned_data.get("outcome") or "")


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label="Why is the referral reopened?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give a reason to reopen the referral."},
    )


class UpdateAskForm(forms.Form):
    asked_of_name = forms.CharField(
        label="Name of the employer's case manager",
        max_length=150,
        error_messages={"required": "Enter the name of the person asked."},
    )
    asked_of_email = forms.EmailField(
        label="Their e-mail address",
        help_text="The link to the question goes here: they answer it without an account.",
        error_messages={
            "required": "Enter the e-mail address the question goes to.",
            "invalid": "Enter an e-mail address like name@example.org.",
        },
    )
    question = forms.CharField(
        label="The question",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=NO_PERSON,
        error_messages={"required": "Enter the question."},
    )
    due_on = _date_field("Answer needed by", required=True, required_text="Enter the date the answer is needed by.")

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("due_on", timezone.localdate() + dt.timedelta(days=14))
        super().__init__(*args, **kwargs)


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the update no longer needed?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why the update is no longer needed."},
    )


class ConfirmForm(forms.Form):
    """A removal or a reminder confirmed: nothing to type."""


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10_000,
        help_text="Only the designated officer reads it.",
        error_messages={"required": "Enter your answer."},
    )
