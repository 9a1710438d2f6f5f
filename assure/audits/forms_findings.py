"""The forms of an audit's findings. They collect what was typed; the rules live in the services,
whose ValidationErrors are shown against the fields they name."""

from django import forms

from assure.core.links import USES, linkable_kinds

from .models import Finding

NO_CHILDREN = "Do not name children or give dates of birth; refer to a case file by its number."
# The audits' own kinds a finding is not taken to (a finding of another audit says nothing new).
NOT_TAKEN_TO = {"audits.finding"}


def record_choices(*, user, partnership, leave_out=frozenset(), none_label: str = "Nothing in Assure") -> list:
    """Every record of Assure the person may see that a finding may be taken to, or a themed
    audit commissioned from, grouped by kind ("key:id" values), for a select: the kinds of
    ``assure.core.links`` whatever their use, each once."""
    kinds = {}
    for use in USES:
        for kind in linkable_kinds(use=use):
            if kind.key not in leave_out:
                kinds[kind.key] = kind
    groups: list = [("", none_label)]
    for kind in sorted(kinds.values(), key=lambda k: k.label):
        options = [(f"{kind.key}:{pk}", label) for pk, label in kind.choices(user=user, partnership=partnership)]
        if options:
            groups.append((kind.label, options))
    return groups


class FindingForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of finding is it?",
        choices=Finding.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether it is a strength or an area for development."},
    )
    theme = forms.CharField(
        max_length=200,
        label="Theme",
        help_text="A few words the findings are grouped by, such as “the voice of the child” or “core groups”.",
        error_messages={"required": "Enter the theme of the finding, such as the voice of the child."},
    )
    text = forms.CharField(
        label="What the audit found",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=NO_CHILDREN,
        error_messages={"required": "Enter what the audit found."},
    )
    case = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Case file",
        empty_label="Across the files audited",
        help_text="The case file it came from, if it came from one.",
    )
    link = forms.ChoiceField(
        label="Taken to",
        required=False,
        help_text="A learning event, a challenge, a meeting's agenda item or another record in Assure the "
        "finding was taken to, if any.",
    )
    # Set once the page has warned that the text may name a child: saving again keeps it as it is.
    warned = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, cases, links, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.fields["link"].choices = links
