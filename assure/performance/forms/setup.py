"""Forms of the scorecard set-up. They turn input into values; the rules (a target within the
indicator's range, a tolerance of 0 or more, an indicator once per scorecard, this partnership's
priorities and agencies) live in services/setup.py, whose errors the views attach to them."""

from django import forms

from assure.partnerships.models import Agency, Partnership
from assure.plans.models import Priority

from ..calculations import to_decimal
from ..models import Indicator, ScorecardLine
from ..tables_catalogue import UNIT_LABELS, figure_in_unit

NUMBER_ERRORS = {
    "invalid": "Enter a number, like 85 or 12.5.",
    "max_decimal_places": "Enter a number with no more than 4 decimal places.",
    "max_digits": "Enter a smaller number.",
    "max_whole_digits": "Enter a smaller number.",
}
POSITION_HINT = "Shown in order of position, lowest first. Leave empty to put it last."
TOLERANCE_UNITS = {
    "percentage": "in percentage points: 2 means a figure up to 2 points worse than the target is amber",
    "rate_per_10000": "in children per 10,000: 5 means a rate up to 5 per 10,000 worse than the target is amber",
    "count": "as a number: 10 means a count up to 10 worse than the target is amber",
    "days": "in days: 3 means up to 3 days worse than the target is amber",
    "currency": "in pounds: 100 means up to £100 worse than the target is amber",
    "ratio": "as a ratio: 0.1 means up to 0.1 worse than the target is amber",
}


def tolerance_hint(unit: str | None, default_percent) -> str:
    """What a tolerance means for an indicator of ``unit`` (every unit's meaning when the
    indicator is not chosen yet)."""
    default = f"Leave empty for {to_decimal(default_percent).normalize():f}% of the target."
    if unit in TOLERANCE_UNITS:
        return f"How far the figure may miss the target and still be amber, {TOLERANCE_UNITS[unit]}. {default}"
    return (
        "How far the figure may miss the target and still be amber, in the indicator's own unit: percentage "
        f"points for a percentage, children per 10,000 for a rate, a number for a count. {default}"
    )


def target_hint(definition: dict | None) -> str:
    if definition is None:
        return "In the indicator's own unit, within its valid range. Leave empty for no target (and no RAG rating)."
    unit = definition["unit"]
    words = [f"{UNIT_LABELS.get(unit, unit)}."]
    low, high = definition.get("minimum"), definition.get("maximum")
    if low is not None and high is not None:
        words.append(f"From {figure_in_unit(low, unit)} to {figure_in_unit(high, unit)}.")
    elif low is not None:
        words.append(f"{figure_in_unit(low, unit)} or more.")
    if definition["polarity"] == "neither":
        words.append("This indicator is neither better higher nor lower, so it is not rated red, amber or green.")
    words.append("Leave empty for no target.")
    return " ".join(words)


class ScorecardLineForm(forms.Form):
    indicator = forms.ChoiceField(
        label="Indicator",
        help_text="From the indicator catalogue. Indicators already on the scorecard are not listed.",
        error_messages={"required": "Choose an indicator.", "invalid_choice": "Choose an indicator from the list."},
    )
    priority = forms.ModelChoiceField(
        label="Priority",
        queryset=Priority.objects.none(),
        empty_label="Choose a priority",
        error_messages={"required": "Choose the priority it comes under."},
    )
    target = forms.DecimalField(
        required=False,
        max_digits=16,
        decimal_places=4,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}),
        error_messages=NUMBER_ERRORS,
    )
    tolerance = forms.DecimalField(
        required=False,
        max_digits=16,
        decimal_places=4,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}),
        error_messages=NUMBER_ERRORS,
    )
    owner_agency = forms.ModelChoiceField(
        label="Owning agency",
        queryset=Agency.objects.none(),
        required=False,
        empty_label="No owning agency",
        help_text="The agency asked for commentary when the indicator is in the exception report.",
    )
    position = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=32767,
        help_text=POSITION_HINT,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={"invalid": "Enter the position as a whole number, like 2.", "min_value": "Enter 0 or more."},
    )

    def __init__(
        self,
        *args,
        partnership: Partnership,
        indicators,
        priorities,
        agencies,
        themes: dict[str, str],
        default_tolerance_percent,
        line: ScorecardLine | None = None,
        **kwargs,
    ):
        self.line = line
        if line is not None:
            initial = {
                "priority": line.priority_id,
                "target": _plain(line.target),
                "tolerance": _plain(line.tolerance),
                "owner_agency": line.owner_agency_id,
                "position": line.position,
            }
            kwargs["initial"] = {**initial, **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = priorities
        self.fields["owner_agency"].queryset = agencies
        definition = line.indicator.data if line is not None else None
        self.fields["target"].help_text = target_hint(definition)
        self.fields["tolerance"].help_text = tolerance_hint(
            definition and definition["unit"], default_tolerance_percent
        )
        if line is not None:
            # A line is its indicator: to change the indicator, remove the line and add another.
            del self.fields["indicator"]
        else:
            self.indicators = {str(i.pk): i for i in indicators}
            self.fields["indicator"].choices = [("", "Choose an indicator"), *_grouped(self.indicators, themes)]

    def clean_indicator(self) -> Indicator:
        return self.indicators[self.cleaned_data["indicator"]]

    def service_values(self) -> dict:
        data = self.cleaned_data
        position = data["position"]
        if position is None and self.line is not None:
            position = self.line.position
        values = {
            "priority": data["priority"],
            "target": data["target"],
            "tolerance": data["tolerance"],
            "owner_agency": data["owner_agency"],
            "position": position,
        }
        if self.line is None:
            values["indicator"] = data["indicator"]
        return values


def _plain(number) -> str | None:
    """A stored figure as it was written: 22.5 rather than 22.5000."""
    return None if number is None else f"{to_decimal(number).normalize():f}"


def _grouped(indicators: dict[str, Indicator], themes: dict[str, str]) -> list:
    """The indicators as choices grouped under their theme, themes in the library's order."""
    groups: dict[str, list] = {code: [] for code in themes}
    for pk, indicator in sorted(indicators.items(), key=lambda pair: pair[1].definition.title):
        groups.setdefault(indicator.data.get("theme", ""), []).append(
            (pk, f"{indicator.definition.title} ({indicator.code})")
        )
    return [(themes.get(code, code or "Other"), choices) for code, choices in groups.items() if choices]
