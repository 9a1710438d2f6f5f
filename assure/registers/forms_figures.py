"""The form choosing the business plan priority a register is monitored under."""

from django import forms

NONE = "none"


class MonitoredUnderForm(forms.Form):
    priority = forms.ChoiceField(
        label="The business plan priority the register is monitored under",
        widget=forms.RadioSelect,
        help_text="The annual report's section on that priority shows the register's figures.",
        error_messages={"required": "Choose a priority, or none", "invalid_choice": "Choose one of the priorities"},
    )

    def __init__(self, *args, priorities=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._priorities = {str(priority.pk): priority for priority in priorities}
        self.fields["priority"].choices = [
            *((key, f"{priority.title} ({priority.plan.title})") for key, priority in self._priorities.items()),
            (NONE, "None: not monitored under a priority"),
        ]

    def clean_priority(self):
        return self._priorities.get(self.cleaned_data.get("priority") or NONE)
