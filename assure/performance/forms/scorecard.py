"""The scorecard's filters: read from the address (GET), so a filtered scorecard can be
bookmarked and shared, and work without JavaScript. A value the scorecard does not offer is
ignored rather than refused."""

from django import forms

from ..selectors.scorecard_filters import ScorecardFilters


class ScorecardFilterForm(forms.Form):
    rating = forms.ChoiceField(required=False)
    priority = forms.ChoiceField(required=False)
    direction = forms.ChoiceField(required=False)
    agency = forms.ChoiceField(required=False)

    def __init__(self, *args, choices: dict[str, list[tuple[str, str]]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        everything = {
            "rating": "Any rating",
            "priority": "Every priority",
            "direction": "Any direction",
            "agency": "Every agency",
        }
        for name, label in everything.items():
            self.fields[name].choices = [("", label), *choices[name]]

    def filters(self) -> ScorecardFilters:
        """The filters asked for, leaving out any value not on offer."""
        data = {name: self.data.get(name, "") for name in self.fields}
        kept = {name: value for name, value in data.items() if value in dict(self.fields[name].choices)}
        return ScorecardFilters(
            rating=kept.get("rating", ""),
            priority=int(kept["priority"]) if kept.get("priority") else None,
            direction=kept.get("direction", ""),
            agency=int(kept["agency"]) if kept.get("agency") else None,
        )
