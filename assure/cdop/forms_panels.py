"""The forms of setting a panel up, inviting a partnership and answering an invitation."""

from django import forms


class PanelForm(forms.Form):
    name = forms.CharField(
        label="The panel's name",
        max_length=200,
        help_text="For example Northshire and Eastshire Child Death Overview Panel.",
        error_messages={"required": "Enter the panel's name."},
    )
    subgroup = forms.ModelChoiceField(
        label="The subgroup whose meetings are the panel's",
        queryset=None,
        empty_label="Choose the subgroup",
        error_messages={"required": "Choose the subgroup whose meetings are the panel's meetings."},
    )

    def __init__(self, *args, subgroups, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subgroup"].queryset = subgroups


class InviteForm(forms.Form):
    invited = forms.ModelChoiceField(
        label="The partnership to invite",
        queryset=None,
        empty_label="Choose the partnership",
        help_text="Its business unit is told, and joins or declines. Until it joins, its people see nothing of "
        "the panel.",
        error_messages={"required": "Choose the partnership to invite."},
    )

    def __init__(self, *args, partnerships, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["invited"].queryset = partnerships
        self.fields["invited"].label_from_instance = lambda partnership: partnership.name


class JoinForm(forms.Form):
    accept = forms.TypedChoiceField(
        label="Will the partnership join the panel?",
        choices=[("yes", "Join the panel"), ("no", "Decline the invitation")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to join the panel."},
    )
