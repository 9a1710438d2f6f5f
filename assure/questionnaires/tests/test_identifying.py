"""The warning under free text that looks as if it names a person or gives a date of birth."""

import pytest

from assure.questionnaires.identifying import WARNING, identifying_warning


@pytest.mark.parametrize(
    "text",
    [
        "The plan was discussed with Jane Smith at home.",
        "Mother told the visitor that Kayden Lee-Morris had moved.",
        "Seen at school. Ellie Rose Carter was quiet.",  # a sentence's first word is skipped, not the run
    ],
)
def test_two_capitalised_words_inside_a_sentence_are_taken_for_a_name(text):
    assert identifying_warning(text) == WARNING


@pytest.mark.parametrize(
    "text",
    [
        "Born in 2009, the child lives with an aunt.",
        "DOB 3/4/2009.",
        "Child's date of birth is on the file.",
        "Referred on 03.04.09 by the school.",
        "Referral 3-4-2009.",
        "The child was seen on 3 April 2009.",
        "Seen on April 3rd, 2009.",
    ],
)
def test_a_date_or_the_words_for_a_birth_are_taken_for_a_date_of_birth(text):
    assert identifying_warning(text) == WARNING


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "Visits were regular and the plan was reviewed.",
        "Jane attended.",  # one capitalised word
        "Smith Jones attended.",  # two, but the first starts the sentence
        "Referred by Children's Social Care to the Core Group.",
        "West Mercia Police attended the Strategy Meeting.",
        "The GP and the NHS Trust were invited.",
        "Reviewed on Monday by the Independent Reviewing Officer.",
    ],
)
def test_ordinary_writing_about_services_is_not_warned_about(text):
    assert identifying_warning(text) is None


def test_names_the_caller_knows_are_not_taken_for_a_persons():
    text = "Referred to Oakfield Lodge for respite."
    assert identifying_warning(text) == WARNING
    assert identifying_warning(text, known=["Oakfield Lodge"]) is None
