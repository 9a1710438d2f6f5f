"""The forms of evaluations: the words of a quote chosen for the annual report, and a removal
confirmed. The confidence in each learning outcome is drawn by the evaluation page itself (inside
the questionnaire's form) and read by ``confidence_scores``; the rules are the services'."""

from django import forms


class QuoteForm(forms.Form):
    text = forms.CharField(
        label="The words to quote",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        help_text="Take out any name or detail that could identify a child, a family or a colleague.",
        error_messages={"required": "Enter the words to quote."},
    )


class ConfirmForm(forms.Form):
    """A removal confirmed: nothing to type."""


CONFIDENCE_FIELD = "confidence-{}"


def confidence_scores(data, count: int) -> dict[int, str]:
    """The points chosen for each of ``count`` learning outcomes, by the outcome's place."""
    return {index: (data.get(CONFIDENCE_FIELD.format(index)) or "").strip() for index in range(count)}
