"""The clocks register's filter: open clocks only, or the met and missed ones too; and which
kind of record they run on."""

from django import forms

from .registry import clock_sources


class ClockFilterForm(forms.Form):
    everything = forms.BooleanField(
        required=False,
        label="Show met and missed clocks too",
        help_text="Without this, only the clocks still running are shown.",
    )
    source = forms.ChoiceField(required=False, label="Records", choices=())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", "Every kind of record")] + [
            (source.key, source.label) for source in clock_sources()
        ]


class ClockFilter:
    """What the register's template asks of a filter: its form."""

    def __init__(self, data) -> None:
        self.form = ClockFilterForm(data)

    @property
    def open_only(self) -> bool:
        return not (self.form.is_valid() and self.form.cleaned_data["everything"])

    @property
    def source(self) -> str:
        return self.form.cleaned_data["source"] if self.form.is_valid() else ""
