"""The business unit's pages of the engine: the library's questionnaires, one in outline, and
the check of a questionnaire file (every problem named by file, URN and question; nothing saved)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from assure.core.navigation import partnership_url
from assure.library.models import LibraryDocument

from .conftest import questionnaire_document


def _page(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_the_list_shows_the_shipped_checklist_with_its_size(client, business_unit, partnership):
    rows = _page(client, business_unit, partnership_url("questionnaires:list", partnership)).context["rows"]
    checklist = next(row for row in rows if row.code == "conference-checklist")
    assert (checklist.sections, checklist.questions, checklist.verification) == (4, 16, "paraphrase")


def test_the_list_leaves_out_another_partnerships_own_questionnaire(
    client, business_unit, partnership, write_questionnaire
):
    from assure.library.loader import load_library

    load_library([write_questionnaire(questionnaire_document().replace("provider: test", "provider: southshire"))])
    rows = _page(client, business_unit, partnership_url("questionnaires:list", partnership)).context["rows"]
    assert "every-type" not in [row.code for row in rows]


def test_the_outline_says_when_a_conditional_question_is_asked(client, business_unit, partnership):
    url = partnership_url("questionnaires:outline", partnership, code="conference-checklist")
    page = _page(client, business_unit, url).content.decode()
    assert (
        "Asked only when “Did the parents see the report 3 or more working days before the conference?” is No" in page
    )


def test_the_outline_names_who_answers_each_section(client, business_unit, partnership):
    url = partnership_url("questionnaires:outline", partnership, code="conference-checklist")
    sections = _page(client, business_unit, url).context["questionnaire"].sections
    assert sections[0].answered_by == "People in the roles Business unit or Agency lead"


def test_an_unknown_questionnaire_is_not_found(client, business_unit, partnership):
    url = partnership_url("questionnaires:outline", partnership, code="no-such-thing")
    assert _page(client, business_unit, url).status_code == 404


def test_a_board_member_may_not_check_questionnaires(client, board_member, partnership):
    assert _page(client, board_member, partnership_url("questionnaires:list", partnership)).status_code == 403


BROKEN = """
- code: visit
  title: The visit
  questions:
    - code: seen
      text: Was the child seen?
      type: yes-no
    - code: seen-where
      text: Where was the child seen?
      type: single
      shown_when: {question: seen, in: [maybe]}
      choices:
        - {code: home, label: At home}
        - {code: school, label: At school}
    - code: visits
      text: How many visits were made?
      type: nummber
"""


def _check(client, user, partnership, text: str, name: str = "visits.yaml"):
    client.force_login(user)
    upload = SimpleUploadedFile(name, text.encode(), content_type="application/x-yaml")
    return client.post(partnership_url("questionnaires:check", partnership), {"file": upload})


def test_a_broken_file_names_the_file_the_urn_and_the_question(client, business_unit, partnership):
    text = questionnaire_document(sections=BROKEN).replace("provider: test", f"provider: {partnership.slug}")
    problems = _check(client, business_unit, partnership, text).context["check"].problems
    assert any(p.startswith("visits.yaml: urn:test:questionnaire:every-type: question visits: type:") for p in problems)


def test_a_condition_on_an_answer_the_question_lacks_is_named(client, business_unit, partnership):
    text = questionnaire_document(sections=BROKEN.replace("type: nummber", "type: number"))
    text = text.replace("provider: test", f"provider: {partnership.slug}")
    problems = _check(client, business_unit, partnership, text).context["check"].problems
    [problem] = problems
    assert problem.startswith("visits.yaml: urn:test:questionnaire:every-type: ")
    assert problem.endswith("question seen-where: shown_when gives maybe, not an answer of seen (yes, no)")


def test_a_valid_file_is_outlined_and_not_saved(client, business_unit, partnership):
    text = questionnaire_document().replace("provider: test", f"provider: {partnership.slug}")
    before = LibraryDocument.objects.count()
    response = _check(client, business_unit, partnership, text)
    [checked] = response.context["check"].questionnaires
    assert (checked.code, checked.question_count) == ("every-type", 12)
    assert "Asked only when “Where was the child seen?” is At home" in response.content.decode()
    assert LibraryDocument.objects.count() == before


def test_a_file_of_another_provider_is_refused(client, business_unit, partnership):
    text = questionnaire_document().replace("provider: test", "provider: southshire")
    problems = _check(client, business_unit, partnership, text).context["check"].problems
    assert "provider is 'southshire'" in problems[0]


def test_a_file_of_another_kind_is_refused(client, business_unit, partnership):
    text = "urn: urn:x:scales\nversion: 1\nkind: rating-scale\nprovider: assure\ntitle: S\nitems: []\n"
    problems = _check(client, business_unit, partnership, text).context["check"].problems
    assert problems


def test_a_file_that_is_not_yaml_is_refused(client, business_unit, partnership):
    response = _check(client, business_unit, partnership, "%PDF-1.4", name="questionnaire.pdf")
    assert "must be a YAML file" in response.content.decode()


def test_the_questionnaires_are_listed_under_performance_and_assurance(client, business_unit, partnership):
    page = _page(client, business_unit, partnership_url("menu:assurance", partnership)).content.decode()
    assert partnership_url("questionnaires:list", partnership) in page


def test_an_auditor_is_not_shown_the_questionnaires_in_the_menu(client, auditor, partnership):
    page = _page(client, auditor, partnership_url("menu:assurance", partnership)).content.decode()
    assert partnership_url("questionnaires:list", partnership) not in page
