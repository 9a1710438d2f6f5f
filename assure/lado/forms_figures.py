"""The form of the referrals the partnership expects from each sector a year: one whole number a
sector of the library's lado-sector, named by the sector's code, blank for none."""

from django import forms

from .services.figures import MOST


class ExpectationsForm(forms.Form):
    def __init__(self, *args, sectors, **kwargs) -> None:
        """``sectors``: the library's lado-sector items, in the library's order."""
        super().__init__(*args, **kwargs)
        for sector in sectors:
            self.fields[sector.code] = forms.IntegerField(
                label=sector.title,
                required=False,
                min_value=1,
                max_value=MOST,
                help_text=sector.data.get("description", ""),
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
                error_messages={
                    "invalid": f"Enter the referrals expected from {sector.title.lower()} as a whole number.",
                    "min_value": f"Enter at least 1 for {sector.title.lower()}, or leave it blank.",
                    "max_value": f"Enter no more than {MOST:,} for {sector.title.lower()}.",
                },
            )
