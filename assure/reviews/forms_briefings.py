"""The forms of learning briefings. They collect what was typed; the rules (a local review of the
partnership, a note naming the national review or guidance, the sections required before
publishing) live in the services, whose ValidationErrors are shown against the fields they name.
Each section of the briefing's layout is a text box of its own, its hint saying what to write."""

from django import forms

from assure.library.schemas_briefings import BriefingLayoutItem
from assure.questionnaires.identifying import identifying_warning

from .models import Briefing

SECTION_PREFIX = "section_"


def section_field(code: str) -> str:
    return f"{SECTION_PREFIX}{code}"


class BriefingForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        help_text="What practitioners will learn, in a few words that identify nobody: it also makes the "
        "briefing's address on the public learning page.",
        error_messages={"required": "Enter the briefing's title."},
    )
    source = forms.ChoiceField(
        label="Where does the learning come from?",
        choices=Briefing.Source.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where the learning comes from."},
    )
    review = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="The partnership's review",
        empty_label="Choose a review",
        help_text="For a local review: the review whose learning the briefing shares, whatever its status.",
    )
    source_note = forms.CharField(
        label="The national review, legislation or guidance",
        max_length=300,
        required=False,
        help_text="For a national review or new legislation or guidance: its title, who published it and when.",
    )
    checked = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, layout: BriefingLayoutItem, reviews, known_names=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.layout = layout
        self.known_names = list(known_names)
        self.fields["review"].queryset = reviews
        self.fields["review"].label_from_instance = lambda review: f"{review.reference} {review.title}"
        for section in layout.sections:
            hint = section.help.strip()
            if not section.required:
                hint += " A briefing may be published without it."
            else:
                hint += " A draft may leave it empty; it is needed before the briefing is published."
            field = forms.CharField(
                label=section.title,
                required=False,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=hint,
            )
            # Needed to publish, so not "(optional)", though a draft is saved without it.
            field.optional_label = section.required is False
            self.fields[section_field(section.code)] = field

    @classmethod
    def initial_for(cls, briefing: Briefing) -> dict:
        initial = {
            "title": briefing.title,
            "source": briefing.source,
            "review": briefing.review_id,
            "source_note": briefing.source_note,
        }
        for code, text in (briefing.sections or {}).items():
            initial[section_field(code)] = text
        return initial

    def sections(self) -> dict[str, str]:
        """The text of each section, by the section's code."""
        return {s.code: self.cleaned_data.get(section_field(s.code), "") for s in self.layout.sections}

    def values(self) -> dict:
        """What the services take, from the cleaned form."""
        return {
            "title": self.cleaned_data["title"],
            "source": self.cleaned_data["source"],
            "review": self.cleaned_data.get("review"),
            "source_note": self.cleaned_data.get("source_note", ""),
            "sections": self.sections(),
        }

    def warnings(self) -> dict[str, str]:
        """The title and sections whose text looks as if it names a person or gives a date of
        birth, by field: the briefing is published for anyone to read."""
        found = {}
        for name in ["title", *(section_field(section.code) for section in self.layout.sections)]:
            warning = identifying_warning(self.cleaned_data.get(name, ""), known=self.known_names)
            if warning:
                found[name] = warning
        return found


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the briefing withdrawn?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Kept in the briefing's history: for example, a detail found to identify a family, or guidance "
        "since replaced.",
        error_messages={"required": "Say why the briefing is withdrawn."},
    )
