"""Forms of the partnership's pages. They turn input into values; the rules (sector matching the
type, unique names, amounts above zero, financial years) live in the services, whose errors the
views attach to these forms."""

from django import forms

from assure.core.forms import DateInput
from assure.library.selectors import current_item, current_items

from .hooks import local_authorities
from .models import Agency, Attendance, Partnership, Subgroup
from .selectors import AttendanceLine
from .services import AttendanceEntry

YEAR_HINT = "The financial year, April to March, like 2014-15."
AMOUNT_ERRORS = {
    "invalid": "Enter the amount in pounds, like 1250.50.",
    "max_decimal_places": "Enter the amount in pounds and pence, with no more than 2 decimal places.",
    "max_digits": "Enter an amount under £10,000,000,000.",
    "max_whole_digits": "Enter an amount under £10,000,000,000.",
    "required": "Enter the amount.",
}


class LibraryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title


class AgencyForm(forms.Form):
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the agency's name."})
    agency_type = LibraryChoiceField(
        label="Type of agency",
        queryset=None,
        empty_label="Choose a type",
        error_messages={"required": "Choose the type of agency."},
    )
    sector = LibraryChoiceField(
        label="Sector",
        queryset=None,
        empty_label="Choose a sector",
        help_text="The sector the type belongs to: Health for an NHS trust, Criminal justice for probation.",
        error_messages={"required": "Choose the agency's sector."},
    )
    on_board = forms.BooleanField(
        label="Represented on the board", required=False, help_text="Board meetings expect agencies with a seat."
    )
    partnerships = forms.ModelMultipleChoiceField(
        label="Other partnerships it works with",
        queryset=Partnership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only partnerships you manage are listed.",
    )

    def __init__(self, *args, partnership: Partnership, managed: list[Partnership], agency: Agency | None = None, **kw):
        initial = agency_initial(agency, partnership, managed) if agency is not None else {"on_board": True}
        kw["initial"] = {**initial, **kw.get("initial", {})}
        super().__init__(*args, **kw)
        self.fields["agency_type"].queryset = current_items(kind="agency-type")
        self.fields["sector"].queryset = current_items(kind="sector")
        others = [p.pk for p in managed if p.pk != partnership.pk]
        if others:
            self.fields["partnerships"].queryset = Partnership.objects.filter(pk__in=others).order_by("name")
        else:
            del self.fields["partnerships"]

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "agency_type": data["agency_type"],
            "sector": data["sector"],
            "on_board": data["on_board"],
            "partnerships": list(data.get("partnerships") or []),
        }


def agency_initial(agency: Agency, partnership: Partnership, managed: list[Partnership]) -> dict:
    """The agency's values, with its type and sector as items of the library's current version
    (the choices the form offers)."""
    agency_type = current_item(kind="agency-type", code=agency.agency_type.code)
    sector = current_item(kind="sector", code=agency.sector.code)
    links = {link.partnership_id: link for link in agency.partnership_links.all()}
    here = links.get(partnership.pk)
    return {
        "name": agency.name,
        "agency_type": agency_type.pk if agency_type else None,
        "sector": sector.pk if sector else None,
        "on_board": here.on_board if here else True,
        "partnerships": [
            p.pk for p in managed if p.pk in links and links[p.pk].left_on is None and p.pk != partnership.pk
        ],
    }


class SubgroupForm(forms.Form):
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the subgroup's name."})
    purpose = forms.CharField(max_length=300, required=False)
    terms_of_reference = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), required=False)
    terms_reviewed_on = forms.DateField(
        label="Terms of reference last reviewed",
        required=False,
        widget=DateInput,
        error_messages={"invalid": "Enter a real date, like 31 March 2015."},
    )
    chair = forms.CharField(max_length=150, required=False, help_text="Name and role of the chair.")
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies expected to attend",
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_active = forms.BooleanField(label="Active", required=False, initial=True)

    def __init__(self, *args, agencies, subgroup: Subgroup | None = None, **kw):
        if subgroup is not None:
            kw.setdefault(
                "initial",
                {
                    "name": subgroup.name,
                    "purpose": subgroup.purpose,
                    "terms_of_reference": subgroup.terms_of_reference,
                    "terms_reviewed_on": subgroup.terms_reviewed_on,
                    "chair": subgroup.chair,
                    "agencies": [a.pk for a in subgroup.agencies.all()],
                    "is_active": subgroup.is_active,
                },
            )
        super().__init__(*args, **kw)
        self.fields["agencies"].queryset = agencies

    def service_values(self) -> dict:
        return {**self.cleaned_data, "agencies": list(self.cleaned_data["agencies"])}


class MeetingForm(forms.Form):
    subgroup = forms.ModelChoiceField(
        label="Meeting of", queryset=Subgroup.objects.none(), required=False, empty_label="The board"
    )
    held_on = forms.DateField(
        label="Date",
        widget=DateInput,
        error_messages={
            "required": "Enter the date of the meeting.",
            "invalid": "Enter a real date, like 12 June 2014.",
        },
    )
    title = forms.CharField(max_length=200, required=False)
    location = forms.CharField(max_length=200, required=False)
    notes = forms.CharField(
        label="Public notes",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="Seen by every member. Put confidential matters in a confidential item instead.",
    )

    def __init__(self, *args, subgroups, meeting=None, **kw):
        if meeting is not None:
            kw.setdefault(
                "initial",
                {
                    "subgroup": meeting.subgroup_id,
                    "held_on": meeting.held_on,
                    "title": meeting.title,
                    "location": meeting.location,
                    "notes": meeting.notes,
                },
            )
        super().__init__(*args, **kw)
        self.fields["subgroup"].queryset = subgroups


class AttendanceForm(forms.Form):
    """One line per expected agency: whether it attended, and who represented it."""

    STATUS_CHOICES = [("", "Not recorded"), *Attendance.Status.choices]

    def __init__(self, *args, lines: list[AttendanceLine], **kw):
        self.lines = lines
        initial = {}
        for line in lines:
            if line.attendance is not None:
                initial[f"status_{line.agency.pk}"] = line.attendance.status
                initial[f"representative_{line.agency.pk}"] = line.attendance.representative
        kw.setdefault("initial", initial)
        super().__init__(*args, **kw)
        for line in lines:
            self.fields[f"status_{line.agency.pk}"] = forms.ChoiceField(
                label=f"Attendance of {line.agency.name}", choices=self.STATUS_CHOICES, required=False
            )
            self.fields[f"representative_{line.agency.pk}"] = forms.CharField(
                label=f"Representative of {line.agency.name}", max_length=150, required=False
            )

    def rows(self):
        """(agency, status field, representative field) for each line, in order."""
        for line in self.lines:
            yield line.agency, self[f"status_{line.agency.pk}"], self[f"representative_{line.agency.pk}"]

    def entries(self) -> list[AttendanceEntry]:
        data = self.cleaned_data
        return [
            AttendanceEntry(
                agency=line.agency,
                status=data.get(f"status_{line.agency.pk}") or "",
                representative=data.get(f"representative_{line.agency.pk}") or "",
            )
            for line in self.lines
        ]


class ConfidentialMinuteForm(forms.Form):
    heading = forms.CharField(
        max_length=200,
        help_text="Shown to people who may read confidential minutes. Do not name a child.",
        error_messages={"required": "Enter a heading for the confidential item."},
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Enter the text of the confidential item."},
    )


def _amount_field(label: str = "Amount in pounds", **kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10", "spellcheck": "false"}),
        error_messages=AMOUNT_ERRORS,
        **kwargs,
    )


def _year_field() -> forms.CharField:
    return forms.CharField(
        label="Financial year",
        max_length=7,
        help_text=YEAR_HINT,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={"required": "Enter the financial year like 2014-15."},
    )


class ContributionForm(forms.Form):
    year = _year_field()
    agency = forms.ModelChoiceField(
        label="Contributing agency",
        queryset=Agency.objects.none(),
        required=False,
        empty_label="Not an agency",
    )
    source = forms.CharField(
        label="Other source of income",
        max_length=200,
        required=False,
        help_text="When the money is not from an agency, such as a grant or training income.",
    )
    amount = _amount_field()
    note = forms.CharField(max_length=300, required=False)

    def __init__(self, *args, agencies, contribution=None, year: str = "", **kw):
        if contribution is not None:
            kw.setdefault(
                "initial",
                {
                    "year": contribution.year,
                    "agency": contribution.agency_id,
                    "source": contribution.source,
                    "amount": contribution.amount,
                    "note": contribution.note,
                },
            )
        else:
            kw.setdefault("initial", {"year": year})
        super().__init__(*args, **kw)
        self.fields["agency"].queryset = agencies


class ExpenditureForm(forms.Form):
    year = _year_field()
    line = forms.CharField(
        label="What the money was spent on",
        max_length=200,
        error_messages={"required": "Enter what the money was spent on."},
    )
    planned = _amount_field(
        "Planned for the year, in pounds", required=False, help_text="The budget set for this line."
    )
    amount = _amount_field("Spent so far, in pounds", help_text="Enter 0 if nothing has been spent yet.")
    forecast = _amount_field(
        "Forecast for the whole year, in pounds",
        required=False,
        help_text="What you expect the line to cost by 31 March. Leave it empty and Assure projects the "
        "spending so far to the end of the year.",
    )
    note = forms.CharField(max_length=300, required=False)

    def __init__(self, *args, expenditure=None, year: str = "", **kw):
        if expenditure is not None:
            kw.setdefault(
                "initial",
                {
                    "year": expenditure.year,
                    "line": expenditure.line,
                    "planned": expenditure.planned,
                    "amount": expenditure.amount,
                    "forecast": expenditure.forecast,
                    "note": expenditure.note,
                },
            )
        else:
            kw.setdefault("initial", {"year": year})
        super().__init__(*args, **kw)


class PartnershipForm(forms.Form):
    """The operator's form for a new partnership; the local authorities offered are those Assure
    holds (see ``hooks.local_authorities``)."""

    name = forms.CharField(max_length=200, error_messages={"required": "Enter the partnership's name."})
    short_name = forms.CharField(
        max_length=30,
        help_text="Used in headings, like SSCP.",
        error_messages={"required": "Enter the partnership's short name, like SSCP."},
    )
    slug = forms.SlugField(
        label="Address name",
        required=False,
        max_length=50,
        help_text="Used in the partnership's addresses. Leave it empty to make it from the name.",
    )
    area_code = forms.ChoiceField(
        label="Local authority", error_messages={"required": "Choose the local authority the partnership covers."}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area_code"].choices = [("", "Choose a local authority")] + [
            (la.ons_code, str(la)) for la in local_authorities()
        ]


class BusinessUnitInviteForm(forms.Form):
    full_name = forms.CharField(max_length=150, error_messages={"required": "Enter the person's full name."})
    email = forms.EmailField(
        label="E-mail address",
        error_messages={
            "required": "Enter the person's e-mail address.",
            "invalid": "Enter an e-mail address like name@example.org.",
        },
    )
