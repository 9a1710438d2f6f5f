"""The forms of child deaths: the manager's notification (and its corrections), the agency's form
(the same, less what only the panel records), checking a possible duplicate and passing a death to
the child's home panel. The rules (dates in order, a child under 18, the home partnership) are the
services'; these only read what was typed."""

from django import forms

from assure.core.forms import DateInput
from assure.library.selectors import current_item, current_items

from .models import ChildDeath

DATE_ERRORS = {"invalid": "Enter a real date, for example 27 3 2015."}
ELSEWHERE = "elsewhere"
YES, NO, UNKNOWN = "yes", "no", ""
TRI_STATE = [(YES, "Yes"), (NO, "No"), (UNKNOWN, "Not known")]


def _definition(code: str) -> str:
    """A field's definition from the library's data set, for a hint."""
    item = current_item(kind="cdop-field", code=code)
    return item.data.get("definition", "") if item else ""


def _tri_state(label: str, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=TRI_STATE, required=False, widget=forms.RadioSelect, help_text=help_text
    )


def tri_state_initial(value: bool | None) -> str:
    return UNKNOWN if value is None else (YES if value else NO)


class DeathForm(forms.Form):
    """The manager's notification of a death; ``AgencyDeathForm`` drops the panel's own fields."""

    child_name = forms.CharField(
        label="The child's name",
        max_length=200,
        help_text="Family name, first and other names. Only the panel's members with the child death grant see it.",
        error_messages={"required": "Enter the child's name."},
    )
    date_of_birth = forms.DateField(
        label="Date of birth",
        widget=DateInput(),
        help_text="For the child's age at death and to find the same death notified twice.",
        error_messages={"required": "Enter the child's date of birth.", **DATE_ERRORS},
    )
    sex = forms.ChoiceField(
        label="Sex",
        choices=ChildDeath.Sex.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the child's sex."},
    )
    ethnicity = forms.ChoiceField(label="Ethnic group", required=False)
    home = forms.ChoiceField(
        label="Where the child lived",
        widget=forms.RadioSelect,
        help_text="A child who lived outside the panel's partnerships is passed to their home panel.",
        error_messages={"required": "Choose where the child lived."},
    )
    home_area = forms.CharField(
        label="The area where the child lived, if elsewhere",
        max_length=120,
        required=False,
        help_text="The local authority area only, for example Powys: never an address.",
    )
    date_of_death = forms.DateField(
        label="Date of death",
        widget=DateInput(),
        error_messages={"required": "Enter the date of death.", **DATE_ERRORS},
    )
    time_of_death = forms.TimeField(
        label="Time of death",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "Enter a time, for example 14:30."},
    )
    place_of_death = forms.ChoiceField(label="Place of death", required=False)
    expected = forms.ChoiceField(
        label="Was the death expected or unexpected?",
        choices=ChildDeath.Expected.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the death was expected or unexpected."},
    )
    designated_doctor_confirmed = _tri_state("Unexpected status confirmed by the designated doctor")
    post_mortem_required = _tri_state("Post-mortem examination required")
    certificate_issued = _tri_state("Death certificate issued")
    cause_on_certificate = forms.CharField(
        label="Known causes, as on the certificate",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Restricted: only the panel's members with the child death grant see it.",
    )
    circumstances = forms.CharField(
        label="Summary of the circumstances",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What is known, and any other review or action under way. Restricted.",
    )
    suspected_home_stillbirth = forms.BooleanField(label="A suspected stillbirth at home", required=False)
    notified_on = forms.DateField(
        label="The date notified",
        widget=DateInput(),
        help_text="The notification is completed as fully as possible within 24 hours of the death.",
        error_messages={"required": "Enter the date the death was notified.", **DATE_ERRORS},
    )
    notifier_name = forms.CharField(label="Notified by (name)", max_length=150, required=False)
    notifier_role = forms.CharField(label="Their role", max_length=150, required=False)
    notifier_agency = forms.ModelChoiceField(
        label="Their agency", queryset=None, required=False, empty_label="Not one of the panel's agencies"
    )
    agencies_involved = forms.ModelMultipleChoiceField(
        label="Agencies involved with the child",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The agencies the panel will ask for reports.",
    )
    jar_needed = forms.BooleanField(label="A joint agency response was needed", required=False)
    jar_met_on = forms.DateField(
        label="The date the joint agency response met",
        widget=DateInput(),
        required=False,
        error_messages=DATE_ERRORS,
    )

    TRI_STATE_FIELDS = ("designated_doctor_confirmed", "post_mortem_required", "certificate_issued")

    def __init__(self, *args, homes, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["home"].choices = [(str(p.pk), p.name) for p in homes] + [(ELSEWHERE, "Somewhere else")]
        self.fields["ethnicity"].choices = [("", "Not known")] + [
            (item.code, item.title) for item in current_items(kind="ethnic-group").order_by("position")
        ]
        self.fields["place_of_death"].choices = [("", "Not known")] + [
            (item.code, item.title) for item in current_items(kind="cdop-place").order_by("position")
        ]
        if "notifier_agency" in self.fields:
            self.fields["notifier_agency"].queryset = agencies
        self.fields["agencies_involved"].queryset = agencies
        self._homes = {str(p.pk): p for p in homes}
        if definition := _definition("characteristics-expected-or-unexpected"):
            self.fields["expected"].help_text = f"{definition}."

    def clean(self):
        data = super().clean()
        home = data.get("home")
        if home == ELSEWHERE and not (data.get("home_area") or "").strip():
            self.add_error("home_area", "Enter the area where the child lived.")
        return data

    def service_data(self) -> dict:
        """The cleaned values as the services take them."""
        data = dict(self.cleaned_data)
        data["home"] = self._homes.get(data.get("home"))
        if data["home"] is not None:
            data["home_area"] = ""
        for name in self.TRI_STATE_FIELDS:
            if name in data:
                data[name] = {YES: True, NO: False}.get(data[name])
        return data


class AgencyDeathForm(DeathForm):
    """The agency lead's notification: the panel records the joint agency response itself, and
    the notifier's agency is the lead's own."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("notifier_agency", "jar_needed", "jar_met_on"):
            del self.fields[name]


def initial_of(death: ChildDeath) -> dict:
    """A death's values as the form shows them."""
    initial = {name: getattr(death, name) for name in DeathForm.base_fields if hasattr(death, name)}
    initial["home"] = str(death.partnership_id) if death.partnership_id else ELSEWHERE
    initial["notifier_agency"] = death.notifier_agency_id
    initial["agencies_involved"] = list(death.agencies_involved.values_list("pk", flat=True))
    for name in DeathForm.TRI_STATE_FIELDS:
        initial[name] = tri_state_initial(getattr(death, name))
    return initial


class DuplicateForm(forms.Form):
    SAME, DIFFERENT = "same", "different"

    other = forms.ModelChoiceField(
        label="The death it may duplicate",
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Choose the other death."},
    )
    answer = forms.ChoiceField(
        label="Are they the same child?",
        widget=forms.RadioSelect,
        choices=[
            (SAME, "Yes: this death is a duplicate of the other, and is closed"),
            (DIFFERENT, "No: they are different children"),
        ],
        error_messages={"required": "Say whether they are the same child."},
    )

    def __init__(self, *args, candidates, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = candidates
        self.fields["other"].label_from_instance = lambda death: (
            f"{death.reference}, {death.get_status_display().lower()}, notified {death.notified_on:%-d %B %Y}"
        )


class PassOnForm(forms.Form):
    to_panel = forms.ModelChoiceField(
        label="The home panel, if it uses Assure",
        queryset=None,
        required=False,
        empty_label="Not a panel of Assure",
        help_text="The panel takes the death over and reviews it.",
    )
    to_name = forms.CharField(
        label="Or the name of the home panel outside Assure",
        max_length=200,
        required=False,
        help_text="For example Powys Child Death Overview Panel.",
    )
    passed_on_on = forms.DateField(
        label="The date passed on",
        widget=DateInput(),
        error_messages={"required": "Enter the date the death was passed on.", **DATE_ERRORS},
    )

    def __init__(self, *args, panels, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_panel"].queryset = panels
