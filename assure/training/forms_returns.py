"""Forms of e-learning imports, single-agency training returns and their reopening."""

from django import forms

from .imports import COMPLETIONS_POLICY, RETURN_POLICY


class CompletionsUploadForm(forms.Form):
    upload = forms.FileField(
        label="The e-learning platform's export of completions",
        help_text=(
            "A CSV or Excel (.xlsx) file of 5 MB or smaller, with a heading line naming the columns "
            "learner id, organisation, completed on (31/10/2014 or 2014-10-31) and course or module. An "
            "e-mail or name column may be left in: it is not read or kept."
        ),
        error_messages={"required": "Choose the file of completions to upload."},
    )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        problem = COMPLETIONS_POLICY.problem(upload)
        if problem:
            raise forms.ValidationError(problem)
        return upload


class ReturnUploadForm(forms.Form):
    upload = forms.FileField(
        label="Your filled-in template",
        help_text="The return's Excel (.xlsx) template, with a figure in column C of each row, 2 MB or smaller.",
        error_messages={"required": "Choose the filled-in template to upload."},
    )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        problem = RETURN_POLICY.problem(upload)
        if problem:
            raise forms.ValidationError(problem)
        return upload


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label="Why is the return being reopened?",
        help_text="The agency's lead sees this. Write no names.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why the return is being reopened."},
    )
