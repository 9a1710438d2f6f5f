"""The business plan's forms. They collect what was typed; the rules live in the services, whose
ValidationErrors are shown against the fields they name."""

from django import forms

from assure.core.forms import DateInput

from .models import Objective, Plan, Priority, PriorityReview

POSITION_HINT = (
    "Shown in order of position, lowest first. Leave empty to keep its place (or, when adding, to put it last)."
)
POSITION_ERRORS = {"invalid": "Enter the position as a whole number, like 2.", "min_value": "Enter 0 or more."}


def _position_field() -> forms.IntegerField:
    return forms.IntegerField(
        required=False,
        min_value=0,
        max_value=32767,
        help_text=POSITION_HINT,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages=POSITION_ERRORS,
    )


class PlanForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        help_text="For example: Business plan 2014-17.",
        error_messages={"required": "Enter the plan's title, for example Business plan 2014-17."},
    )
    period = forms.CharField(
        max_length=9,
        required=False,
        help_text="The years the plan covers, as the board writes them, for example 2014-17. Each year of the "
        "period gets its own review of every priority.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    vision = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Optional: what the board wants for the area's children over the plan's years.",
    )

    @classmethod
    def initial_for(cls, plan: Plan) -> dict:
        return {"title": plan.title, "period": plan.period, "vision": plan.vision}


class _PlanPartForm(forms.Form):
    """A priority or an objective: a title, a description and a position, the record's own as
    the starting values when it is changed (a position left empty keeps the record's)."""

    def __init__(self, *args, record: Priority | Objective | None = None, **kwargs):
        if record is not None:
            initial = {"title": record.title, "description": record.description, "position": record.position}
            kwargs["initial"] = {**initial, **kwargs.get("initial", {})}
        self.record = record
        super().__init__(*args, **kwargs)

    def service_values(self) -> dict:
        data = self.cleaned_data
        position = data["position"]
        if position is None and self.record is not None:
            position = self.record.position
        return {"title": data["title"], "description": data["description"], "position": position}


class PriorityForm(_PlanPartForm):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the priority's title."})
    description = forms.CharField(
        label="Why it is a priority",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Optional: why the board chose it, in a few sentences. The annual report shows it.",
    )
    position = _position_field()

    def __init__(self, *args, priority: Priority | None = None, **kwargs):
        super().__init__(*args, record=priority, **kwargs)


class ObjectiveForm(_PlanPartForm):
    title = forms.CharField(
        label="Objective",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the partnership will achieve, in a sentence.",
        error_messages={"required": "Enter the objective."},
    )
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional: how the board will know it has been achieved.",
    )
    position = _position_field()

    def __init__(self, *args, objective: Objective | None = None, **kwargs):
        super().__init__(*args, record=objective, **kwargs)


class ObjectiveActionForm(forms.Form):
    title = forms.CharField(
        label="What is to be done",
        max_length=200,
        error_messages={"required": "Enter what is to be done."},
    )
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)
    owner_agency = forms.ModelChoiceField(
        queryset=None,
        label="Owner agency",
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency that owns the action."},
    )
    owner_name = forms.CharField(
        max_length=150, required=False, label="Owner's name", help_text="Optional: the person who leads it."
    )
    due_on = forms.DateField(
        label="Due date",
        widget=DateInput(),
        error_messages={"required": "Enter the due date.", "invalid": "Enter the due date as a real date."},
    )

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = agencies


class ReviewForm(forms.Form):
    what_done = forms.CharField(
        label=PriorityReview._meta.get_field("what_done").verbose_name.capitalize() + "?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="The work done on the priority this year: strategies, protocols, training, campaigns, audits. "
        "One item a line, starting with a dash, makes a list.",
    )
    what_difference = forms.CharField(
        label=PriorityReview._meta.get_field("what_difference").verbose_name.capitalize() + "?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="The difference it made for children and families: figures, audits and feedback. Link the "
        "records that show it as evidence below.",
    )
    what_next = forms.CharField(
        label=PriorityReview._meta.get_field("what_next").verbose_name.capitalize() + "?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What the board will do next year on the priority, and how it will know it worked.",
    )


class EvidenceKindForm(forms.Form):
    """First step of linking evidence: what kind of record it is (asked by GET, so the next step
    lists that kind's records without JavaScript)."""

    kind = forms.ChoiceField(
        label="What kind of record is the evidence?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of record the evidence is."},
    )

    def __init__(self, *args, kinds, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.key, kind.label) for kind in kinds]


class EvidenceForm(forms.Form):
    kind = forms.CharField(widget=forms.HiddenInput)
    record = forms.ChoiceField(
        label="Record",
        error_messages={
            "required": "Choose a record from the list.",
            "invalid_choice": "Choose a record from the list.",
        },
    )
    note = forms.CharField(
        max_length=300,
        required=False,
        help_text="Optional: what the evidence shows, in a sentence.",
        error_messages={"max_length": "The note must be at most 300 characters."},
    )

    def __init__(self, *args, kind, choices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = kind.key
        self.fields["record"].label = kind.label
        self.fields["record"].choices = [("", f"Choose a {kind.label.lower()}"), *choices]
