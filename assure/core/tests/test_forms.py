from django import forms

from assure.core.forms import DateInput


class MeetingForm(forms.Form):
    title = forms.CharField(help_text="As it appears on the agenda.")
    held_on = forms.DateField(widget=DateInput())
    body = forms.ChoiceField(choices=[("board", "Board"), ("qa", "Quality assurance")], widget=forms.RadioSelect)


def test_form_with_errors_starts_with_an_error_summary_linking_to_each_field():
    html = str(MeetingForm(data={}))
    assert 'class="govuk-error-summary"' in html
    assert 'href="#id_title"' in html
    assert 'href="#id_body_0"' in html


def test_field_is_described_by_its_hint_and_error():
    html = str(MeetingForm(data={})["title"].as_field_group())
    assert 'aria-describedby="id_title-hint id_title-error"' in html
    assert 'id="id_title-error" class="govuk-error-message"' in html
    assert "govuk-input--error" in html


def test_valid_field_is_described_by_its_hint_only():
    html = str(MeetingForm(data={"title": "Board"})["title"].as_field_group())
    assert 'aria-describedby="id_title-hint"' in html
    assert "govuk-input--error" not in html


def test_date_input_keeps_its_width_class():
    html = str(MeetingForm()["held_on"])
    assert "govuk-input" in html and "govuk-input--width-10" in html
    assert 'type="date"' in html


def test_radios_render_as_govuk_radios_in_a_fieldset():
    html = str(MeetingForm()["body"].as_field_group())
    assert '<fieldset class="govuk-fieldset"' in html
    assert 'class="govuk-radios__input"' in html
    assert "govuk-radios__label" in html
