"""Completing a return: saving answers, evidence files, actions and submitting."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory
from assure.section11.models import Cycle, EvidenceFile, Return
from assure.section11.services.returns import (
    evidence_add,
    response_action_raise,
    response_save,
    return_submit,
)

from .factories import PDF_BYTES, CycleFactory, ReturnFactory


@pytest.fixture
def draft(partnership, agency):
    return ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency)


def _rate_all(return_record, rating="green"):
    return_record.responses.filter(not_applicable=False).update(self_rating=rating)


def _url(name, partnership, pk):
    return reverse(f"section11:{name}", kwargs={"partnership": partnership.slug, "pk": pk})


def test_first_save_moves_the_return_to_in_progress(agency_lead, partnership, draft):
    response = draft.responses.get(criterion="1.1")
    response_save(actor=agency_lead, partnership=partnership, response=response, rating="amber", evidence="Policy.")
    draft.refresh_from_db()
    assert draft.status == Return.Status.IN_PROGRESS


def test_a_rating_not_on_the_scale_is_refused(agency_lead, partnership, draft):
    with pytest.raises(ValidationError) as caught:
        response_save(
            actor=agency_lead,
            partnership=partnership,
            response=draft.responses.get(criterion="1.1"),
            rating="purple",
            evidence="",
        )
    assert "rating" in caught.value.message_dict


def test_does_not_apply_needs_a_reason(agency_lead, partnership, draft):
    with pytest.raises(ValidationError) as caught:
        response_save(
            actor=agency_lead,
            partnership=partnership,
            response=draft.responses.get(criterion="1.1"),
            rating="",
            evidence="",
            not_applicable=True,
        )
    assert "evidence" in caught.value.message_dict


def test_a_criterion_the_framework_excludes_cannot_be_answered(agency_lead, partnership, draft):
    with pytest.raises(ValidationError):
        response_save(
            actor=agency_lead,
            partnership=partnership,
            response=draft.responses.get(criterion="2.2"),
            rating="green",
            evidence="",
        )


def test_business_unit_cannot_answer_for_an_agency(business_unit, partnership, draft):
    with pytest.raises(PermissionDenied):
        response_save(
            actor=business_unit,
            partnership=partnership,
            response=draft.responses.get(criterion="1.1"),
            rating="green",
            evidence="",
        )


def test_a_return_cannot_be_submitted_with_unrated_criteria(agency_lead, partnership, draft):
    draft.responses.filter(criterion="1.1").update(self_rating="green")
    with pytest.raises(ValidationError) as caught:
        return_submit(actor=agency_lead, partnership=partnership, return_record=draft)
    assert "1.2, 2.1" in caught.value.messages[0]
    draft.refresh_from_db()
    assert draft.status == Return.Status.NOT_STARTED


def test_a_fully_rated_return_is_submitted(agency_lead, partnership, draft):
    _rate_all(draft)
    return_submit(actor=agency_lead, partnership=partnership, return_record=draft)
    draft.refresh_from_db()
    assert (draft.status, draft.submitted_by) == (Return.Status.SUBMITTED, agency_lead)


def test_a_submitted_return_cannot_be_edited(agency_lead, partnership, draft):
    _rate_all(draft)
    return_submit(actor=agency_lead, partnership=partnership, return_record=draft)
    response = draft.responses.get(criterion="1.1")
    with pytest.raises(PermissionDenied):
        response_save(actor=agency_lead, partnership=partnership, response=response, rating="red", evidence="")


def test_no_file_can_be_added_to_a_submitted_return(agency_lead, partnership, draft):
    _rate_all(draft)
    return_submit(actor=agency_lead, partnership=partnership, return_record=draft)
    upload = SimpleUploadedFile("policy.pdf", PDF_BYTES)
    with pytest.raises(PermissionDenied):
        evidence_add(actor=agency_lead, partnership=partnership, response=draft.responses.first(), upload=upload)


def test_a_submitted_return_posted_to_is_not_changed(client, agency_lead, partnership, draft):
    _rate_all(draft)
    return_submit(actor=agency_lead, partnership=partnership, return_record=draft)
    response = draft.responses.get(criterion="1.1")
    client.force_login(agency_lead)
    client.post(_url("response_edit", partnership, response.pk), {f"c{response.pk}-rating": "red"})
    response.refresh_from_db()
    assert response.self_rating == "green"


def test_a_closed_cycle_return_cannot_be_edited(agency_lead, partnership, draft):
    Cycle.objects.filter(pk=draft.cycle_id).update(status=Cycle.Status.CLOSED)
    draft.refresh_from_db()
    with pytest.raises(PermissionDenied):
        response_save(
            actor=agency_lead,
            partnership=partnership,
            response=draft.responses.get(criterion="1.1"),
            rating="red",
            evidence="",
        )


def test_evidence_is_kept_under_a_random_name(agency_lead, partnership, draft):
    upload = SimpleUploadedFile("Policy naming a family.pdf", PDF_BYTES)
    evidence = evidence_add(actor=agency_lead, partnership=partnership, response=draft.responses.first(), upload=upload)
    assert evidence.original_name == "Policy naming a family.pdf"
    assert "family" not in evidence.file.name
    assert evidence.file.name.endswith(evidence.token)


def test_a_renamed_file_is_refused(agency_lead, partnership, draft):
    upload = SimpleUploadedFile("policy.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(ValidationError):
        evidence_add(actor=agency_lead, partnership=partnership, response=draft.responses.first(), upload=upload)
    assert not EvidenceFile.objects.exists()


def test_saving_a_criterion_without_javascript_redirects_to_it(client, agency_lead, partnership, draft):
    response = draft.responses.get(criterion="1.2")
    client.force_login(agency_lead)
    page = client.post(
        _url("response_edit", partnership, response.pk),
        {
            f"c{response.pk}-rating": "amber",
            f"c{response.pk}-evidence": "Training plan.",
            f"c{response.pk}-file": SimpleUploadedFile("plan.pdf", PDF_BYTES),
        },
    )
    assert page.status_code == 302 and page.url.endswith("#criterion-1.2")
    response.refresh_from_db()
    assert (response.self_rating, response.files.count()) == ("amber", 1)


def test_saving_a_criterion_with_htmx_returns_the_criterion_only(client, agency_lead, partnership, draft):
    response = draft.responses.get(criterion="1.1")
    client.force_login(agency_lead)
    page = client.post(
        _url("response_edit", partnership, response.pk), {f"c{response.pk}-rating": "green"}, HTTP_HX_REQUEST="true"
    )
    assert page.status_code == 200
    assert b"Criterion 1.1 saved." in page.content
    assert b"<html" not in page.content


def test_return_page_shows_progress(client, agency_lead, partnership, draft):
    draft.responses.filter(criterion="1.1").update(self_rating="green")
    client.force_login(agency_lead)
    page = client.get(_url("return_detail", partnership, draft.pk))
    assert b"1 of 3 criteria done" in page.content


def test_submit_page_names_unrated_criteria(client, agency_lead, partnership, draft):
    client.force_login(agency_lead)
    page = client.post(_url("return_submit", partnership, draft.pk))
    assert page.status_code == 200
    assert "1.1, 1.2, 2.1" in page.content.decode()


def test_an_action_is_raised_from_a_criterion_not_fully_met(agency_lead, partnership, agency, draft):
    response = draft.responses.get(criterion="1.1")
    response.self_rating = "amber"
    response.save()
    action = response_action_raise(
        actor=agency_lead,
        partnership=partnership,
        response=response,
        title="Train all front-line staff",
        owner_agency=agency,
        due_on=dt.date.today() + dt.timedelta(days=90),
    )
    assert action.partnership == partnership
    assert action.source == response
    assert action.source_label == f"Section 11 {draft.cycle.year}: criterion 1.1"


def test_no_action_for_a_criterion_fully_met(agency_lead, partnership, agency, draft):
    response = draft.responses.get(criterion="1.1")
    response.self_rating = "green"
    response.save()
    with pytest.raises(ValidationError):
        response_action_raise(
            actor=agency_lead,
            partnership=partnership,
            response=response,
            title="Nothing to do",
            owner_agency=agency,
            due_on=dt.date.today(),
        )
    assert not Action.objects.exists()


def test_return_page_lists_a_criterions_actions(client, agency_lead, partnership, agency, draft):
    response = draft.responses.get(criterion="1.1")
    response.self_rating = "red"
    response.save()
    response_action_raise(
        actor=agency_lead,
        partnership=partnership,
        response=response,
        title="Write the policy",
        owner_agency=agency,
        due_on=dt.date.today(),
    )
    client.force_login(agency_lead)
    assert b"Write the policy" in client.get(_url("return_detail", partnership, draft.pk)).content


def test_return_page_leaves_out_actions_the_user_may_not_see(client, agency_lead, partnership, other_agency, draft):
    # An agency lead sees only the actions its own agency owns, on this page as in the tracker.
    response = draft.responses.get(criterion="1.1")
    ActionFactory(partnership=partnership, owner_agency=other_agency, source=response, title="Police to review")
    client.force_login(agency_lead)
    assert b"Police to review" not in client.get(_url("return_detail", partnership, draft.pk)).content
