"""The forms of a referral to the designated officer: the officer's record (and its corrections),
the employer's form an agency lead fills in, the public form, and declining a draft. The rules
(dates in order, library codes, children's ages and references) are the services'; these only
read what was typed.

The children are a short repeated set of rows (age and agency reference), as many as are needed up
to six: "Add another child" sends the form back with one more row, without JavaScript."""

from django import forms
from django.forms.utils import ErrorDict

from assure.core.forms import DateInput, attach

from .models import Referral
from .selectors.referrals import library_choices

DATE_ERRORS = {"invalid": "Enter a real date, for example 27 3 2015."}
MAX_CHILDREN = 6
ADD_CHILD = "add_child"
OFFICER, EDIT, AGENCY, PUBLIC = "officer", "edit", "agency", "public"
NONE = ""


def _date(label: str, help_text: str = "", required: bool = True, required_message: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DateInput(),
        required=required,
        help_text=help_text,
        error_messages={"required": required_message, **DATE_ERRORS},
    )


class ReferralForm(forms.Form):
    """Every field of a referral as the officer records it. ``variant`` drops what the others do
    not ask: the officer's corrections leave the person to the person's page; the employer's
    forms leave the date referred (the day sent) and the employer's agency to Assure."""

    date_known = _date(
        "The date the employer knew",
        "When the allegation came to the employer's attention. The employer refers it to the designated officer "
        "within one working day.",
        required_message="Enter the date the employer knew of the allegation.",
    )
    date_referred = _date(
        "The date referred to the designated officer",
        required_message="Enter the date the allegation was referred to the designated officer.",
    )
    referrer_name = forms.CharField(
        label="Referred by (name)", max_length=150, error_messages={"required": "Enter the referrer's name."}
    )
    referrer_role = forms.CharField(label="Their role", max_length=150, required=False)
    referrer_organisation = forms.CharField(label="Their organisation", max_length=200, required=False)
    referrer_email = forms.EmailField(
        label="Their e-mail address",
        max_length=254,
        required=False,
        error_messages={"invalid": "Enter an e-mail address like name@school.org.uk."},
    )
    referrer_phone = forms.CharField(label="Their telephone number", max_length=40, required=False)
    employer_name = forms.CharField(
        label="The employer",
        max_length=200,
        help_text="The organisation the person works or volunteers for, for example Severnside Primary School.",
        error_messages={"required": "Enter the name of the employer."},
    )
    employer_agency = forms.ChoiceField(
        label="The employer is one of the partnership's agencies", required=False, help_text=""
    )
    sector = forms.ChoiceField(label="The employer's sector", error_messages={"required": "Choose the sector."})
    given_names = forms.CharField(
        label="The person's given names",
        max_length=150,
        help_text="Restricted: only the designated officer sees the name, to find repeat referrals about the same "
        "person.",
        error_messages={"required": "Enter the given names of the person the allegation is about."},
    )
    family_name = forms.CharField(
        label="The person's family name",
        max_length=150,
        error_messages={"required": "Enter the family name of the person the allegation is about."},
    )
    date_of_birth = _date("The person's date of birth", "Restricted. Leave it blank if it is not known.", False)
    person_role = forms.CharField(
        label="The person's role",
        max_length=150,
        help_text="For example teaching assistant, football coach, foster carer.",
        error_messages={"required": "Enter the person's role."},
    )
    employment_basis = forms.ChoiceField(
        label="How the person works with children",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the person works with children."},
    )
    category = forms.ChoiceField(
        label="The category",
        widget=forms.RadioSelect,
        help_text="A low-level concern is recorded, but it is not an allegation.",
        error_messages={"required": "Choose the category of the allegation."},
    )
    harm_tests = forms.MultipleChoiceField(
        label="The harm tests it meets",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Choose every one that applies. A low-level concern meets none.",
    )
    context = forms.ChoiceField(label="Where the behaviour took place", widget=forms.RadioSelect, required=False)
    description = forms.CharField(
        label="What was alleged",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What happened, when and where, and who saw it. Name the children only by their age and "
        "reference below. Restricted: only the designated officer sees it.",
        error_messages={"required": "Say what was alleged."},
    )

    PERSON = ("given_names", "family_name", "date_of_birth")
    DATES = ("date_known", "date_referred")
    REFERRAL = (
        "referrer_name",
        "referrer_role",
        "referrer_organisation",
        "referrer_email",
        "referrer_phone",
    )
    SECTIONS = (
        ("The employer", ("employer_name", "employer_agency", "sector")),
        ("The person the allegation is about", (*PERSON, "person_role", "employment_basis")),
        ("The allegation", ("category", "harm_tests", "context", "description")),
    )

    def __init__(self, *args, variant: str = OFFICER, agencies=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.variant = variant
        for number in range(1, MAX_CHILDREN + 1):
            self.fields[f"child_{number}_age"] = forms.IntegerField(
                label="Age in years",
                required=False,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
                error_messages={"invalid": f"Enter child {number}'s age in whole years, like 8."},
            )
            # Needed for every child given (the services say so), so never labelled optional.
            self.fields[f"child_{number}_age"].optional_label = False
            self.fields[f"child_{number}_reference"] = forms.CharField(
                label="Agency reference",
                required=False,
                max_length=40,
                widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
                help_text="The reference children's social care or another agency holds the child by. Never a name "
                "or a date of birth.",
            )
        self.fields["sector"].choices = [(NONE, "Choose the sector")] + library_choices("lado-sector")
        self.fields["employment_basis"].choices = library_choices("lado-employment-basis")
        self.fields["category"].choices = library_choices("lado-category")
        self.fields["harm_tests"].choices = library_choices("lado-harm-test")
        self.fields["context"].choices = [(NONE, "Not known")] + library_choices("lado-context")
        self._agencies = {str(agency.pk): agency for agency in agencies}
        self.fields["employer_agency"].choices = [(NONE, "No, or not known")] + [
            (key, agency.name) for key, agency in self._agencies.items()
        ]
        if variant == EDIT:
            for name in self.PERSON:
                del self.fields[name]
        if variant in (AGENCY, PUBLIC):
            del self.fields["date_referred"]
            del self.fields["employer_agency"]
        if variant == AGENCY:
            self.fields["referrer_name"].label = "Your name"
            self.fields["referrer_role"].label = "Your role"
            self.fields["referrer_email"].label = "Your e-mail address"
            self.fields["referrer_phone"].label = "Your telephone number"
            del self.fields["referrer_organisation"]
        if variant == PUBLIC:
            self.fields["referrer_name"].label = "Your name"
            self.fields["referrer_role"].label = "Your role"
            self.fields["referrer_organisation"].label = "Your organisation"
            self.fields["referrer_organisation"].required = True
            self.fields["referrer_organisation"].error_messages["required"] = "Enter your organisation."
            self.fields["referrer_email"].label = "Your work e-mail address"
            self.fields["referrer_email"].required = True
            self.fields["referrer_email"].help_text = "We send a link there to confirm the referral."
            self.fields["referrer_email"].error_messages["required"] = "Enter your work e-mail address."
            self.fields["referrer_phone"].label = "Your telephone number"
        self.adding_child = bool(self.is_bound and ADD_CHILD in self.data)
        self.child_rows_shown = self._rows_shown()
        self._rows_used: list[int] = []

    def full_clean(self) -> None:
        """A form sent back for another child's row is drawn again as it was, without errors."""
        if self.adding_child:
            self._errors, self.cleaned_data = ErrorDict(), {}
            return
        super().full_clean()

    def is_valid(self) -> bool:
        return not self.adding_child and super().is_valid()

    # --- the children's rows -------------------------------------------------------------------------

    def _rows_shown(self) -> int:
        """How many rows of children the form shows: as many as were asked for (one more when
        "Add another child" was pressed), and never fewer than those filled in."""
        if self.is_bound:
            try:
                asked = int(self.data.get("child_rows") or 1)
            except (TypeError, ValueError):
                asked = 1
            filled = [
                number
                for number in range(1, MAX_CHILDREN + 1)
                if (self.data.get(f"child_{number}_age") or "").strip()
                or (self.data.get(f"child_{number}_reference") or "").strip()
            ]
            shown = max([asked + (1 if self.adding_child else 0), *filled])
        else:
            shown = int(self.initial.get("child_rows") or 1)
        return max(1, min(MAX_CHILDREN, shown))

    def children_rows(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        """(number, age field, reference field) of each row shown."""
        return [
            (number, self[f"child_{number}_age"], self[f"child_{number}_reference"])
            for number in range(1, self.child_rows_shown + 1)
        ]

    @property
    def may_add_child(self) -> bool:
        return self.child_rows_shown < MAX_CHILDREN

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The form's parts, each with a heading and the fields of it this variant asks."""
        employer_form = self.variant in (AGENCY, PUBLIC)
        first = ("About you", self.REFERRAL) if employer_form else ("The referral", (*self.DATES, *self.REFERRAL))
        parts = [first, *self.SECTIONS]
        if employer_form:
            heading, names = parts[-1]
            parts[-1] = (heading, (*self.DATES, *names))
        found = []
        for heading, names in parts:
            fields = [self[name] for name in names if name in self.fields]
            if fields:
                found.append((heading, fields))
        return found

    # --- what the services take -----------------------------------------------------------------------

    def service_values(self) -> tuple[dict, list[dict]]:
        """The referral's values and the children, as the services take them."""
        data = self.cleaned_data
        values = {
            name: data.get(name)
            for name in self.fields
            if not name.startswith("child_") and name not in ("employer_agency",)
        }
        values["harm_tests"] = list(data.get("harm_tests") or [])
        values["context"] = data.get("context") or ""
        for name in ("referrer_role", "referrer_organisation", "referrer_email", "referrer_phone"):
            if name in values:
                values[name] = values[name] or ""
        if "employer_agency" in self.fields:
            values["employer_agency"] = self._agencies.get(data.get("employer_agency") or "")
        children, self._rows_used = [], []
        for number in range(1, MAX_CHILDREN + 1):
            age, reference = data.get(f"child_{number}_age"), (data.get(f"child_{number}_reference") or "").strip()
            if age is None and not reference:
                continue
            self._rows_used.append(number)
            children.append({"age_years": age, "agency_reference": reference})
        return values, children

    def attach(self, error) -> None:
        """Show a service's errors: a child's against its own row (the services count the children
        given, the form its rows), "at least one child" against the first row's age."""
        if not hasattr(error, "error_dict"):
            attach(self, error)
            return
        rows = self._rows_used
        for name, texts in error.message_dict.items():
            target = name
            if name == "children":
                target = "child_1_age"
            elif name.startswith("child_"):
                _, number, part = name.split("_", 2)
                if number.isdigit() and 0 < int(number) <= len(rows):
                    target = f"child_{rows[int(number) - 1]}_{part}"
            self.add_error(target if target in self.fields else None, texts)


def initial_of(referral: Referral) -> dict:
    """A referral's values as the officer's form shows them."""
    initial = {name: getattr(referral, name) for name in ReferralForm.base_fields if hasattr(referral, name)}
    initial["employer_agency"] = str(referral.employer_agency_id) if referral.employer_agency_id else NONE
    initial["harm_tests"] = list(referral.harm_tests or [])
    children = list(referral.children.order_by("pk"))
    for number, child in enumerate(children[:MAX_CHILDREN], start=1):
        initial[f"child_{number}_age"] = child.age_years
        initial[f"child_{number}_reference"] = child.agency_reference
    # Not a field: the form reads it to show a row for each child recorded.
    initial["child_rows"] = max(1, min(MAX_CHILDREN, len(children)))
    return initial


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Why the referral is declined",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example: not a matter for the designated officer, or already referred as another "
        "referral. Kept on the referral.",
        error_messages={"required": "Give a reason to decline the referral."},
    )
