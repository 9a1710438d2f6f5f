"""The forms of the people allegations are about: their name and date of birth (restricted), and
the officer's answer on a possible repeat referral. The rules (a name, a plausible date of birth)
are the services'; these only read what was typed."""

from django import forms

from assure.core.forms import DateInput


class PersonForm(forms.Form):
    given_names = forms.CharField(
        label="Given names",
        max_length=150,
        help_text="Restricted: only designated officers with the allegations grant see it.",
        error_messages={"required": "Enter the person's given names."},
    )
    family_name = forms.CharField(
        label="Family name",
        max_length=150,
        error_messages={"required": "Enter the person's family name."},
    )
    date_of_birth = forms.DateField(
        label="Date of birth",
        required=False,
        widget=DateInput(),
        help_text="Restricted. With the name, it finds repeat referrals about the same person.",
        error_messages={"invalid": "Enter a real date, for example 14 3 1980."},
    )


def initial_of(person) -> dict:
    return {name: getattr(person, name) for name in ("given_names", "family_name", "date_of_birth")}


class MatchForm(forms.Form):
    SAME, DIFFERENT = "same", "different"

    answer = forms.ChoiceField(
        label="Are they the same person?",
        widget=forms.RadioSelect,
        choices=[
            (SAME, "Yes: the same person. Their records are joined, and the earlier one lists every referral"),
            (DIFFERENT, "No: different people. They are no longer shown as a possible repeat referral"),
        ],
        error_messages={"required": "Say whether they are the same person."},
    )
