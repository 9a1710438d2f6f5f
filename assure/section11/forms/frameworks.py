"""Checking a framework file before it is added to the library."""

from django import forms

MAX_FRAMEWORK_FILE = 512 * 1024


class FrameworkFileForm(forms.Form):
    file = forms.FileField(
        label="Framework file",
        help_text="A YAML file of kind section11-framework, as described in the library guide. Nothing is saved.",
        error_messages={"required": "Choose a framework file to check."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".yaml", ".yml")):
            raise forms.ValidationError("The file must be a YAML file, ending .yaml or .yml.")
        if upload.size > MAX_FRAMEWORK_FILE:
            raise forms.ValidationError("The file must be smaller than 512 KB.")
        return upload
