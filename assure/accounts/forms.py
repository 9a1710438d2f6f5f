"""Forms of the member pages. Choices come from the library and the partnership; the rules
(which roles need an agency, who may be granted what) live in the services."""

from django import forms

from assure.core.forms import DateInput
from assure.library.selectors import role_definitions

from .selectors import role_choices


def _agency_hint() -> str:
    scoped = [d.title for d in role_definitions().values() if d.agency_scoped]
    if not scoped:
        return "Leave empty."
    return f"Only for the {', '.join(scoped)} role, which acts for one agency. Leave empty for other roles."


class _RoleFields(forms.Form):
    role = forms.ChoiceField(label="Role", widget=forms.RadioSelect)
    agency = forms.ModelChoiceField(label="Agency", queryset=None, required=False, empty_label="No agency")

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices()
        self.fields["agency"].queryset = agencies
        self.fields["agency"].help_text = _agency_hint()


class MemberAddForm(_RoleFields):
    email = forms.EmailField(
        label="E-mail address",
        help_text="If they do not have an account yet, Assure will create one and e-mail them a link to choose "
        "their password.",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        required=False,
        help_text="Needed only for someone who does not have an account yet.",
    )
    job_title = forms.CharField(label="Job title", max_length=150, required=False)

    field_order = ["email", "full_name", "job_title", "role", "agency"]


class MemberRoleForm(_RoleFields):
    pass


class GrantForm(forms.Form):
    area = forms.ChoiceField(label="Restricted area", widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Why do they need access?",
        max_length=300,
        help_text="For example, their place on the panel or the review they work on. Kept in the trail.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    expires_on = forms.DateField(
        label="Access ends on",
        required=False,
        help_text="Leave empty for access until it is revoked.",
        widget=DateInput,
    )

    def __init__(self, *args, areas: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = areas
