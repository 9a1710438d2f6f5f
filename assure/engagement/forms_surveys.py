"""The forms of surveys: a survey's details (the questionnaire, series, audience, introduction,
personal data asked and dates), the review of one free-text answer, and the questions of the
public page. The rules (dates in order, the questionnaire offered, a reason to withhold) are the
services'; these only read what was typed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django import forms

from assure.core.forms import DateInput
from assure.library.schemas_questionnaires import CHOICE_TYPES
from assure.questionnaires.definition import Questionnaire, questionnaire_of
from assure.questionnaires.forms import ChoiceField, QuestionField, SectionFields, SummaryError
from assure.questionnaires.identifying import identifying_warning
from assure.questionnaires.outline import asked_when

from .models import Survey
from .services.surveys import QUOTE, WITHHOLD

DATE_ERRORS = {"invalid": "Enter a real date, for example 2 2 2015."}
NONE = ""


def _date(label: str, required_message: str, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DateInput(),
        help_text=help_text,
        error_messages={"required": required_message, **DATE_ERRORS},
    )


class SurveyForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter the survey's title."})
    questionnaire = forms.ChoiceField(
        label="Questionnaire",
        widget=forms.RadioSelect,
        help_text="The library's survey questionnaires: Assure's and the partnership's own.",
        error_messages={"required": "Choose the questionnaire the survey asks."},
    )
    series = forms.SlugField(
        label="Series",
        max_length=60,
        help_text="Surveys of the same series are compared year on year: use the same words each year, for "
        "example esafety-young-people.",
        error_messages={
            "required": "Enter the survey's series.",
            "invalid": "Use small letters, figures and hyphens only, for example esafety-young-people.",
        },
    )
    audience = forms.CharField(
        label="Who it is for",
        max_length=200,
        help_text="For example, young people aged 11 to 18 at school in the area.",
        error_messages={"required": "Say who the survey is for."},
    )
    introduction = forms.CharField(
        label="Introduction",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What people read first, in plain words: what the survey is for, that it is anonymous, and "
        "whether their answers may be quoted without names.",
        error_messages={"required": "Write the introduction people read first."},
    )
    personal_data = forms.CharField(
        label="Personal data asked, and why",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Leave empty when the survey asks nothing that identifies anyone.",
    )
    opens_on = _date("Opens on", "Enter the day the survey opens.")
    closes_on = _date("Closes on", "Enter the day the survey closes.", "The last day answers are taken.")
    priority = forms.ChoiceField(
        label="The business plan's priority it serves",
        required=False,
        help_text="The priorities of the partnership's current business plan.",
    )

    def __init__(self, *args, questionnaires: Sequence = (), priorities: Sequence = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._questionnaires = {str(item.pk): item for item in questionnaires}
        self.fields["questionnaire"].choices = [
            (key, f"{item.title} (version {item.document.version})") for key, item in self._questionnaires.items()
        ]
        self._priorities = {str(priority.pk): priority for priority in priorities}
        self.fields["priority"].choices = [(NONE, "None")] + [
            (key, priority.title) for key, priority in self._priorities.items()
        ]

    def clean_questionnaire(self):
        return self._questionnaires.get(self.cleaned_data.get("questionnaire") or NONE)

    def clean_priority(self):
        return self._priorities.get(self.cleaned_data.get("priority") or NONE)

    def service_values(self) -> dict:
        data = dict(self.cleaned_data)
        data["personal_data"] = data.get("personal_data") or ""
        return data


def survey_initial(survey: Survey) -> dict:
    initial = {name: getattr(survey, name) for name in SurveyForm.base_fields if hasattr(survey, name)}
    initial["questionnaire"] = str(survey.questionnaire_id)
    initial["priority"] = str(survey.priority_id) if survey.priority_id else NONE
    return initial


def questionnaires_offered(survey: Survey | None, offered: list) -> list:
    """The questionnaires to choose among: those offered now, and the survey's own version (which
    may be older than the newest) so that changing other details keeps it."""
    if survey is None or any(item.pk == survey.questionnaire_id for item in offered):
        return offered
    kept = [item for item in offered if item.code != survey.questionnaire.code]
    return [survey.questionnaire, *kept]


class ReviewForm(forms.Form):
    """The review of one free-text answer: quoted (a voice that may be quoted) or withheld."""

    decision = forms.ChoiceField(
        label="May it be quoted?",
        widget=forms.RadioSelect,
        choices=[(QUOTE, "May be quoted"), (WITHHOLD, "Not to be quoted")],
        error_messages={"required": "Choose whether the answer may be quoted."},
    )
    text = forms.CharField(
        label="The words to keep",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Take out anything that could identify someone: a name, a school, a date of birth.",
        error_messages={"required": "Enter the words of the answer."},
    )
    source_type = forms.ChoiceField(
        label="Who gave it",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who gave the answer."},
    )
    consent = forms.BooleanField(
        label="The survey told people their answers may be quoted without names",
        required=False,
        help_text="Tick only when the survey's introduction said so: then the answer may be quoted in the annual "
        "report.",
    )
    reason = forms.CharField(
        label="Why it is not to be quoted",
        required=False,
        max_length=300,
        help_text="Needed when it is not to be quoted, for example: it names a school.",
    )

    def __init__(self, *args, sources: Sequence[tuple[str, str]] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source_type"].choices = list(sources)


# --- the public page ------------------------------------------------------------------------------


def survey_fields(
    survey: Survey,
    *,
    submitted: Mapping[str, Sequence[str]] | None = None,
    errors: Mapping[str, str] | None = None,
) -> tuple[Questionnaire, list[SectionFields], list[SummaryError]]:
    """Every question of the survey's questionnaire as the engine's field templates draw them,
    with what was ``submitted`` and the ``errors`` by question code. Asked on one page, so each
    question is shown: one asked only after a certain answer says so in its hint, and its answer
    is kept only when the condition is met."""
    questionnaire = questionnaire_of(survey.questionnaire)
    submitted, errors = submitted or {}, dict(errors or {})
    sections: list[SectionFields] = []
    number = 0
    for section in questionnaire.sections:
        fields = []
        for question in section.questions:
            number += 1
            field_ = QuestionField(
                question=question,
                number=number,
                raw=list(submitted.get(question.code, [])),
                error=errors.get(question.code, ""),
            )
            if question.type in CHOICE_TYPES:
                offered = questionnaire.choices(question)
                field_.choices = [
                    ChoiceField(
                        code=choice.code,
                        label=choice.label,
                        hint=choice.hint,
                        id=question.code if i == 0 else f"{question.code}-{i + 1}",
                        checked=choice.code in field_.raw,
                        exclusive=question.type == "multiple" and choice.exclusive,
                    )
                    for i, choice in enumerate(offered)
                ]
            if question.type in {"text", "long-text"}:
                field_.warning = identifying_warning(field_.value) or ""
            condition = asked_when(questionnaire, question)
            if condition:
                help_text = f"{question.help} " if question.help else ""
                field_.question = question.model_copy(update={"help": f"{help_text}{condition}."})
            fields.append(field_)
        if fields:
            sections.append(SectionFields(section.code, section.title, section.description, fields))
    by_code = {f.code: f for s in sections for f in s.questions}
    summary = [SummaryError(message, f"#{by_code[code].id}") for code, message in errors.items() if code in by_code]
    summary += [SummaryError(message) for code, message in errors.items() if code not in by_code]
    return questionnaire, sections, summary
