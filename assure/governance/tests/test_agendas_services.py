import datetime as dt
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from assure.actions.models import Action
from assure.audit.models import Event
from assure.governance.models import AgendaItem, MeetingMinutes
from assure.governance.services.agendas import (
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_update,
    agenda_publish,
    item_action_raise,
    item_minutes_record,
    minutes_approve,
)
from assure.governance.tests.factories import AgendaItemFactory
from assure.notifications.models import Message
from assure.partnerships.models import ConfidentialMinute
from assure.partnerships.tests.factories import MeetingFactory
from assure.performance.tests.factories import ExceptionReportFactory

TODAY = dt.date(2015, 6, 1)


@pytest.fixture
def meeting(partnership):
    return MeetingFactory(partnership=partnership, held_on=dt.date(2015, 3, 19), location="Shirehall")


@pytest.fixture
def later(partnership, meeting):
    return MeetingFactory(partnership=partnership, held_on=dt.date(2015, 5, 21))


def pdf(name="paper.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 a board paper", content_type="application/pdf")


def test_items_are_numbered_in_the_order_they_are_added(business_unit, meeting):
    first = agenda_item_add(actor=business_unit, meeting=meeting, title="Minutes", purpose="decision")
    second = agenda_item_add(actor=business_unit, meeting=meeting, title="Scorecard", purpose="discussion")
    assert (first.position, second.position) == (1, 2)
    assert Event.objects.filter(verb="governance.agenda_item_added").count() == 2


def test_only_the_business_unit_adds_an_item(board_member, meeting):
    with pytest.raises(PermissionDenied):
        agenda_item_add(actor=board_member, meeting=meeting, title="Scorecard")


def test_an_item_needs_a_title_and_a_known_purpose(business_unit, meeting):
    with pytest.raises(ValidationError) as error:
        agenda_item_add(actor=business_unit, meeting=meeting, title=" ", purpose="gossip")
    assert set(error.value.message_dict) == {"title", "purpose"}


def test_a_presenter_agency_of_another_partnership_is_refused(business_unit, meeting, other_partnership):
    from assure.partnerships.tests.factories import AgencyFactory

    foreign = AgencyFactory(name="Southshire Police", partnerships=[other_partnership])
    with pytest.raises(ValidationError) as error:
        agenda_item_add(actor=business_unit, meeting=meeting, title="Scorecard", presenter_agency=foreign)
    assert "presenter_agency" in error.value.message_dict


def test_an_uploaded_paper_is_kept_under_a_random_name(business_unit, meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = agenda_item_add(actor=business_unit, meeting=meeting, title="CDOP annual report", upload=pdf("cdop.pdf"))
    assert item.paper_file_name == "cdop.pdf" and item.paper_file_type == "application/pdf"
    assert "cdop" not in item.paper_file.name and item.paper_token in item.paper_file.name


def test_a_renamed_file_is_refused_as_a_paper(business_unit, meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError) as error:
        agenda_item_add(
            actor=business_unit, meeting=meeting, title="Report", upload=SimpleUploadedFile("report.pdf", b"MZ\x90")
        )
    assert "paper_file" in error.value.message_dict


def test_a_word_paper_must_hold_a_document(business_unit, meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("something.txt", "not a document")
    with pytest.raises(ValidationError):
        agenda_item_add(
            actor=business_unit,
            meeting=meeting,
            title="Report",
            upload=SimpleUploadedFile("report.docx", packed.getvalue()),
        )


def test_a_record_of_assure_is_given_as_the_paper(business_unit, meeting, partnership):
    report = ExceptionReportFactory(partnership=partnership, meeting=meeting, created_by=business_unit)
    item = agenda_item_add(
        actor=business_unit,
        meeting=meeting,
        title="Exception report",
        paper=f"performance.exception-report:{report.pk}",
    )
    assert item.paper == report
    assert item.paper_label.startswith("Exception report")


def test_a_record_of_another_partnership_is_refused_as_the_paper(business_unit, meeting, other_partnership, outsider):
    foreign = ExceptionReportFactory(partnership=other_partnership, meeting=None, created_by=outsider)
    with pytest.raises(ValidationError) as error:
        agenda_item_add(
            actor=business_unit, meeting=meeting, title="Exception", paper=f"performance.exception-report:{foreign.pk}"
        )
    assert "paper" in error.value.message_dict


def test_a_paper_is_a_record_or_a_document_not_both(business_unit, meeting, partnership, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = ExceptionReportFactory(partnership=partnership, meeting=meeting, created_by=business_unit)
    with pytest.raises(ValidationError) as error:
        agenda_item_add(
            actor=business_unit,
            meeting=meeting,
            title="Exception report",
            paper=f"performance.exception-report:{report.pk}",
            upload=pdf(),
        )
    assert "paper" in error.value.message_dict


def test_removing_the_uploaded_paper_on_edit(
    business_unit, meeting, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    item = agenda_item_add(actor=business_unit, meeting=meeting, title="Training", upload=pdf())
    stored = item.paper_file.name
    with django_capture_on_commit_callbacks(execute=True):
        agenda_item_update(actor=business_unit, item=item, title="Training", purpose="information", remove_file=True)
    item.refresh_from_db()
    assert not item.paper_file and not (tmp_path / stored).exists()


def test_moving_an_item_up_swaps_it_with_the_one_before(business_unit, meeting):
    first = AgendaItemFactory(meeting=meeting, position=1, title="First")
    second = AgendaItemFactory(meeting=meeting, position=2, title="Second")
    agenda_item_move(actor=business_unit, item=second, direction="up")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.position, first.position) == (1, 2)


def test_removing_an_item_renumbers_the_rest(business_unit, meeting):
    first = AgendaItemFactory(meeting=meeting, position=1)
    second = AgendaItemFactory(meeting=meeting, position=2)
    agenda_item_remove(actor=business_unit, item=first)
    second.refresh_from_db()
    assert second.position == 1 and not AgendaItem.objects.filter(pk=first.pk).exists()


def test_an_item_with_minutes_cannot_be_removed(business_unit, meeting):
    item = AgendaItemFactory(meeting=meeting, minutes="Discussed.")
    with pytest.raises(ValidationError):
        agenda_item_remove(actor=business_unit, item=item)


def test_publishing_sends_the_agenda_to_those_who_attend_the_board(business_unit, board_member, viewer, partnership):
    upcoming = MeetingFactory(partnership=partnership, held_on=timezone.localdate() + dt.timedelta(days=10))
    AgendaItemFactory(meeting=upcoming)
    record = agenda_publish(actor=business_unit, meeting=upcoming)
    assert record.is_agenda_published
    recipients = set(Message.objects.filter(kind="governance.agenda_published").values_list("recipient", flat=True))
    assert board_member.pk in recipients and viewer.pk not in recipients
    assert f"/meetings/{upcoming.pk}/agenda/" in Message.objects.first().path


def test_a_subgroup_agenda_goes_to_the_leads_of_its_agencies(
    business_unit, agency_lead, board_member, partnership, agency
):
    from assure.partnerships.tests.factories import SubgroupFactory

    subgroup = SubgroupFactory(partnership=partnership)
    subgroup.agencies.add(agency)
    upcoming = MeetingFactory(
        partnership=partnership, subgroup=subgroup, held_on=timezone.localdate() + dt.timedelta(days=5)
    )
    AgendaItemFactory(meeting=upcoming)
    agenda_publish(actor=business_unit, meeting=upcoming)
    recipients = set(Message.objects.values_list("recipient", flat=True))
    assert recipients == {agency_lead.pk}


def test_an_empty_agenda_is_not_published(business_unit, partnership):
    upcoming = MeetingFactory(partnership=partnership, held_on=timezone.localdate() + dt.timedelta(days=10))
    with pytest.raises(ValidationError):
        agenda_publish(actor=business_unit, meeting=upcoming)


def test_minutes_wait_until_the_meeting_has_taken_place(business_unit, partnership):
    upcoming = MeetingFactory(partnership=partnership, held_on=timezone.localdate() + dt.timedelta(days=10))
    item = AgendaItemFactory(meeting=upcoming)
    with pytest.raises(ValidationError):
        item_minutes_record(actor=business_unit, item=item, minutes="Too soon.")


def test_decision_and_minutes_are_recorded_on_an_open_item(business_unit, meeting):
    item = AgendaItemFactory(meeting=meeting)
    item_minutes_record(actor=business_unit, item=item, decision="Accepted.", minutes="Discussed re-referrals.")
    item.refresh_from_db()
    assert (item.decision, item.minutes) == ("Accepted.", "Discussed re-referrals.")
    assert MeetingMinutes.objects.get(meeting=meeting).status == MeetingMinutes.Status.DRAFT


def test_a_confidential_items_minutes_go_into_a_confidential_minute(business_unit, meeting):
    item = AgendaItemFactory(meeting=meeting, confidential=True, title="Staffing matter")
    item_minutes_record(actor=business_unit, item=item, decision="Noted.", minutes="The secret discussion.")
    item.refresh_from_db()
    minute = ConfidentialMinute.objects.get(meeting=meeting)
    assert (item.decision, item.minutes) == ("", "")
    assert item.confidential_minute == minute and "The secret discussion." in minute.text
    assert not Event.objects.filter(summary__contains="secret").exists()


def test_a_confidential_items_minutes_are_recorded_once(business_unit, meeting):
    item = AgendaItemFactory(meeting=meeting, confidential=True)
    item_minutes_record(actor=business_unit, item=item, minutes="First.")
    item.refresh_from_db()
    with pytest.raises(ValidationError):
        item_minutes_record(actor=business_unit, item=item, minutes="Second.")


def test_an_action_raised_from_an_item_has_it_as_source(business_unit, meeting, agency):
    item = AgendaItemFactory(meeting=meeting, title="Audit of repeat plans")
    action = item_action_raise(
        actor=business_unit,
        item=item,
        title="Report back on repeat plans",
        owner_agency=agency,
        due_on=timezone.localdate() + dt.timedelta(days=30),
    )
    assert action.source == item and "Audit of repeat plans" in action.source_label
    assert Action.objects.count() == 1


def test_minutes_are_approved_at_the_next_meeting_of_the_same_body(business_unit, meeting, later):
    AgendaItemFactory(meeting=meeting)
    record = minutes_approve(actor=business_unit, meeting=meeting, amendments="Item 2: typo.", today=TODAY)
    assert record.is_approved and record.approved_at_meeting == later and record.approved_on == later.held_on
    assert record.amendments == "Item 2: typo."


def test_minutes_are_not_approved_before_the_next_meeting_is_held(business_unit, meeting, later):
    AgendaItemFactory(meeting=meeting)
    with pytest.raises(ValidationError):
        minutes_approve(actor=business_unit, meeting=meeting, today=dt.date(2015, 5, 1))


def test_a_subgroup_meeting_does_not_approve_the_boards_minutes(business_unit, meeting, partnership):
    from assure.partnerships.tests.factories import SubgroupFactory

    MeetingFactory(
        partnership=partnership, subgroup=SubgroupFactory(partnership=partnership), held_on=dt.date(2015, 4, 1)
    )
    AgendaItemFactory(meeting=meeting)
    with pytest.raises(ValidationError):
        minutes_approve(actor=business_unit, meeting=meeting, today=TODAY)


def test_approved_minutes_are_final(business_unit, meeting, later):
    item = AgendaItemFactory(meeting=meeting)
    minutes_approve(actor=business_unit, meeting=meeting, today=TODAY)
    with pytest.raises(PermissionDenied):
        item_minutes_record(actor=business_unit, item=item, minutes="Afterthought.")
