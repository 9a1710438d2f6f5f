"""The forms of attendance: the register (one question per delegate booked: did they attend?),
the year of the charges report and the reason for waiving a charge. They collect what was chosen;
the rules live in ``services/attendance.py``."""

from django import forms

from .models import Booking

MARK_CHOICES = [(Booking.Attendance.ATTENDED, "Attended"), (Booking.Attendance.NO_SHOW, "Did not attend")]


def organisation_of(booking: Booking) -> str:
    return booking.agency.name if booking.agency_id else booking.organisation or "Organisation not given"


class RegisterForm(forms.Form):
    """One pair of radios per delegate booked, named by the booking's key; a delegate left
    unmarked stays unmarked."""

    def __init__(self, *args, bookings: list[Booking], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rows = []
        for booking in bookings:
            name = f"booking-{booking.pk}"
            self.fields[name] = forms.ChoiceField(
                label=booking.practitioner.user.full_name,
                choices=MARK_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                initial=booking.attendance or None,
                help_text=" · ".join(p for p in (organisation_of(booking), booking.practitioner.job_role) if p),
            )
            self.rows.append((booking, name))

    @property
    def delegates(self):
        """The form's fields, each with its booking, in the register's order."""
        return [(booking, self[name]) for booking, name in self.rows]

    def marks(self) -> dict[int, str]:
        return {booking.pk: self.cleaned_data[name] for booking, name in self.rows if self.cleaned_data.get(name)}

    def attach_marks(self, error) -> None:
        """Put the service's errors (keyed by booking) against each delegate's question."""
        messages = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
        for key, texts in messages.items():
            name = f"booking-{key}"
            self.add_error(name if name in self.fields else None, texts)


class YearForm(forms.Form):
    year = forms.ChoiceField(label="Year (April to March)", choices=[])

    def __init__(self, *args, years: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year) for year in years]


class WaiveForm(forms.Form):
    reason = forms.CharField(
        label="Why is the charge waived?",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, the delegate was ill on the day and their manager told us in time.",
        error_messages={"required": "Give the reason for waiving the charge."},
    )
