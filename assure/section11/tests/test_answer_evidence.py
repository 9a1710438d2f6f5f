"""Answering a challenge with a file as evidence: kept with the criterion and the answer, shown to
the moderator; a file refused refuses the answer, with a message, and nothing typed is lost."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assure.section11.models import ChallengeMessage, EvidenceFile, Response, Return
from assure.section11.services.moderation import response_answer, response_challenge

from .factories import PDF_BYTES, CycleFactory, ReturnFactory


@pytest.fixture
def challenged(auditor, partnership, agency) -> Response:
    return_record = ReturnFactory(
        cycle=CycleFactory(lead_partnership=partnership), agency=agency, status=Return.Status.SUBMITTED
    )
    return_record.responses.filter(not_applicable=False).update(self_rating="amber")
    response = return_record.responses.get(criterion="1.1")
    response_challenge(actor=auditor, partnership=partnership, response=response, question="Attach the policy.")
    response.refresh_from_db()
    return response


def _pdf(name="Safeguarding policy v3.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _answer_url(partnership, response):
    return reverse("section11:response_answer", kwargs={"partnership": partnership.slug, "pk": response.pk})


def test_a_file_attached_to_an_answer_is_kept_with_the_criterion_and_the_answer(agency_lead, partnership, challenged):
    message = response_answer(
        actor=agency_lead, partnership=partnership, response=challenged, answer="Attached.", upload=_pdf()
    )
    evidence = EvidenceFile.objects.get()
    assert (evidence.response, evidence.message, evidence.original_name) == (
        challenged,
        message,
        "Safeguarding policy v3.pdf",
    )
    assert evidence.file.read() == PDF_BYTES


def test_a_file_not_of_an_accepted_kind_refuses_the_whole_answer(agency_lead, partnership, challenged):
    script = SimpleUploadedFile("policy.pdf", b"#!/bin/sh\necho hello\n", content_type="application/pdf")
    with pytest.raises(ValidationError) as refused:
        response_answer(
            actor=agency_lead, partnership=partnership, response=challenged, answer="See it.", upload=script
        )
    assert "not a PDF file" in refused.value.message_dict["file"][0]
    challenged.refresh_from_db()
    assert challenged.moderation == Response.Moderation.CHALLENGED
    assert not ChallengeMessage.objects.filter(kind=ChallengeMessage.Kind.ANSWER).exists()
    assert not EvidenceFile.objects.exists()


def test_a_refused_file_is_explained_and_the_answer_typed_is_kept(client, agency_lead, partnership, challenged):
    client.force_login(agency_lead)
    page = client.post(
        _answer_url(partnership, challenged),
        {"answer": "Our policy was revised in March.", "file": SimpleUploadedFile("tool.exe", b"MZ\x90\x00")},
    )
    assert page.status_code == 200
    content = page.content.decode()
    assert "The file must be one of" in content
    assert "Our policy was revised in March." in content
    assert not EvidenceFile.objects.exists()


def test_the_answer_page_sends_the_answer_with_its_file(client, agency_lead, partnership, challenged):
    client.force_login(agency_lead)
    response = client.post(_answer_url(partnership, challenged), {"answer": "Attached.", "file": _pdf()})
    assert response.status_code == 302
    assert response.url.endswith("#criterion-1.1")
    assert EvidenceFile.objects.get().message.text == "Attached."


def test_the_moderator_sees_the_file_with_the_answer(client, auditor, agency_lead, partnership, challenged):
    response_answer(actor=agency_lead, partnership=partnership, response=challenged, answer="Attached.", upload=_pdf())
    evidence = EvidenceFile.objects.get()
    client.force_login(auditor)
    url = reverse("section11:response_moderate", kwargs={"partnership": partnership.slug, "pk": challenged.pk})
    content = client.get(url).content.decode()
    download = reverse("section11:evidence_download", kwargs={"partnership": partnership.slug, "pk": evidence.pk})
    assert (
        f'Attached with the answer: <a class="govuk-link" href="{download}">Safeguarding policy v3.pdf</a>' in content
    )
