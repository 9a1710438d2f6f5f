"""The form of a monthly upload: the agency whose extract it is, the month it covers (a month and a
year, never a day) and the file."""

import datetime as dt

from django import forms
from django.utils import timezone

from .uploads import EXTRACT_POLICY

MONTHS = [
    (str(number), name)
    for number, name in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        start=1,
    )
]
# An extract older than this is a typing slip in the year; not a rule of any register.
EARLIEST_YEAR = 2000


class UploadForm(forms.Form):
    agency = forms.TypedChoiceField(
        label="Whose extract is it?",
        coerce=int,
        error_messages={"required": "Choose the agency whose extract it is."},
    )
    month = forms.TypedChoiceField(
        label="Month",
        choices=MONTHS,
        coerce=int,
        error_messages={"required": "Choose the month the extract covers."},
    )
    year = forms.IntegerField(
        label="Year",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter the year the extract covers, like 2015.",
            "invalid": "Enter a year, like 2015.",
        },
    )
    upload = forms.FileField(
        label="The extract",
        help_text=(
            "A CSV or Excel (.xlsx) file of 5 MB or smaller whose first line names the columns as the template "
            "does. Every row is checked: if any is wrong, nothing is kept and each problem is listed by line "
            "and column."
        ),
        error_messages={"required": "Choose the extract to upload."},
    )

    def __init__(self, *args, agencies=(), today: dt.date | None = None, **kwargs):
        today = today or timezone.localdate()
        last = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        kwargs.setdefault("initial", {"month": str(last.month), "year": last.year})
        super().__init__(*args, **kwargs)
        self.today = today
        self.agencies = {agency.pk: agency for agency in agencies}
        self.fields["agency"].choices = [(agency.pk, agency.name) for agency in agencies]
        if len(self.agencies) == 1:
            self.fields["agency"].widget = forms.HiddenInput()
            self.fields["agency"].initial = next(iter(self.agencies))

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if not EARLIEST_YEAR <= year <= self.today.year:
            raise forms.ValidationError(f"Enter a year between {EARLIEST_YEAR} and {self.today.year}.")
        return year

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        problem = EXTRACT_POLICY.problem(upload)
        if problem:
            raise forms.ValidationError(problem)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("month") and cleaned.get("year"):
            month = dt.date(cleaned["year"], cleaned["month"], 1)
            if month > self.today:
                self.add_error(
                    "month", "The month cannot be in the future: upload an extract once its month has begun."
                )
            cleaned["covers"] = month
        return cleaned

    @property
    def chosen_agency(self):
        return self.agencies.get(self.cleaned_data.get("agency"))


class ReplaceForm(forms.Form):
    """Asking before a month's upload is replaced: nothing to fill in, the answer is the button."""
