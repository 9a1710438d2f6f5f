"""Recording a conference and submitting its checklist: who may, what is refused, and the
figures counted again when a checklist is submitted."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.audit.models import Event
from assure.audits.services.conferences import conference_checklist_submit, conference_record
from assure.audits.tests.factories import CHECKLIST_ANSWERS
from assure.performance.models import Observation
from assure.performance.tests.factories import indicator
from assure.questionnaires.services import answers_save

pytestmark = pytest.mark.django_db

HELD_ON = dt.date(2014, 10, 14)


def _record(actor, partnership, **fields):
    return conference_record(
        actor=actor, partnership=partnership, **{"held_on": HELD_ON, "chair": "Ann Chair", **fields}
    )


def _answer_all(actor, conference, **answers):
    given = {**CHECKLIST_ANSWERS, **answers}
    data = {code: value if isinstance(value, list) else [value] for code, value in given.items()}
    assert answers_save(actor=actor, response=conference.response, data=data) == {}


def test_recording_a_conference_starts_a_draft_checklist_on_the_current_version(business_unit, partnership):
    conference = _record(business_unit, partnership, case_reference=" CP14-0007 ")
    assert conference.case_reference == "CP14-0007"
    assert conference.response.status == "draft"
    assert conference.response.questionnaire.code == "conference-checklist"
    assert conference.response.about == conference


def test_the_chairs_service_records_a_conference(agency_lead, partnership):
    assert _record(agency_lead, partnership).recorded_by == agency_lead


def test_a_board_member_may_not_record_a_conference(board_member, partnership):
    with pytest.raises(PermissionDenied):
        _record(board_member, partnership)


def test_a_conference_in_the_future_is_refused(business_unit, partnership):
    with pytest.raises(ValidationError) as error:
        _record(business_unit, partnership, held_on=timezone.localdate() + dt.timedelta(days=1))
    assert "held_on" in error.value.message_dict


def test_a_conference_needs_its_chair(business_unit, partnership):
    with pytest.raises(ValidationError) as error:
        _record(business_unit, partnership, chair="  ")
    assert "chair" in error.value.message_dict


def test_submitting_locks_the_checklist_and_records_an_event(business_unit, partnership):
    conference = _record(business_unit, partnership)
    _answer_all(business_unit, conference)
    conference_checklist_submit(actor=business_unit, conference=conference)
    conference.response.refresh_from_db()
    assert conference.response.is_locked
    assert Event.objects.filter(verb="audits.conference_checked", partnership=partnership).exists()


def test_a_checklist_with_a_question_unanswered_is_refused_naming_it(business_unit, partnership):
    conference = _record(business_unit, partnership)
    _answer_all(business_unit, conference, **{"report-on-time": ""})
    with pytest.raises(ValidationError) as error:
        conference_checklist_submit(actor=business_unit, conference=conference)
    assert "report-on-time" in error.value.message_dict


def test_a_submitted_checklist_cannot_be_submitted_again(business_unit, partnership):
    conference = _record(business_unit, partnership)
    _answer_all(business_unit, conference)
    conference_checklist_submit(actor=business_unit, conference=conference)
    with pytest.raises(PermissionDenied):
        conference_checklist_submit(actor=business_unit, conference=conference)


def test_an_agency_lead_may_not_submit_a_checklist_someone_else_recorded(business_unit, agency_lead, partnership):
    conference = _record(business_unit, partnership)
    _answer_all(business_unit, conference)
    with pytest.raises(PermissionDenied):
        conference_checklist_submit(actor=agency_lead, conference=conference)


def test_submitting_counts_the_conference_in_the_core_dataset_at_once(business_unit, partnership):
    conference = _record(business_unit, partnership)
    _answer_all(business_unit, conference, **{"report-on-time": "no"})
    conference_checklist_submit(actor=business_unit, conference=conference)
    observations = Observation.objects.filter(source=Observation.Source.COMPUTED, partnership=partnership)
    assert observations.get(indicator=indicator("cpc-conferences")).value == Decimal(1)
    assert observations.get(indicator=indicator("cpc-sw-report-on-time-percent")).value == Decimal(0)
    assert observations.get(indicator=indicator("cpc-family-present-percent")).value == Decimal(100)
