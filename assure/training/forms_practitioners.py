"""The forms of practitioners: signing up from the public calendar, their own details, and the
business unit's decision on an organisation that is not one of the partnership's agencies. The
rules (a real organisation, a strong password, an agency of this partnership) are the services';
these only read what was typed."""

from django import forms

OTHER = "other"


def _organisation_choices(agencies) -> list[tuple[str, str]]:
    return (
        [("", "Choose your organisation")] + [(str(a.pk), a.name) for a in agencies] + [(OTHER, "Another organisation")]
    )


class OrganisationMixin:
    """An agency of the partnership, or "Another organisation" with its name."""

    def _organisation_fields(self, agencies) -> None:
        self.agencies = {str(a.pk): a for a in agencies}
        self.fields["organisation"] = forms.ChoiceField(
            label="Your organisation",
            choices=_organisation_choices(agencies),
            help_text="If yours is not listed, choose Another organisation and enter its name: the business unit "
            "will place it among the partnership's agencies.",
            error_messages={"required": "Choose your organisation.", "invalid_choice": "Choose your organisation."},
        )
        self.fields["other_organisation"] = forms.CharField(
            label="Your organisation's name, if it is not listed",
            max_length=200,
            required=False,
        )

    def organisation_values(self) -> dict:
        chosen = self.cleaned_data.get("organisation")
        if chosen == OTHER:
            return {"agency": None, "other_organisation": self.cleaned_data.get("other_organisation", "")}
        return {"agency": self.agencies.get(chosen), "other_organisation": ""}


class SignUpForm(OrganisationMixin, forms.Form):
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

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._organisation_fields(agencies)
        self.fields["job_role"] = forms.CharField(
            label="Your role",
            max_length=150,
            help_text="For example, health visitor, teacher, social worker.",
            error_messages={"required": "Enter your role."},
        )
        self.fields["manager_email"] = forms.EmailField(
            label="Your manager's e-mail address (optional)",
            required=False,
            help_text="Needed for courses your manager must approve: we e-mail them a link to approve each booking.",
            error_messages={"invalid": "Enter a real e-mail address for your manager."},
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
            "job_role": data["job_role"],
            "manager_email": data.get("manager_email", ""),
            **self.organisation_values(),
        }


class DetailsForm(OrganisationMixin, forms.Form):
    job_role = forms.CharField(label="Your role", max_length=150, error_messages={"required": "Enter your role."})
    manager_email = forms.EmailField(
        label="Your manager's e-mail address (optional)",
        required=False,
        help_text="Needed for courses your manager must approve.",
        error_messages={"invalid": "Enter a real e-mail address for your manager."},
    )

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._organisation_fields(agencies)

    def service_values(self) -> dict:
        return {
            "job_role": self.cleaned_data["job_role"],
            "manager_email": self.cleaned_data.get("manager_email", ""),
            **self.organisation_values(),
        }


def details_initial(practitioner) -> dict:
    return {
        "job_role": practitioner.job_role,
        "manager_email": practitioner.manager_email,
        "organisation": str(practitioner.agency_id) if practitioner.agency_id else OTHER,
        "other_organisation": practitioner.other_organisation,
    }


class PlaceForm(forms.Form):
    PLACE, REFUSE = "place", "refuse"

    decision = forms.ChoiceField(
        label="What do you decide?",
        widget=forms.RadioSelect,
        choices=[
            (PLACE, "Place the organisation in one of the partnership's agencies"),
            (REFUSE, "Refuse it: the practitioner cannot book the partnership's training"),
        ],
        error_messages={"required": "Choose whether to place or refuse the organisation."},
    )
    reason = forms.CharField(
        label="Why it is refused (if you refuse it)",
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The practitioner is told this by e-mail.",
    )

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {str(a.pk): a for a in agencies}
        self.fields["agency"] = forms.ChoiceField(
            label="The agency (if you place it)",
            required=False,
            choices=[("", "Choose an agency")] + [(str(a.pk), a.name) for a in agencies],
        )
        self.order_fields(["decision", "agency", "reason"])

    def chosen_agency(self):
        return self.agencies.get(self.cleaned_data.get("agency") or "")
