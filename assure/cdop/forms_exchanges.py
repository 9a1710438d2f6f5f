"""The forms of an exchange of cases with another panel: choosing the reviewed deaths and writing
each one's summary, and uploading the other panel's scoring."""

from django import forms

from .models import ChildDeath


class ExchangeForm(forms.Form):
    partner_panel = forms.CharField(
        label="The other panel",
        max_length=200,
        help_text="For example Eastshire Child Death Overview Panel.",
        error_messages={"required": "Enter the other panel's name."},
    )
    checked = forms.BooleanField(
        label="I have read the summaries: none names anyone or gives a date of birth",
        required=False,
    )

    def __init__(self, *args, deaths: list[ChildDeath], describe, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.deaths = deaths
        for death in deaths:
            self.fields[f"case_{death.pk}"] = forms.BooleanField(
                label=f"Send {death.reference} ({describe(death)})", required=False
            )
            self.fields[f"summary_{death.pk}"] = forms.CharField(
                label=f"Summary of {death.reference} for the other panel",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="What the other panel reads to score the case: no name, no date, no place.",
            )

    def chosen(self) -> list[tuple[ChildDeath, str]]:
        """The deaths ticked, each with its summary."""
        return [
            (death, self.cleaned_data.get(f"summary_{death.pk}", ""))
            for death in self.deaths
            if self.cleaned_data.get(f"case_{death.pk}")
        ]


class ScoringForm(forms.Form):
    file = forms.FileField(
        label="The other panel's scoring",
        help_text="A CSV file with the columns code, category (its number or code), modifiable (identified, none "
        "or insufficient) and notes, one row per case.",
        error_messages={"required": "Choose the CSV file of the other panel's scoring."},
    )
