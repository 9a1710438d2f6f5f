"""The services of a referral's handling: each needs the officer's grant and an open referral,
refuses what cannot be so (dates to come, before the referral, codes not in the library), keyed by
field, records its event and says the records changed; closing keeps the band it was resolved in."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.core import computations
from assure.lado.clocks import timescale_band
from assure.lado.models import Meeting, Referral
from assure.lado.services.handling import (
    consideration_record,
    dbs_duty_warning,
    employer_actions_record,
    meeting_add,
    meeting_remove,
    meeting_update,
    onward_referrals_record,
    police_record,
    referral_close,
    referral_reopen,
)
from assure.lado.tests.factories import MeetingFactory, ReferralFactory
from assure.library.selectors import current_item

pytestmark = pytest.mark.django_db

KNOWN, REFERRED = dt.date(2014, 6, 2), dt.date(2014, 6, 3)


def _outcome(code):
    return current_item(kind="allegation-outcome", code=code)


def _problems(error: ValidationError) -> set[str]:
    return set(error.value.message_dict)


@pytest.fixture
def changes(monkeypatch):
    seen = []
    monkeypatch.setattr(computations, "_on_records_changed", [lambda owner, **kw: seen.append((owner, kw))])
    return seen


# --- permission -----------------------------------------------------------------------------------


def test_the_officer_without_the_grant_is_refused(partnership, referral, designated_officer):
    with pytest.raises(PermissionDenied):
        consideration_record(
            actor=designated_officer,
            partnership=partnership,
            referral=referral,
            considered_on=REFERRED,
            threshold_met=True,
        )


def test_the_business_unit_is_refused(partnership, referral, business_unit):
    with pytest.raises(PermissionDenied):
        meeting_add(actor=business_unit, partnership=partnership, referral=referral, kind="strategy", held_on=REFERRED)


def test_a_closed_referral_is_not_handled(partnership, officer):
    closed = ReferralFactory(
        partnership=partnership, status=Referral.Status.CLOSED, closed_on=REFERRED, outcome=_outcome("false")
    )
    with pytest.raises(PermissionDenied):
        police_record(actor=officer, partnership=partnership, referral=closed, police_investigation=False)


def test_a_draft_is_not_handled(partnership, officer):
    draft = ReferralFactory(partnership=partnership, status=Referral.Status.DRAFT)
    with pytest.raises(PermissionDenied):
        consideration_record(
            actor=officer, partnership=partnership, referral=draft, considered_on=REFERRED, threshold_met=True
        )


# --- the initial consideration --------------------------------------------------------------------


def test_the_consideration_is_recorded_with_its_event(partnership, referral, officer, changes):
    changed = consideration_record(
        actor=officer,
        partnership=partnership,
        referral=referral,
        considered_on=REFERRED,
        threshold_met=True,
        advice_given=" Suspend pending the police's enquiries. ",
    )
    referral.refresh_from_db()
    assert referral.threshold_met is True and referral.advice_given == "Suspend pending the police's enquiries."
    assert set(changed) == {"considered_on", "threshold_met", "advice_given"}
    event = Event.objects.get(verb="lado.consideration_recorded")
    assert event.target_id == str(referral.pk) and referral.reference in event.summary
    assert changes and changes[0][0] == "lado"


def test_the_consideration_unchanged_records_no_event(partnership, referral, officer):
    values = {"considered_on": REFERRED, "threshold_met": False}
    consideration_record(actor=officer, partnership=partnership, referral=referral, **values)
    consideration_record(actor=officer, partnership=partnership, referral=referral, **values)
    assert Event.objects.filter(verb="lado.consideration_recorded").count() == 1


def test_the_consideration_needs_a_date_and_the_threshold(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        consideration_record(
            actor=officer, partnership=partnership, referral=referral, considered_on=None, threshold_met=None
        )
    assert _problems(error) == {"considered_on", "threshold_met"}


def test_the_consideration_cannot_be_in_the_future(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        consideration_record(
            actor=officer,
            partnership=partnership,
            referral=referral,
            considered_on=dt.date.today() + dt.timedelta(days=2),
            threshold_met=True,
        )
    assert "future" in error.value.message_dict["considered_on"][0]


def test_the_consideration_cannot_be_before_the_referral(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        consideration_record(
            actor=officer, partnership=partnership, referral=referral, considered_on=KNOWN, threshold_met=True
        )
    assert "before the referral" in error.value.message_dict["considered_on"][0]


# --- meetings -------------------------------------------------------------------------------------


def test_a_meeting_is_added_with_its_event(partnership, referral, officer, changes):
    meeting = meeting_add(
        actor=officer,
        partnership=partnership,
        referral=referral,
        kind="joint-evaluation",
        held_on=dt.date(2014, 6, 10),
        attendees="Detective sergeant, police",
        decisions="Police to interview.",
    )
    assert meeting.referral == referral and meeting.created_by == officer
    assert Event.objects.get(verb="lado.meeting_added").data["meeting"] == meeting.pk
    assert changes


def test_a_meeting_needs_a_kind_of_the_library(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        meeting_add(actor=officer, partnership=partnership, referral=referral, kind="coffee", held_on=REFERRED)
    assert _problems(error) == {"kind"}


def test_a_meeting_cannot_be_before_the_employer_knew(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        meeting_add(
            actor=officer, partnership=partnership, referral=referral, kind="strategy", held_on=dt.date(2014, 5, 1)
        )
    assert _problems(error) == {"held_on"}


def test_a_meeting_is_changed_naming_the_fields(partnership, referral, officer):
    meeting = MeetingFactory(referral=referral)
    changed = meeting_update(
        actor=officer,
        partnership=partnership,
        meeting=meeting,
        kind="review",
        held_on=meeting.held_on,
        attendees=meeting.attendees,
        decisions=meeting.decisions,
    )
    assert changed == ["kind"]
    assert Event.objects.get(verb="lado.meeting_updated").data["changed"] == ["kind"]


def test_a_meeting_is_removed_with_its_event(partnership, referral, officer):
    meeting = MeetingFactory(referral=referral)
    meeting_remove(actor=officer, partnership=partnership, meeting=meeting)
    assert not Meeting.objects.exists()
    assert Event.objects.get(verb="lado.meeting_removed").target_id == str(referral.pk)


# --- the police -----------------------------------------------------------------------------------


def test_an_investigation_is_recorded_with_its_result(partnership, referral, officer):
    police_record(
        actor=officer,
        partnership=partnership,
        referral=referral,
        police_investigation=True,
        police_started_on=dt.date(2014, 6, 4),
        police_result="no-further-action",
        police_result_on=dt.date(2014, 7, 1),
    )
    referral.refresh_from_db()
    assert referral.police_result == "no-further-action"
    assert Event.objects.filter(verb="lado.police_recorded").exists()


def test_an_investigation_needs_its_start(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        police_record(actor=officer, partnership=partnership, referral=referral, police_investigation=True)
    assert _problems(error) == {"police_started_on"}


def test_a_result_needs_a_code_of_the_library(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        police_record(
            actor=officer,
            partnership=partnership,
            referral=referral,
            police_investigation=True,
            police_started_on=dt.date(2014, 6, 4),
            police_result="hanged",
            police_result_on=dt.date(2014, 7, 1),
        )
    assert _problems(error) == {"police_result"}


def test_a_result_cannot_come_before_the_investigation(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        police_record(
            actor=officer,
            partnership=partnership,
            referral=referral,
            police_investigation=True,
            police_started_on=dt.date(2014, 6, 10),
            police_result="caution",
            police_result_on=dt.date(2014, 6, 5),
        )
    assert _problems(error) == {"police_result_on"}


def test_no_investigation_clears_the_dates(partnership, officer):
    referral = ReferralFactory(
        partnership=partnership, police_investigation=True, police_started_on=dt.date(2014, 6, 4)
    )
    police_record(actor=officer, partnership=partnership, referral=referral, police_investigation=False)
    referral.refresh_from_db()
    assert referral.police_investigation is False and referral.police_started_on is None


# --- the employer's actions -----------------------------------------------------------------------


def test_a_suspension_is_recorded(partnership, referral, officer):
    employer_actions_record(
        actor=officer,
        partnership=partnership,
        referral=referral,
        suspended=True,
        suspended_from=dt.date(2014, 6, 3),
        suspended_to=dt.date(2014, 7, 3),
        disciplinary=True,
        employment_outcome="short-of-dismissal",
    )
    referral.refresh_from_db()
    assert referral.suspended and referral.suspended_to == dt.date(2014, 7, 3) and referral.disciplinary
    assert Event.objects.filter(verb="lado.employer_actions_recorded").exists()


def test_a_suspension_cannot_end_before_it_began(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        employer_actions_record(
            actor=officer,
            partnership=partnership,
            referral=referral,
            suspended=True,
            suspended_from=dt.date(2014, 6, 10),
            suspended_to=dt.date(2014, 6, 5),
        )
    assert _problems(error) == {"suspended_to"}


def test_a_suspension_needs_its_start(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        employer_actions_record(actor=officer, partnership=partnership, referral=referral, suspended=True)
    assert _problems(error) == {"suspended_from"}


def test_an_employment_outcome_needs_a_code_of_the_library(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        employer_actions_record(
            actor=officer, partnership=partnership, referral=referral, suspended=False, employment_outcome="promoted"
        )
    assert _problems(error) == {"employment_outcome"}


# --- onward referrals -----------------------------------------------------------------------------


def test_onward_referrals_are_recorded(partnership, referral, officer):
    onward_referrals_record(
        actor=officer,
        partnership=partnership,
        referral=referral,
        dbs_referral=True,
        dbs_referred_on=dt.date(2014, 8, 1),
        regulator_referral=True,
        regulator="tra",
        regulator_referred_on=dt.date(2014, 8, 2),
    )
    referral.refresh_from_db()
    assert referral.dbs_referral and referral.regulator == "tra"
    assert Event.objects.filter(verb="lado.onward_referrals_recorded").exists()


def test_a_referral_to_a_regulator_needs_the_regulator_and_date(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        onward_referrals_record(
            actor=officer,
            partnership=partnership,
            referral=referral,
            dbs_referral=False,
            regulator_referral=True,
            regulator="",
        )
    assert _problems(error) == {"regulator", "regulator_referred_on"}


def test_onward_referrals_need_both_answers(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        onward_referrals_record(
            actor=officer, partnership=partnership, referral=referral, dbs_referral=None, regulator_referral=None
        )
    assert _problems(error) == {"dbs_referral", "regulator_referral"}


def test_no_dbs_referral_after_a_substantiated_dismissal_is_warned(partnership):
    referral = ReferralFactory(
        partnership=partnership,
        status=Referral.Status.CLOSED,
        outcome=_outcome("substantiated"),
        employment_outcome="dismissed",
        dbs_referral=False,
    )
    assert "Disclosure and Barring Service" in dbs_duty_warning(referral)


@pytest.mark.parametrize(
    ("outcome", "employment", "dbs"),
    [
        ("substantiated", "dismissed", True),
        ("substantiated", "short-of-dismissal", False),
        ("unsubstantiated", "resigned", False),
    ],
)
def test_no_warning_without_the_duty_or_with_the_referral(partnership, outcome, employment, dbs):
    referral = ReferralFactory(
        partnership=partnership, outcome=_outcome(outcome), employment_outcome=employment, dbs_referral=dbs
    )
    assert dbs_duty_warning(referral) == ""


def test_the_warning_reads_the_outcome_being_given(partnership):
    referral = ReferralFactory(partnership=partnership, employment_outcome="resigned", dbs_referral=False)
    assert dbs_duty_warning(referral, "substantiated")


# --- closing and reopening ------------------------------------------------------------------------


def test_closing_records_the_outcome_and_the_band(partnership, referral, officer, changes):
    referral_close(
        actor=officer,
        partnership=partnership,
        referral=referral,
        outcome=_outcome("unsubstantiated"),
        closed_on=dt.date(2014, 6, 30),
        learning="Review the use of restraint.",
    )
    referral.refresh_from_db()
    assert referral.status == Referral.Status.CLOSED and referral.outcome.code == "unsubstantiated"
    assert timescale_band(referral) == "month"
    event = Event.objects.get(verb="lado.referral_closed")
    assert event.data["band"] == "month" and event.data["outcome"] == "unsubstantiated"
    assert "within one month" in event.summary
    assert changes


def test_closing_late_falls_in_a_longer_band(partnership, referral, officer):
    referral_close(
        actor=officer,
        partnership=partnership,
        referral=referral,
        outcome=_outcome("substantiated"),
        closed_on=dt.date(2014, 8, 20),
    )
    assert Event.objects.get(verb="lado.referral_closed").data["band"] == "quarter"


def test_an_allegation_needs_an_outcome_to_close(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        referral_close(actor=officer, partnership=partnership, referral=referral, outcome=None, closed_on=REFERRED)
    assert _problems(error) == {"outcome"}


def test_an_outcome_must_be_an_allegation_outcome(partnership, referral, officer):
    wrong = current_item(kind="lado-police-result", code="caution")
    with pytest.raises(ValidationError) as error:
        referral_close(actor=officer, partnership=partnership, referral=referral, outcome=wrong, closed_on=REFERRED)
    assert _problems(error) == {"outcome"}


def test_closing_cannot_be_before_the_referral(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        referral_close(
            actor=officer, partnership=partnership, referral=referral, outcome=_outcome("false"), closed_on=KNOWN
        )
    assert _problems(error) == {"closed_on"}


def test_a_low_level_concern_closes_without_an_outcome_or_a_band(partnership, officer):
    concern = ReferralFactory(partnership=partnership, category="low-level-concern")
    referral_close(actor=officer, partnership=partnership, referral=concern, outcome=None, closed_on=REFERRED)
    concern.refresh_from_db()
    assert concern.status == Referral.Status.CLOSED and concern.outcome is None
    assert Event.objects.get(verb="lado.referral_closed").data["band"] == ""


def test_reopening_needs_a_reason(partnership, officer):
    closed = ReferralFactory(
        partnership=partnership, status=Referral.Status.CLOSED, outcome=_outcome("false"), closed_on=REFERRED
    )
    with pytest.raises(ValidationError) as error:
        referral_reopen(actor=officer, partnership=partnership, referral=closed, reason=" ")
    assert _problems(error) == {"reason"}


def test_reopening_clears_the_outcome_and_keeps_it_in_the_event(partnership, officer):
    closed = ReferralFactory(
        partnership=partnership, status=Referral.Status.CLOSED, outcome=_outcome("false"), closed_on=REFERRED
    )
    referral_reopen(actor=officer, partnership=partnership, referral=closed, reason="New evidence from the school.")
    closed.refresh_from_db()
    assert closed.status == Referral.Status.OPEN and closed.outcome is None and closed.closed_on is None
    event = Event.objects.get(verb="lado.referral_reopened")
    assert event.data == {"reason": "New evidence from the school.", "outcome": "false", "closed_on": "2014-06-03"}


def test_an_open_referral_cannot_be_reopened(partnership, referral, officer):
    with pytest.raises(PermissionDenied):
        referral_reopen(actor=officer, partnership=partnership, referral=referral, reason="Why not")
