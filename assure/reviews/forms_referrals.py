"""The case consideration's forms: the referral (a member's and the public one), the business
unit's acknowledgement and record of the subgroup's consideration, the chair's decision and a
withdrawal. They collect what was typed; the rules live in the services, whose ValidationErrors
are shown against the fields they name. No form asks for the child's name or date of birth: the
child is known by the lead agency's case reference and age."""

from django import forms

from assure.core.forms import DateInput
from assure.questionnaires.identifying import identifying_warning

NO_CHILDREN = "Do not name the child or the family, or give a date of birth."
OTHER = "other"


class ReferralForm(forms.Form):
    referrer_name = forms.CharField(label="Your name", max_length=200, error_messages={"required": "Enter your name."})
    referrer_email = forms.EmailField(
        label="Your work e-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your work e-mail address.",
            "invalid": "Enter an e-mail address like name@agency.org.uk.",
        },
    )
    referrer_role = forms.CharField(
        label="Your role",
        max_length=200,
        help_text="For example, health visitor, designated safeguarding lead or social worker.",
        error_messages={"required": "Enter your role."},
    )
    referrer_agency = forms.ChoiceField(
        label="Your agency", error_messages={"required": "Choose your agency, or 'Another organisation'."}
    )
    referrer_agency_other = forms.CharField(
        label="Your organisation, if it is not listed", max_length=200, required=False
    )
    route = forms.ChoiceField(
        label="Why should the case be considered?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why the case should be considered."},
    )
    lead_agency = forms.ChoiceField(
        label="Lead agency",
        help_text="The agency whose case reference identifies the child.",
        error_messages={"required": "Choose the lead agency."},
    )
    case_reference = forms.CharField(
        label="The lead agency's case reference",
        max_length=40,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
        help_text=f"The number the lead agency finds the child's record by. {NO_CHILDREN}",
        error_messages={"required": "Enter the lead agency's case reference for the child."},
    )
    child_age_years = forms.IntegerField(
        label="The child's age in years",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter the child's age in years.",
            "invalid": "Enter the child's age as a whole number, like 7.",
        },
    )
    agencies_involved = forms.MultipleChoiceField(
        label="Agencies involved with the child and family",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reasons = forms.CharField(
        label="Why the case meets the route you chose",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"What happened and what concerns you about how agencies worked together. {NO_CHILDREN}",
        error_messages={"required": "Say why the case meets the route you chose."},
    )
    chronology = forms.CharField(
        label="A short chronology of the agencies' involvement",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=f"Month and year, the agency, and what it did: one line each. {NO_CHILDREN}",
        error_messages={"required": "Give a short chronology of the agencies' involvement."},
    )
    # Set when the person has seen the warning that their text may name a child and keeps it.
    warned = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, agencies, routes, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {str(agency.pk): agency for agency in agencies}
        names = [(key, agency.name) for key, agency in self.agencies.items()]
        self.fields["referrer_agency"].choices = [
            ("", "Choose your agency"),
            *names,
            (OTHER, "Another organisation, not listed"),
        ]
        self.fields["lead_agency"].choices = [("", "Choose the lead agency"), *names]
        self.fields["agencies_involved"].choices = names
        self.fields["route"].choices = routes

    def service_values(self) -> dict:
        """What the referral services take, from what was typed."""
        data = self.cleaned_data
        chosen = data.get("referrer_agency")
        return {
            "referrer_name": data["referrer_name"],
            "referrer_email": data["referrer_email"],
            "referrer_role": data["referrer_role"],
            "referrer_agency": self.agencies.get(chosen) if chosen != OTHER else None,
            "referrer_agency_other": data.get("referrer_agency_other", "") if chosen == OTHER else "",
            "route": data["route"],
            "lead_agency": self.agencies.get(data.get("lead_agency") or ""),
            "case_reference": data["case_reference"],
            "child_age_years": data["child_age_years"],
            "agencies_involved": [
                self.agencies[key] for key in data.get("agencies_involved", []) if key in self.agencies
            ],
            "reasons": data["reasons"],
            "chronology": data["chronology"],
        }

    def warnings(self) -> dict[str, str]:
        """The free text that looks as if it names a child or gives a date of birth, by field."""
        known = [agency.name for agency in self.agencies.values()]
        found = {}
        for name in ("reasons", "chronology"):
            warning = identifying_warning(self.cleaned_data.get(name, ""), known=known)
            if warning:
                found[name] = warning
        return found

    @staticmethod
    def initial_for(user, agency=None) -> dict:
        """A member's form starts from their own name, address and agency."""
        return {
            "referrer_name": user.full_name,
            "referrer_email": user.email,
            "referrer_agency": str(agency.pk) if agency is not None else "",
        }


class ConsiderForm(forms.Form):
    meeting = forms.ChoiceField(
        label="The meeting that considered the case",
        help_text="A meeting of the learning and improvement subgroup, or of the board.",
        error_messages={"required": "Choose the meeting that considered the case."},
    )
    recommendation = forms.ChoiceField(
        label="What the meeting recommends to the chair",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the decision the meeting recommends."},
    )
    notes = forms.CharField(
        label="The meeting's reasons",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"Why the meeting recommends it, for the chair. {NO_CHILDREN}",
    )

    def __init__(self, *args, meetings, decisions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meetings = {str(meeting.pk): meeting for meeting in meetings}
        self.fields["meeting"].choices = [
            ("", "Choose the meeting"),
            *((key, f"{meeting.body_name}, {meeting.held_on:%-d %B %Y}") for key, meeting in self.meetings.items()),
        ]
        self.fields["recommendation"].choices = decisions

    def chosen_meeting(self):
        return self.meetings.get(self.cleaned_data.get("meeting") or "")


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision", widget=forms.RadioSelect, error_messages={"required": "Choose the decision."}
    )
    reasons = forms.CharField(
        label="Your reasons",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"They are sent to the referrer in the decision letter. {NO_CHILDREN}",
        error_messages={"required": "Give the reasons for the decision: the referrer is sent them."},
    )
    decided_on = forms.DateField(
        label="Date of the decision",
        widget=DateInput,
        error_messages={"required": "Enter the date of the decision.", "invalid": "Enter a real date."},
    )
    title = forms.CharField(
        label="Title of the review, if the decision commissions one",
        required=False,
        max_length=200,
        help_text="A title that identifies nobody. Leave it blank for the review type and this referral's number.",
    )

    def __init__(self, *args, decisions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = decisions


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the referral withdrawn?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The referrer is told this reason.",
        error_messages={"required": "Say why the referral is withdrawn: the referrer is told."},
    )
