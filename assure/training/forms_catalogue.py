"""The forms of the catalogue: a course, a session (its date, start and end times, place, places,
trainers and booking dates), a conference's workshop, and a session's cancellation. The rules
(dates in order, places held, library levels) are the services'; these only read what was typed
and turn a date and times into the moments the services take."""

import datetime as dt

from django import forms
from django.utils import timezone

from assure.core.forms import DateInput, attach

from .models import Course, Session
from .selectors.catalogue import level_choices

DATE_ERRORS = {"invalid": "Enter a real date, for example 27 3 2015."}
TIME_ERRORS = {"invalid": "Enter a time using the 24-hour clock, for example 09:30 or 14:00."}
NONE = ""


class TimeInput(forms.TimeInput):
    """A native time box (hours and minutes)."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "govuk-input--width-5", **(attrs or {})}, format="%H:%M")


def _date(label: str, help_text: str = "", required: bool = True, required_message: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DateInput(),
        required=required,
        help_text=help_text,
        error_messages={"required": required_message, **DATE_ERRORS},
    )


def _time(label: str, required_message: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        widget=TimeInput(),
        help_text="24-hour clock, for example 09:30.",
        error_messages={"required": required_message, **TIME_ERRORS},
    )


def _moment(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


def _trainer_label(user) -> str:
    return user.full_name or user.email


# The services name a session's moments; the forms ask for them as a date and times.
SERVICE_FIELDS = {"starts_at": "start_time", "ends_at": "end_time"}


class _SessionErrors:
    def attach(self, error) -> None:
        """Show a service's errors against the fields that were typed."""
        if not hasattr(error, "error_dict"):
            attach(self, error)
            return
        for name, texts in error.message_dict.items():
            name = SERVICE_FIELDS.get(name, name)
            self.add_error(name if name in self.fields else None, texts)


# --- courses ------------------------------------------------------------------------------------


class CourseForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter the course's title."})
    level = forms.ChoiceField(
        label="Level",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the level the course is taught at."},
    )
    delivery = forms.ChoiceField(
        label="How it is delivered",
        widget=forms.RadioSelect,
        choices=Course.Delivery.choices,
        help_text="An e-learning module has no sessions; a conference has workshops of its own.",
        error_messages={"required": "Choose how the course is delivered."},
    )
    summary = forms.CharField(
        label="Summary",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the course is about, as the public course calendar shows it.",
    )
    audience = forms.CharField(
        label="Who it is for",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say who the course is for."},
    )
    outcomes = forms.CharField(
        label="Learning outcomes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What delegates will be able to do afterwards, one outcome on each line. Evaluations ask how "
        "confident delegates are in each. Needed unless the course is e-learning.",
    )
    priority = forms.ChoiceField(
        label="The business plan's priority it serves",
        required=False,
        help_text="The priorities of the partnership's current business plan.",
    )
    pre_course = forms.CharField(
        label="Pre-course material",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What delegates read or do before the course.",
    )
    elearning_url = forms.URLField(
        label="The e-learning module's address",
        required=False,
        max_length=200,
        help_text="E-learning only, for example https://learning.example.org/safeguarding.",
        error_messages={"invalid": "Enter an address starting https://"},
    )
    needs_approval = forms.BooleanField(
        label="A manager must approve each booking",
        required=False,
        help_text="The practitioner's manager approves by a link e-mailed to them.",
    )
    is_multi_agency = forms.BooleanField(
        label="Counted as multi-agency training",
        required=False,
        help_text="Its sessions and delegates count in the multi-agency training figures.",
    )

    def __init__(self, *args, priorities=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = level_choices()
        self._priorities = {str(priority.pk): priority for priority in priorities}
        self.fields["priority"].choices = [(NONE, "None")] + [
            (key, priority.title) for key, priority in self._priorities.items()
        ]

    def clean_priority(self):
        value = self.cleaned_data.get("priority") or NONE
        return self._priorities.get(value)

    def service_values(self) -> dict:
        data = dict(self.cleaned_data)
        data["outcomes"] = [line.strip() for line in (data.get("outcomes") or "").splitlines() if line.strip()]
        for name in ("summary", "pre_course", "elearning_url"):
            data[name] = data.get(name) or ""
        return data


def course_initial(course: Course) -> dict:
    initial = {name: getattr(course, name) for name in CourseForm.base_fields if hasattr(course, name)}
    initial["outcomes"] = "\n".join(course.outcomes or [])
    initial["priority"] = str(course.priority_id) if course.priority_id else NONE
    return initial


# --- sessions -----------------------------------------------------------------------------------


class SessionForm(_SessionErrors, forms.Form):
    date = _date("Date", required_message="Enter the date of the session.")
    start_time = _time("Starts at", "Enter the time the session starts.")
    end_time = _time("Ends at", "Enter the time the session ends.")
    venue = forms.CharField(label="Venue", max_length=200, required=False)
    address = forms.CharField(label="Address", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    accessibility = forms.CharField(
        label="Accessibility notes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Step-free access, hearing loop, parking, quiet room.",
    )
    online_link = forms.URLField(
        label="The online link",
        required=False,
        max_length=200,
        help_text="Online sessions only. Sent to those booked; never shown publicly.",
        error_messages={"invalid": "Enter an address starting https://"},
    )
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter the number of places.",
            "invalid": "Enter the number of places as a whole number, like 20.",
            "min_value": "A session needs at least 1 place.",
        },
    )
    trainers = forms.MultipleChoiceField(
        label="Trainers with an account",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="They may mark the session's register.",
    )
    trainer_names = forms.CharField(
        label="Trainers as the calendar names them",
        max_length=300,
        required=False,
        help_text="Including any trainer from outside the partnership.",
    )
    booking_opens = _date("Booking opens", "Leave it blank to open booking now.", required=False)
    booking_closes = _date(
        "Booking closes at the end of",
        "Leave it blank to close booking 2 days before the session.",
        required=False,
    )
    cancel_by = _date(
        "Free cancellation until the end of",
        "A cancellation after this is late, and may be charged. Leave it blank for 7 days before the session.",
        required=False,
    )

    def __init__(self, *args, trainers=(), session: Session | None = None, delivery: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._trainers = {str(user.pk): user for user in trainers}
        self.fields["trainers"].choices = [(key, _trainer_label(user)) for key, user in self._trainers.items()]
        if not self._trainers:
            del self.fields["trainers"]
        self.session = session
        if delivery != Course.Delivery.ONLINE:
            del self.fields["online_link"]

    def clean_trainers(self):
        return [self._trainers[key] for key in self.cleaned_data.get("trainers") or [] if key in self._trainers]

    def _kept(self, name: str, moment: dt.datetime) -> dt.datetime:
        """The session's own moment when the day typed is the day it already has (a time set
        elsewhere is kept rather than moved to the day's start or end)."""
        current = getattr(self.session, name, None) if self.session is not None else None
        if current is not None and timezone.localtime(current).date() == timezone.localtime(moment).date():
            return current
        return moment

    def service_values(self) -> dict:
        data = self.cleaned_data
        day = data["date"]
        values = {
            "starts_at": _moment(day, data["start_time"]),
            "ends_at": _moment(day, data["end_time"]),
            "venue": data.get("venue") or "",
            "address": data.get("address") or "",
            "accessibility": data.get("accessibility") or "",
            "online_link": data.get("online_link") or "",
            "capacity": data["capacity"],
            "trainer_names": data.get("trainer_names") or "",
            "booking_opens": None,
            "booking_closes": None,
            "cancel_by": None,
        }
        if data.get("booking_opens"):
            values["booking_opens"] = self._kept("booking_opens", _moment(data["booking_opens"], dt.time(0, 0)))
        if data.get("booking_closes"):
            values["booking_closes"] = self._kept("booking_closes", _moment(data["booking_closes"], dt.time(23, 59)))
        if data.get("cancel_by"):
            values["cancel_by"] = self._kept("cancel_by", _moment(data["cancel_by"], dt.time(23, 59)))
        return values

    def chosen_trainers(self) -> list:
        return list(self.cleaned_data.get("trainers") or [])


def session_initial(session: Session) -> dict:
    starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    return {
        "date": starts.date(),
        "start_time": starts.time(),
        "end_time": ends.time(),
        "title": session.title,
        "venue": session.venue,
        "address": session.address,
        "accessibility": session.accessibility,
        "online_link": session.online_link,
        "capacity": session.capacity,
        "trainers": [str(pk) for pk in session.trainers.values_list("pk", flat=True)],
        "trainer_names": session.trainer_names,
        "booking_opens": timezone.localtime(session.booking_opens).date(),
        "booking_closes": timezone.localtime(session.booking_closes).date(),
        "cancel_by": timezone.localtime(session.cancel_by).date(),
    }


class WorkshopForm(_SessionErrors, forms.Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter the workshop's title."})
    date = _date("Date", "A day of the conference.", required_message="Enter the date of the workshop.")
    start_time = _time("Starts at", "Enter the time the workshop starts.")
    end_time = _time("Ends at", "Enter the time the workshop ends.")
    venue = forms.CharField(
        label="Room", max_length=200, required=False, help_text="Leave it blank for the conference's venue."
    )
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter the number of places.",
            "invalid": "Enter the number of places as a whole number, like 30.",
            "min_value": "A workshop needs at least 1 place.",
        },
    )
    trainers = forms.MultipleChoiceField(
        label="Trainers with an account",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="They may mark the workshop's register.",
    )
    trainer_names = forms.CharField(label="Trainers as the calendar names them", max_length=300, required=False)

    def __init__(self, *args, trainers=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._trainers = {str(user.pk): user for user in trainers}
        self.fields["trainers"].choices = [(key, _trainer_label(user)) for key, user in self._trainers.items()]
        if not self._trainers:
            del self.fields["trainers"]

    def clean_trainers(self):
        return [self._trainers[key] for key in self.cleaned_data.get("trainers") or [] if key in self._trainers]

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "starts_at": _moment(data["date"], data["start_time"]),
            "ends_at": _moment(data["date"], data["end_time"]),
            "venue": data.get("venue") or "",
            "capacity": data["capacity"],
            "trainer_names": data.get("trainer_names") or "",
        }

    def chosen_trainers(self) -> list:
        return list(self.cleaned_data.get("trainers") or [])


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why the session is cancelled",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Everyone booked or on the waiting list is told, with this reason.",
        error_messages={"required": "Say why the session is cancelled: those booked are told."},
    )
