from django import forms

from .models import Delivery


class PreferenceForm(forms.Form):
    delivery = forms.ChoiceField(
        label="How do you want to receive requests from Assure?",
        help_text="Reminders of something overdue always come straight away.",
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you want to receive e-mails from Assure."},
    )
