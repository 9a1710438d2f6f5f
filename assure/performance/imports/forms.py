"""The import page's form: the file and which mapping reads it. The checks of the file itself
(size, type, name) are the service's (jobs.upload_problems)."""

from django import forms

from assure.library.selectors import current_items


class StatisticsUploadForm(forms.Form):
    mapping = forms.ChoiceField(
        label="What the file holds",
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the file holds."},
    )
    upload = forms.FileField(
        label="Upload a file",
        help_text="A CSV file of up to 20 MB, as downloaded from explore education statistics, with its "
        "name unchanged.",
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"required": "Select a CSV file.", "empty": "The selected file is empty."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mapping"].choices = [
            (item.code, f"{item.title} ({item.data['file_pattern']})")
            for item in current_items(kind="statistics-mapping")
        ]


class LocalFiguresUploadForm(forms.Form):
    """The partnership's own figures: one CSV file (its layout is in imports/local.py)."""

    upload = forms.FileField(
        label="Upload a file",
        help_text="A CSV file of up to 20 MB with the columns indicator, period and value (and, if you "
        "have them, numerator, denominator and comment).",
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"required": "Select a CSV file.", "empty": "The selected file is empty."},
    )
