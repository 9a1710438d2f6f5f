"""Agencies' contributions to a review: asked of the partnership's agencies (their leads told, with
the address of their upload page), uploaded by the agency's own lead, checked by the documents'
policy, replaced without leaving a file behind, and chased by hand and by the daily reminders."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from assure.notifications.models import Message, Reminder
from assure.reviews.models import Contribution, Review
from assure.reviews.services.contributions import (
    contribution_remind,
    contribution_upload,
    contributions_reminders_due,
    contributions_request,
)
from assure.reviews.tests.factories import REVIEW_PDF, ContributionFactory, ReviewFactory, UploadedContributionFactory

pytestmark = pytest.mark.django_db

DUE = dt.date.today() + dt.timedelta(days=20)


@pytest.fixture
def running(partnership, business_unit):
    return ReviewFactory(
        partnership=partnership, reference="RV-001", status=Review.Status.UNDER_WAY, created_by=business_unit
    )


def _pdf(name="chronology.pdf", data=REVIEW_PDF):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


# --- asking ----------------------------------------------------------------------------------------


def test_asking_makes_one_contribution_per_agency(running, business_unit, agency, other_agency):
    made = contributions_request(
        actor=business_unit, review=running, agencies=[agency, other_agency], kind="chronology", due_on=DUE
    )
    assert sorted(c.agency.name for c in made) == sorted([agency.name, other_agency.name])


def test_the_agencys_lead_is_told_with_the_address_of_their_upload_page(running, business_unit, agency, agency_lead):
    [made] = contributions_request(
        actor=business_unit, review=running, agencies=[agency], kind="chronology", due_on=DUE
    )
    message = Message.objects.get(recipient=agency_lead)
    assert message.kind == "reviews.contribution_requested"
    assert message.path == f"/p/{running.partnership.slug}/reviews/case-reviews/contributions/{made.pk}/upload/"


def test_another_agencys_lead_is_not_told(running, business_unit, other_agency, agency_lead):
    contributions_request(actor=business_unit, review=running, agencies=[other_agency], kind="chronology", due_on=DUE)
    assert not Message.objects.filter(recipient=agency_lead).exists()


def test_an_agency_asked_already_for_a_kind_is_not_asked_again(running, business_unit, agency):
    contributions_request(actor=business_unit, review=running, agencies=[agency], kind="chronology", due_on=DUE)
    again = contributions_request(actor=business_unit, review=running, agencies=[agency], kind="chronology", due_on=DUE)
    assert again == [] and Contribution.objects.count() == 1


def test_a_kind_not_in_the_scheme_is_refused(running, business_unit, agency):
    with pytest.raises(ValidationError) as refused:
        contributions_request(actor=business_unit, review=running, agencies=[agency], kind="diary", due_on=DUE)
    assert "kind" in refused.value.message_dict


def test_an_agency_of_another_partnership_cannot_be_asked(running, business_unit, other_partnership):
    from assure.partnerships.tests.factories import AgencyFactory

    stranger = AgencyFactory(name="Southshire Police", partnerships=[other_partnership])
    with pytest.raises(ValidationError) as refused:
        contributions_request(actor=business_unit, review=running, agencies=[stranger], kind="chronology", due_on=DUE)
    assert "agencies" in refused.value.message_dict


def test_only_the_business_unit_asks(running, auditor, agency):
    with pytest.raises(PermissionDenied):
        contributions_request(actor=auditor, review=running, agencies=[agency], kind="chronology", due_on=DUE)


# --- uploading -------------------------------------------------------------------------------------


def test_the_agencys_lead_uploads_its_contribution(running, agency, agency_lead):
    asked = ContributionFactory(review=running, agency=agency)
    contribution_upload(actor=agency_lead, contribution=asked, upload=_pdf())
    asked.refresh_from_db()
    assert asked.is_received and asked.uploaded_by == agency_lead and asked.file_name == "chronology.pdf"
    assert asked.file.read() == REVIEW_PDF


def test_a_lead_cannot_upload_for_another_agency(running, other_agency, agency_lead):
    asked = ContributionFactory(review=running, agency=other_agency)
    with pytest.raises(PermissionDenied):
        contribution_upload(actor=agency_lead, contribution=asked, upload=_pdf())


def test_nobody_uploads_to_a_closed_review(partnership, agency, agency_lead):
    closed = ReviewFactory(partnership=partnership, status=Review.Status.PUBLISHED)
    with pytest.raises(PermissionDenied):
        contribution_upload(
            actor=agency_lead, contribution=ContributionFactory(review=closed, agency=agency), upload=_pdf()
        )


def test_a_program_renamed_as_a_pdf_is_refused(running, agency, agency_lead):
    asked = ContributionFactory(review=running, agency=agency)
    with pytest.raises(ValidationError) as refused:
        contribution_upload(actor=agency_lead, contribution=asked, upload=_pdf(data=b"MZ\x90\x00 a program"))
    assert "file" in refused.value.message_dict


def test_a_spreadsheet_is_not_a_review_document(running, agency, agency_lead):
    asked = ContributionFactory(review=running, agency=agency)
    with pytest.raises(ValidationError) as refused:
        contribution_upload(actor=agency_lead, contribution=asked, upload=_pdf(name="figures.xlsx"))
    assert "PDF, Word (.docx) or OpenDocument text" in refused.value.message_dict["file"][0]


def test_replacing_a_file_deletes_the_one_before_once_saved(
    running, agency, agency_lead, django_capture_on_commit_callbacks
):
    asked = UploadedContributionFactory(review=running, agency=agency)
    before = asked.file.name
    storage = asked.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        contribution_upload(actor=agency_lead, contribution=asked, upload=_pdf(name="second.pdf"))
    asked.refresh_from_db()
    assert asked.file.name != before and not storage.exists(before) and storage.exists(asked.file.name)


# --- chasing ---------------------------------------------------------------------------------------


def test_the_business_unit_reminds_the_agencys_lead_once_a_day(running, business_unit, agency, agency_lead):
    asked = ContributionFactory(review=running, agency=agency, due_on=dt.date.today() - dt.timedelta(days=3))
    assert contribution_remind(actor=business_unit, contribution=asked) is not None
    assert contribution_remind(actor=business_unit, contribution=asked) is None
    assert Reminder.objects.count() == 1
    message = Message.objects.get(recipient=agency_lead, kind="reviews.contribution_reminder")
    assert message.subject.startswith("Overdue:")


def test_an_uploaded_contribution_is_not_chased(running, business_unit, agency):
    with pytest.raises(ValidationError):
        contribution_remind(
            actor=business_unit, contribution=UploadedContributionFactory(review=running, agency=agency)
        )


def test_only_the_business_unit_sends_a_reminder(running, auditor, agency):
    with pytest.raises(PermissionDenied):
        contribution_remind(actor=auditor, contribution=ContributionFactory(review=running, agency=agency))


def test_the_reminder_source_gives_each_contribution_awaited_with_its_leads(running, agency, agency_lead):
    awaited = ContributionFactory(review=running, agency=agency, due_on=DUE)
    UploadedContributionFactory(review=running, agency=agency, kind="report")
    [due] = contributions_reminders_due(today=dt.date.today())
    assert (due.target, due.deadline, due.recipients) == (awaited, DUE, [agency_lead])
    assert due.path.endswith(f"/contributions/{awaited.pk}/upload/")


def test_the_reminder_source_leaves_out_closed_reviews(partnership, agency):
    closed = ReviewFactory(partnership=partnership, status=Review.Status.CANCELLED)
    ContributionFactory(review=closed, agency=agency)
    assert contributions_reminders_due(today=dt.date.today()) == []


def test_the_library_has_the_review_contribution_rule():
    from assure.notifications.reminders import reminder_rules, reminder_sources

    rule = reminder_rules()["review-contribution"]
    assert (rule.before_deadline_days, rule.overdue_every_days) == ((7, 2), 7)
    assert "review-contribution" in reminder_sources()
