"""Adding a data block to a section: first the kind of table or chart, then its settings (the
indicators for an indicator's chart or table). Two pages, so that it works without JavaScript.
The rules (a registered kind, indicators of the library) live in services/blocks.py."""

from django import forms

from ..blocks import BlockKind
from ..services.blocks import TITLE_MAX, YEARS_MAX

WHOLE_NUMBER = "Enter a whole number, like 5."


class BlockKindForm(forms.Form):
    kind = forms.ChoiceField(
        label="What to add",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what to add.",
            "invalid_choice": "Choose a kind of table or chart from the list.",
        },
    )

    def __init__(self, *args, kinds: list[BlockKind], hints: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.code, kind.title) for kind in kinds]
        self.hints = hints

    def options(self) -> list[tuple]:
        """Each radio with the words that say what the kind shows."""
        return [(option, self.hints.get(option.data["value"], "")) for option in self["kind"]]


class BlockSettingsForm(forms.Form):
    """The block's title and, for the kinds that take them, its settings."""

    title = forms.CharField(
        max_length=TITLE_MAX,
        required=False,
        help_text="Leave empty for the title the block gives itself, such as the indicator's name and years.",
        error_messages={"max_length": f"The title must be at most {TITLE_MAX} characters."},
    )

    def __init__(self, *args, kind: BlockKind, indicator_groups: list[tuple[str, list]], **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.groups = [
            (theme, [(i.code, f"{i.definition.title} ({i.code})") for i in items]) for theme, items in indicator_groups
        ]
        build = getattr(self, "_fields_" + kind.code.replace("-", "_"), None)
        if build is not None:
            build()

    # One method per kind that takes settings.

    def _fields_indicator_chart(self) -> None:
        self.fields["indicator"] = forms.ChoiceField(
            label="Indicator",
            choices=[("", "Choose an indicator"), *self.groups],
            help_text="From the library's indicators, by theme. The chart shows its yearly figures up to the "
            "report's year, with England and the statistical neighbours where published.",
            error_messages={
                "required": "Choose the indicator to chart.",
                "invalid_choice": "Choose an indicator from the list.",
            },
        )
        self.fields["years"] = self._years(2, 5)

    def _fields_indicator_table(self) -> None:
        self.fields["indicators"] = forms.MultipleChoiceField(
            label="Indicators",
            widget=forms.CheckboxSelectMultiple,
            choices=[choice for _, choices in self.groups for choice in choices],
            help_text="One row of the table for each indicator you choose.",
            error_messages={
                "required": "Choose one or more indicators for the table.",
                "invalid_choice": "Choose indicators from the list.",
            },
        )
        self.fields["years"] = self._years(1, 2)
        self.fields["chart"] = forms.ChoiceField(
            label="Chart",
            widget=forms.RadioSelect,
            required=False,
            initial="none",
            choices=[
                ("none", "No chart: the table only"),
                ("bars", "Bars: for each indicator, one bar per year"),
                ("lines", "Lines: one line for each indicator"),
            ],
            help_text="A chart is drawn only when the indicators share a unit, such as all percentages.",
            error_messages={"invalid_choice": "Choose a chart from the list."},
        )

    def _fields_conclusion_question(self) -> None:
        self.fields["question"] = forms.TypedChoiceField(
            label="Question of the conclusion",
            coerce=int,
            choices=[("", "Choose a question"), *((n, f"Question {n}") for n in range(1, 6))],
            help_text="The five questions of the conclusion, numbered as in the report template.",
            error_messages={"required": "Choose the question the block answers."},
        )

    def _fields_actions_summary(self) -> None:
        self.fields["days"] = forms.IntegerField(
            label="Due within (days)",
            required=False,
            min_value=1,
            max_value=366,
            widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
            help_text="Actions due in this many days are listed with those overdue. Leave empty for 30.",
            error_messages={
                "invalid": WHOLE_NUMBER,
                "min_value": "Enter 1 or more.",
                "max_value": "Enter 366 or fewer.",
            },
        )

    @staticmethod
    def _years(low: int, default: int) -> forms.IntegerField:
        return forms.IntegerField(
            label="Years",
            required=False,
            min_value=low,
            max_value=YEARS_MAX,
            widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
            help_text=f"How many years up to the report's year. Leave empty for {default}.",
            error_messages={
                "invalid": WHOLE_NUMBER,
                "min_value": f"Enter {low} or more.",
                "max_value": f"Enter {YEARS_MAX} or fewer.",
            },
        )

    def indicator_options(self) -> list[tuple[str, list]]:
        """The indicator checkboxes of a table, under their theme."""
        if "indicators" not in self.fields:
            return []
        by_value = {option.data["value"]: option for option in self["indicators"]}
        return [(theme, [by_value[code] for code, _ in choices]) for theme, choices in self.groups]

    def service_params(self) -> dict:
        """The block's params, in the shape its kind reads (library/README.md)."""
        data = self.cleaned_data
        params = {}
        if "indicator" in data:
            params["indicator"] = data["indicator"]
        if "indicators" in data:
            params["rows"] = [{"indicator": code} for code in data["indicators"]]
            params["chart"] = data.get("chart") or "none"
        for name in ("years", "question", "days"):
            if data.get(name) is not None:
                params[name] = data[name]
        return params
