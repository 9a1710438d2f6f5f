"""The forms of private providers: signing up on the public page, the business unit's check of a
provider and the filters of its list, and a placement notification's fields. The rules (a strong
password, an Ofsted number's shape, an entry that names no child) are the services' and
``fields.parse_entry``'s; these only read what was typed."""

import django_filters
from django import forms

from assure.core.forms import DateInput

from .fields import sex_choices
from .kinds import RegisterKind
from .models import Provider
from .selectors.providers import provider_search_q

# --- signing up -------------------------------------------------------------------------------


class SignUpForm(forms.Form):
    full_name = forms.CharField(label="Full name", max_length=150, error_messages={"required": "Enter your full name."})
    email = forms.EmailField(
        label="Work e-mail address",
        help_text="We send a link to this address to confirm it is yours. Use your work address.",
        error_messages={"required": "Enter your work e-mail address.", "invalid": "Enter a real e-mail address."},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    password1 = forms.CharField(
        label="Password",
        strip=False,
        help_text="At least 12 characters; not a common password, and not like your name or e-mail address.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Choose a password."},
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter your password again."},
    )
    organisation = forms.CharField(
        label="The provider",
        max_length=200,
        help_text="The company or charity that runs your homes.",
        error_messages={"required": "Enter the name of the company or charity that runs your homes."},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    homes = forms.CharField(
        label="Your homes in the area (optional)",
        required=False,
        help_text="The children's homes you notify placements for, one a line.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    ofsted_urn = forms.CharField(
        label="Ofsted unique reference number (optional)",
        max_length=20,
        required=False,
        help_text="As it is on the home's inspection report, like SC123456.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
    job_role = forms.CharField(
        label="Your role",
        max_length=150,
        help_text="For example, registered manager, responsible individual.",
        error_messages={"required": "Enter your role."},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password2") and cleaned["password1"] != cleaned["password2"]:
            self.add_error("password2", "The two passwords are not the same.")
        return cleaned

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {
            "full_name": data["full_name"],
            "email": data["email"],
            "password": data["password1"],
            "organisation": data["organisation"],
            "homes": data.get("homes", ""),
            "ofsted_urn": data.get("ofsted_urn", ""),
            "job_role": data["job_role"],
        }


# --- the business unit's check ----------------------------------------------------------------


class ReviewForm(forms.Form):
    VERIFY, REFUSE = "verify", "refuse"

    decision = forms.ChoiceField(
        label="What do you decide?",
        widget=forms.RadioSelect,
        choices=[
            (VERIFY, "Verify the provider: they may notify placements"),
            (REFUSE, "Refuse the provider: they cannot notify through Assure"),
        ],
        error_messages={"required": "Choose whether to verify or refuse the provider."},
    )
    reason = forms.CharField(
        label="Why the provider is refused (if you refuse them)",
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The provider is told this by e-mail.",
    )


class ProviderFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Provider, person, e-mail or Ofsted number", method="search")
    status = django_filters.ChoiceFilter(
        label="Status", empty_label="Every provider", field_name="status", choices=Provider.Status.choices
    )

    class Meta:
        model = Provider
        fields: list[str] = []

    def search(self, queryset, name, value):
        value = (value or "").strip()
        return queryset.filter(provider_search_q(value)) if value else queryset


# --- a placement notification -----------------------------------------------------------------

IDENTIFIERS = {
    "age": ("The child's age in years", "Their age now, in whole years."),
    "birth_month": ("The child's month of birth", "The month and year only, like 2003-04: never the day."),
    "sex": ("The child's sex", ""),
    "area": ("The area of the home", "An area of the partnership, like North or Shrewsbury: never an address."),
}
YES_NO = [("yes", "Yes"), ("no", "No")]


def _field_for(field) -> forms.Field:
    """A form field for one of the kind's fields, by its type. Every one is optional here:
    ``parse_entry`` says what is missing or wrong, in the register's words."""
    common = {"label": field.label, "help_text": field.help, "required": False}
    choices = [(choice.code, choice.label) for choice in field.choices]
    if field.type == "yes-no":
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    if field.type == "single":
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if field.type == "multiple":
        return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)
    if field.type == "date":
        return forms.CharField(widget=DateInput(), **common)
    if field.type == "datetime":
        return forms.CharField(widget=forms.DateTimeInput(attrs={"type": "datetime-local"}), **common)
    if field.type == "time":
        return forms.CharField(
            widget=forms.TimeInput(attrs={"type": "time", "class": "govuk-input--width-5"}), **common
        )
    if field.type == "number":
        return forms.CharField(
            widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}), **common
        )
    if field.type == "long-text":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), **common)
    return forms.CharField(max_length=200, **common)


class NotificationForm(forms.Form):
    """The child's identifiers the kind asks for (never a name), the provider's own reference for
    them, and the kind's fields."""

    agency_reference = forms.CharField(
        label="Your reference for the child",
        max_length=40,
        required=False,
        help_text="The reference your home uses for the child, like RCH-0042: never their name or initials.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )

    def __init__(self, *args, kind: RegisterKind, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        asked = {code.replace("-", "_") for code in kind.spec.identifiers}
        for code in ("age", "birth_month", "sex", "area"):
            if code not in asked:
                continue
            label, help_text = IDENTIFIERS[code]
            if code == "sex":
                self.fields[code] = forms.ChoiceField(
                    label=label, choices=sex_choices(), widget=forms.RadioSelect, required=False
                )
            elif code == "age":
                self.fields[code] = forms.CharField(
                    label=label,
                    help_text=help_text,
                    required=False,
                    widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
                )
            elif code == "birth_month":
                self.fields[code] = forms.CharField(
                    label=label,
                    help_text=help_text,
                    required=False,
                    widget=forms.TextInput(attrs={"type": "month", "class": "govuk-input--width-10"}),
                )
            else:
                self.fields[code] = forms.CharField(label=label, help_text=help_text, max_length=80, required=False)
        for field in kind.spec.fields:
            self.fields[field.code] = _field_for(field)

    def raw(self) -> dict:
        """What was typed, by the keys ``parse_entry`` reads (a date and time as "yyyy-mm-dd
        HH:MM")."""
        raw: dict = {}
        for name in self.fields:
            value = self.cleaned_data.get(name)
            if isinstance(value, str):
                field = self.kind.field(name)
                if field is not None and field.type == "datetime":
                    value = value.replace("T", " ")
            raw[name] = value if value is not None else ""
        return raw
