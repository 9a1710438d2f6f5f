"""The case files' pages: adding a file (and the warning when a reference looks like a name), the
audit's page, starting the audit, an agency's answers (its own lead only, locked once
submitted), grading and moderation."""

import pytest
from django.urls import reverse

from assure.audits.models import Audit, CaseAudit
from assure.audits.tests.factories import agency_answers, case_added, full_answers, graded, overall_answers

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"audits:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def signed_in(client, user):
    client.force_login(user)
    return client


def flat(data: dict) -> dict:
    """Answers as a form posts them: a date's three boxes, one entry each otherwise."""
    return {code: values if len(values) > 1 else values[0] for code, values in data.items()}


# --- adding a file ---------------------------------------------------------------------------------


def case_form(planned_audit, auditor, agency, reference, **more):
    return {"age": "9", "lead_auditor": str(auditor.pk), f"reference_{agency.pk}": reference, **more}


def test_the_business_unit_adds_a_case_file(client, partnership, planned_audit, business_unit, auditor, agency):
    response = signed_in(client, business_unit).post(
        url("case_add", partnership, pk=planned_audit.pk), case_form(planned_audit, auditor, agency, "HT-2231")
    )
    assert response.status_code == 302
    case = CaseAudit.objects.get(audit=planned_audit)
    assert (case.age, case.lead_auditor, case.references.get().reference) == (9, auditor, "HT-2231")


def test_the_case_file_form_asks_for_no_name(client, partnership, planned_audit, business_unit):
    html = signed_in(client, business_unit).get(url("case_add", partnership, pk=planned_audit.pk)).content.decode()
    assert "case reference" in html
    assert 'name="name"' not in html and "date of birth</label>" not in html.lower()


def test_a_reference_that_looks_like_a_name_is_warned_of_before_it_is_kept(
    client, partnership, planned_audit, business_unit, auditor, agency
):
    data = case_form(planned_audit, auditor, agency, "Jayden Marsh 3/4/2009")
    first = signed_in(client, business_unit).post(url("case_add", partnership, pk=planned_audit.pk), data)
    assert first.status_code == 200
    assert "use the agency&#x27;s case reference instead" in first.content.decode()
    assert not CaseAudit.objects.exists()
    again = client.post(url("case_add", partnership, pk=planned_audit.pk), {**data, "checked": "True"})
    assert again.status_code == 302
    assert CaseAudit.objects.count() == 1


def test_a_missing_reference_is_shown_on_the_form(client, partnership, planned_audit, business_unit, auditor, agency):
    response = signed_in(client, business_unit).post(
        url("case_add", partnership, pk=planned_audit.pk), case_form(planned_audit, auditor, agency, "")
    )
    assert "Enter the case reference of at least one agency" in response.content.decode()


# --- the audit's page and starting -------------------------------------------------------------------


def test_the_audit_page_lists_its_files(
    client, partnership, planned_audit, business_unit, auditor, agency, other_agency
):
    case = case_added(planned_audit, business_unit, auditor, (agency, "HT-2231"), (other_agency, "MP/14/0087"))
    html = signed_in(client, business_unit).get(planned_audit.get_absolute_url()).content.decode()
    assert case.reference in html and "HT-2231" in html and "MP/14/0087" in html
    assert url("audit_start", partnership, pk=planned_audit.pk) in html


def test_an_agency_lead_sees_only_their_own_agencys_reference(
    client, partnership, planned_audit, business_unit, auditor, agency, other_agency, agency_lead
):
    case_added(planned_audit, business_unit, auditor, (agency, "HT-2231"), (other_agency, "MP/14/0087"))
    html = signed_in(client, agency_lead).get(planned_audit.get_absolute_url()).content.decode()
    assert "HT-2231" in html
    assert "MP/14/0087" not in html


def test_starting_the_audit_from_its_page(client, partnership, planned_audit, business_unit, auditor, agency):
    case_added(planned_audit, business_unit, auditor, (agency, "HT-2231"))
    response = signed_in(client, business_unit).post(url("audit_start", partnership, pk=planned_audit.pk))
    assert response.status_code == 302
    planned_audit.refresh_from_db()
    assert planned_audit.status == Audit.Status.AUDITING


def test_starting_without_a_file_says_why(client, partnership, planned_audit, business_unit):
    response = signed_in(client, business_unit).post(url("audit_start", partnership, pk=planned_audit.pk))
    assert "Add at least one case file" in response.content.decode()


# --- an agency's answers -------------------------------------------------------------------------------


def test_an_agency_lead_answers_their_agencys_questions(client, partnership, started, agency, agency_lead):
    response = agency_answers(started, agency)
    html = signed_in(client, agency_lead).get(url("case_answers", partnership, pk=response.pk)).content.decode()
    assert "Did the police take part in the strategy discussion?" in html
    assert "HT-2231" in html


def test_another_agencys_lead_may_not_open_its_answers(client, partnership, started, agency, other_lead):
    response = agency_answers(started, agency)
    assert signed_in(client, other_lead).get(url("case_answers", partnership, pk=response.pk)).status_code == 404


def test_submitting_with_a_question_blank_shows_the_error_and_keeps_the_answers(
    client, partnership, started, agency, agency_lead
):
    response = agency_answers(started, agency)
    data = full_answers(response)
    data.pop("police-strategy-discussion")
    page = signed_in(client, agency_lead).post(
        url("case_answers", partnership, pk=response.pk), {**flat(data), "action": "submit"}
    )
    assert page.status_code == 200
    assert "There is a problem" in page.content.decode()
    response.refresh_from_db()
    assert not response.is_locked
    assert response.answered == len(data)


def test_submitted_answers_are_shown_read_only(client, partnership, started, agency, agency_lead):
    response = agency_answers(started, agency)
    address = url("case_answers", partnership, pk=response.pk)
    submitted = signed_in(client, agency_lead).post(address, {**flat(full_answers(response)), "action": "submit"})
    assert submitted.status_code == 302
    response.refresh_from_db()
    assert response.is_locked
    html = client.get(address).content.decode()
    assert "Submit answers" not in html
    again = client.post(address, {"police-information-shared": "no", "action": "save"})
    assert again.status_code == 302
    response.refresh_from_db()
    assert response.values()["police-information-shared"] == "yes"


def test_the_lead_auditor_reads_every_agencys_answers_on_the_file(client, partnership, answered, auditor):
    html = signed_in(client, auditor).get(answered.get_absolute_url()).content.decode()
    assert html.count("Did the police take part in the strategy discussion?") == 2


def test_an_agency_lead_reads_only_their_own_answers_on_the_file(client, partnership, answered, agency_lead):
    html = signed_in(client, agency_lead).get(answered.get_absolute_url()).content.decode()
    assert html.count("Did the police take part in the strategy discussion?") == 1
    assert "Mercian Police" not in html


def test_the_board_reads_the_files_grades_but_not_the_agencies_answers(client, partnership, answered, board_member):
    html = signed_in(client, board_member).get(answered.get_absolute_url()).content.decode()
    assert "Did the police take part in the strategy discussion?" not in html
    assert "2 of 2 submitted" in html


# --- grading and moderation --------------------------------------------------------------------------


def test_the_lead_auditor_grades_on_the_grading_page(client, partnership, answered, auditor):
    address = url("case_grade", partnership, pk=answered.pk)
    posted = signed_in(client, auditor).post(
        address,
        {
            "overall-multi-agency": "yes",
            "overall-grade": "good",
            "grade-reason": "A clear plan, reviewed at every core group.",
            "action": "submit",
        },
    )
    assert posted.status_code == 302
    answered.refresh_from_db()
    assert (answered.grade, answered.status) == ("good", CaseAudit.Status.MODERATION)


def test_the_grading_page_is_not_open_while_agencies_answer(client, partnership, started, auditor):
    assert signed_in(client, auditor).get(url("case_grade", partnership, pk=started.pk)).status_code == 404


def test_the_business_unit_records_the_agreed_grade(client, partnership, answered, auditor, business_unit):
    graded(answered, auditor)
    posted = signed_in(client, business_unit).post(
        url("case_moderate", partnership, pk=answered.pk), {"agreed_grade": "good", "notes": "Agreed good."}
    )
    assert posted.status_code == 302
    answered.refresh_from_db()
    assert (answered.agreed_grade, answered.status) == ("good", CaseAudit.Status.MODERATED)
    assert overall_answers(answered).status == "moderated"


def test_the_moderation_form_offers_the_tools_grades(client, partnership, answered, auditor, business_unit):
    graded(answered, auditor)
    html = signed_in(client, business_unit).get(url("case_moderate", partnership, pk=answered.pk)).content.decode()
    assert "Requires improvement" in html and "Outstanding" in html
