"""The forms of booking: confirming a booking or an offered place, cancelling (with a reason),
the manager's answer by the approval link and the search of a session's bookings. They collect
what was typed; the rules live in ``services/``, whose ValidationErrors are shown against the
fields they name."""

from django import forms


class ConfirmForm(forms.Form):
    """A booking or an offered place confirmed: nothing to type."""


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why are you cancelling? (optional)",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The training team reads it.",
    )

    def __init__(self, *args, reason_required: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if reason_required:
            field = self.fields["reason"]
            field.required = True
            field.label = "Why is the booking cancelled?"
            field.help_text = "The practitioner is told."
            field.error_messages["required"] = "Say why the booking is cancelled: the practitioner is told."


class ApprovalForm(forms.Form):
    decision = forms.ChoiceField(
        label="Do you approve the booking?",
        choices=[("approve", "Yes, approve the booking"), ("refuse", "No, do not approve it")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you approve the booking."},
    )
    reason = forms.CharField(
        label="If you do not approve it, why not?",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The practitioner reads it.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "refuse" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Say why you do not approve the booking: the practitioner reads it.")
        return cleaned
