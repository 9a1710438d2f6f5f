"""Checking a questionnaire file before it is added to the library."""

from django import forms

MAX_QUESTIONNAIRE_FILE = 512 * 1024


class QuestionnaireFileForm(forms.Form):
    file = forms.FileField(
        label="Questionnaire file",
        help_text="A YAML file of kind questionnaire, as described in the library guide. Nothing is saved.",
        error_messages={"required": "Choose a questionnaire file to check."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".yaml", ".yml")):
            raise forms.ValidationError("The file must be a YAML file, ending .yaml or .yml.")
        if upload.size > MAX_QUESTIONNAIRE_FILE:
            raise forms.ValidationError("The file must be smaller than 512 KB.")
        return upload
