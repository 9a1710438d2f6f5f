"""A test questionnaire with every question type and a nested condition, loaded through the
library's own loader, and a draft response to it."""

import textwrap
from pathlib import Path

import pytest
import yaml

from assure.library.loader import load_library
from assure.library.models import LibraryItem
from assure.library.schemas_questionnaires import QuestionnaireItem
from assure.questionnaires.definition import Questionnaire
from assure.questionnaires.services import response_start

QUESTIONNAIRE_URN = "urn:test:questionnaire:every-type"

SECTIONS = """
- code: visit
  title: The visit
  description: What happened when the child was seen.
  questions:
    - code: seen
      text: Was the child seen?
      type: yes-no
      not_applicable: true
    - code: seen-where
      text: Where was the child seen?
      type: single
      shown_when: {question: seen, in: ["yes"]}
      choices:
        - {code: home, label: At home}
        - {code: school, label: At school, hint: Or at nursery}
        - {code: office, label: At the office}
    - code: seen-alone
      text: Was the child seen alone at home?
      type: yes-no
      shown_when: {question: seen-where, in: [home]}
    - code: quality
      text: How good was the plan?
      report_label: Quality of the plan
      type: scale
      choices:
        - {code: poor, label: Poor, score: 1}
        - {code: fair, label: Fair, score: 2}
        - {code: good, label: Good, score: 3}
        - {code: very-good, label: Very good, score: 4}
    - code: grade
      text: How do you grade the practice?
      type: grade
      choices:
        - {code: outstanding, label: Outstanding, score: 1}
        - {code: good, label: Good, score: 2}
        - {code: requires-improvement, label: Requires improvement, score: 3}
        - {code: inadequate, label: Inadequate, score: 4}
    - code: concerns
      text: Which concerns were recorded?
      help: Select all that apply.
      type: multiple
      choices:
        - {code: neglect, label: Neglect}
        - {code: emotional, label: Emotional abuse}
        - {code: physical, label: Physical abuse}
        - {code: none, label: None of these, exclusive: true}
    - code: visits
      text: How many visits were made?
      type: number
      minimum: 0
      maximum: 50
    - code: hours
      text: How many hours did the assessment take?
      type: number
      whole_number: false
      required: false
    - code: referred-on
      text: When was the case referred on?
      type: date
    - code: team
      text: Which team holds the case?
      type: text
      max_length: 40
      required: false
    - code: summary
      text: Summarise the practice
      type: long-text
      max_length: 200
- code: overall
  title: Overall
  answered_by: {roles: [auditor]}
  questions:
    - code: comment
      text: Anything else?
      type: long-text
      required: false
"""


def questionnaire_document(*, version: int = 1, sections: str = SECTIONS, title: str = "Every type") -> str:
    body = textwrap.indent(textwrap.dedent(sections).strip("\n"), "    ")
    return (
        f"urn: urn:test:questionnaires\nversion: {version}\nkind: questionnaire\nprovider: test\n"
        f"title: Test questionnaires\nitems:\n"
        f"  - urn: {QUESTIONNAIRE_URN}\n    code: every-type\n    title: {title}\n"
        f"    description: A questionnaire asking every kind of question.\n    purpose: test\n"
        f"    sections:\n{body}\n"
    )


@pytest.fixture
def write_questionnaire(tmp_path):
    """Write a questionnaire document to tmp_path and return its path."""

    def write(text: str, name: str = "questionnaire.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def every_type(db, write_questionnaire) -> LibraryItem:
    """Version 1 of the test questionnaire, stored."""
    load_library([write_questionnaire(questionnaire_document())])
    return LibraryItem.objects.get(urn=QUESTIONNAIRE_URN, document__version=1)


@pytest.fixture
def response(every_type, partnership, business_unit):
    """A draft response to the visit section, about the partnership (any record will do)."""
    return response_start(
        actor=business_unit, partnership=partnership, questionnaire=every_type, about=partnership, sections=["visit"]
    )


@pytest.fixture
def definition() -> Questionnaire:
    """The test questionnaire as the engine reads it, without the database."""
    [item] = yaml.safe_load(questionnaire_document())["items"]
    return Questionnaire(item=QuestionnaireItem.model_validate(item))
