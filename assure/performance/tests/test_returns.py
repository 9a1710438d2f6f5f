"""Agency data returns: the pipeline, the services that change returns and the selectors that
read them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.audit.models import Event
from assure.audit.services import event_record
from assure.performance.models import DataReturn, Observation, Period, ReturnRound
from assure.performance.periods import period_for_year
from assure.performance.pipeline import RETURN_PIPELINE, next_steps, step_to
from assure.performance.selectors.returns import (
    assignable_indicators,
    period_before,
    previous_values,
    return_history,
    return_problems,
    return_rows,
    returns_visible_to,
    round_returns,
    rounds_visible_to,
    validated_observations,
)
from assure.performance.services.returns import (
    return_assign,
    return_save_values,
    return_send_back,
    return_submit,
    return_validate,
    round_open,
    round_period,
)
from assure.performance.tests.factories import ReturnRoundFactory, figure, return_test_indicators, return_with
from assure.performance.validation import Entry

Status = DataReturn.Status
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _today():
    """Today as the services see it, read for each test: a run that crosses midnight must not
    compare a date taken at import with one taken after it."""
    global TODAY
    TODAY = timezone.localdate()


@pytest.fixture
def indicators(db):
    return return_test_indicators()


@pytest.fixture
def referrals(indicators):
    return indicators["returns-test-referrals"]


@pytest.fixture
def rereferrals(indicators):
    return indicators["returns-test-rereferrals"]


@pytest.fixture
def own_return(partnership, agency, referrals, rereferrals):
    """The agency lead's agency's draft return for 2014-15."""
    return return_with(partnership=partnership, agency=agency, indicators=[referrals, rereferrals])


@pytest.fixture
def other_return(partnership, other_agency, referrals, own_return):
    """Another agency's return in the same round."""
    return return_with(partnership=partnership, agency=other_agency, indicators=[referrals])


def complete(data_return, actor, **overrides):
    """Enter a valid figure for every indicator of the test return."""
    entries = {
        "returns-test-referrals": Entry(value="120"),
        "returns-test-rereferrals": Entry(numerator="18", denominator="120"),
    }
    entries.update(overrides)
    return return_save_values(actor=actor, data_return=data_return, entries=entries)


def submitted(data_return, actor):
    complete(data_return, actor)
    return return_submit(actor=actor, data_return=data_return)


# The pipeline as data


def test_a_draft_can_only_be_submitted():
    assert [step.to_status for step in next_steps(Status.DRAFT)] == [Status.SUBMITTED]


def test_a_submitted_return_is_validated_or_sent_back():
    assert {step.to_status for step in next_steps(Status.SUBMITTED)} == {Status.VALIDATED, Status.RETURNED}


def test_a_return_sent_back_can_be_submitted_again():
    assert step_to(Status.RETURNED, Status.SUBMITTED) is not None


def test_a_validated_return_goes_nowhere():
    assert next_steps(Status.VALIDATED) == ()


def test_sending_back_needs_a_reason():
    assert step_to(Status.SUBMITTED, Status.RETURNED).needs_reason


@pytest.mark.parametrize(
    ("status", "to_status"),
    [
        (Status.DRAFT, Status.VALIDATED),
        (Status.DRAFT, Status.RETURNED),
        (Status.VALIDATED, Status.RETURNED),
        (Status.VALIDATED, Status.SUBMITTED),
        (Status.RETURNED, Status.VALIDATED),
    ],
)
def test_the_pipeline_refuses_other_moves(status, to_status):
    assert step_to(status, to_status) is None


def test_only_drafts_and_returns_sent_back_are_editable():
    assert {status for status in RETURN_PIPELINE if DataReturn(status=status).is_editable} == {
        Status.DRAFT,
        Status.RETURNED,
    }


# Rounds


def test_a_round_is_opened_for_a_period_with_a_deadline(business_unit, partnership):
    period = period_for_year("2014-15")
    round = round_open(actor=business_unit, partnership=partnership, period=period, deadline=TODAY)
    assert (round.period, round.deadline, round.created_by) == (period, TODAY, business_unit)
    assert Event.objects.filter(verb="return_round.opened", partnership=partnership).exists()


def test_only_one_round_per_period(business_unit, partnership):
    period = period_for_year("2014-15")
    round_open(actor=business_unit, partnership=partnership, period=period, deadline=TODAY)
    with pytest.raises(ValidationError) as error:
        round_open(actor=business_unit, partnership=partnership, period=period, deadline=TODAY)
    assert "period" in error.value.message_dict


def test_a_deadline_before_the_round_opens_is_refused(business_unit, partnership):
    with pytest.raises(ValidationError) as error:
        round_open(
            actor=business_unit,
            partnership=partnership,
            period=period_for_year("2014-15"),
            opens_on=TODAY,
            deadline=TODAY - dt.timedelta(days=1),
        )
    assert "deadline" in error.value.message_dict


def test_an_agency_lead_cannot_open_a_round(agency_lead, partnership):
    with pytest.raises(PermissionDenied):
        round_open(actor=agency_lead, partnership=partnership, period=period_for_year("2014-15"), deadline=TODAY)


def test_a_quarter_of_a_financial_year_is_its_period(db):
    period = round_period(kind=Period.Kind.QUARTER, year="2014-15", quarter=4)
    assert (period.start, period.end) == (dt.date(2015, 1, 1), dt.date(2015, 3, 31))


def test_a_month_of_a_financial_year_falls_in_the_right_calendar_year(db):
    assert round_period(kind=Period.Kind.MONTH, year="2014-15", month=2).start == dt.date(2015, 2, 1)
    assert round_period(kind=Period.Kind.MONTH, year="2014-15", month=4).start == dt.date(2014, 4, 1)


def test_a_quarterly_round_needs_its_quarter(db):
    with pytest.raises(ValidationError):
        round_period(kind=Period.Kind.QUARTER, year="2014-15")


# Choosing what each agency is asked for


@pytest.fixture
def round(partnership):
    return ReturnRoundFactory(partnership=partnership)


def test_asking_an_agency_for_figures_makes_its_return(business_unit, round, agency, referrals):
    data_return = return_assign(actor=business_unit, round=round, agency=agency, indicators=[referrals])
    assert data_return.status == Status.DRAFT
    assert list(data_return.indicators.all()) == [referrals]
    assert Event.objects.filter(verb="return.assigned").exists()


def test_only_agency_return_indicators_can_be_asked_for(business_unit, round, agency, indicators):
    with pytest.raises(ValidationError) as error:
        return_assign(
            actor=business_unit, round=round, agency=agency, indicators=[indicators["returns-test-published"]]
        )
    assert "indicators" in error.value.message_dict


def test_published_indicators_are_not_offered(indicators):
    assert indicators["returns-test-published"] not in assignable_indicators()
    assert indicators["returns-test-referrals"] in assignable_indicators()


def test_an_agency_of_another_partnership_cannot_be_asked(business_unit, round, referrals):
    from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory

    stranger = AgencyFactory(partnerships=[PartnershipFactory()])
    with pytest.raises(ValidationError) as error:
        return_assign(actor=business_unit, round=round, agency=stranger, indicators=[referrals])
    assert "agency" in error.value.message_dict


def test_dropping_an_indicator_removes_its_figure(business_unit, own_return, referrals, rereferrals):
    figure(own_return, rereferrals, 15)
    return_assign(actor=business_unit, round=own_return.round, agency=own_return.agency, indicators=[referrals])
    assert not Observation.objects.filter(data_return=own_return, indicator=rereferrals).exists()


def test_asking_for_nothing_removes_a_draft_return(business_unit, own_return):
    assert return_assign(actor=business_unit, round=own_return.round, agency=own_return.agency, indicators=[]) is None
    assert not DataReturn.objects.filter(pk=own_return.pk).exists()


def test_what_a_submitted_return_asks_for_cannot_change(business_unit, agency_lead, own_return, referrals):
    submitted(own_return, agency_lead)
    with pytest.raises(ValidationError):
        return_assign(actor=business_unit, round=own_return.round, agency=own_return.agency, indicators=[referrals])


def test_an_agency_lead_cannot_choose_what_is_asked(agency_lead, round, agency, referrals):
    with pytest.raises(PermissionDenied):
        return_assign(actor=agency_lead, round=round, agency=agency, indicators=[referrals])


# Entering figures


def test_saved_figures_are_observations_of_the_return(agency_lead, own_return, partnership, agency, referrals):
    complete(own_return, agency_lead)
    observation = Observation.objects.get(data_return=own_return, indicator=referrals)
    assert observation.value == Decimal("120")
    assert observation.source == Observation.Source.AGENCY_RETURN
    assert (observation.partnership, observation.agency, observation.period) == (
        partnership,
        agency,
        own_return.round.period,
    )
    assert observation.definition == referrals.definition


def test_a_ratio_saves_numerator_denominator_and_the_worked_out_value(agency_lead, own_return, rereferrals):
    complete(own_return, agency_lead)
    observation = Observation.objects.get(data_return=own_return, indicator=rereferrals)
    assert (observation.numerator, observation.denominator, observation.value) == (
        Decimal("18"),
        Decimal("120"),
        Decimal("15.0"),
    )


def test_saving_records_an_event(agency_lead, own_return):
    complete(own_return, agency_lead)
    assert Event.objects.filter(verb="return.saved", target_id=str(own_return.pk)).exists()


def test_one_bad_figure_saves_nothing_and_names_it(agency_lead, own_return):
    with pytest.raises(ValidationError) as error:
        complete(own_return, agency_lead, **{"returns-test-rereferrals": Entry(numerator="30", denominator="20")})
    assert list(error.value.message_dict) == ["returns-test-rereferrals__numerator"]
    assert not Observation.objects.filter(data_return=own_return).exists()


def test_a_figure_not_available_is_stored_with_its_reason(agency_lead, own_return, referrals):
    return_save_values(
        actor=agency_lead,
        data_return=own_return,
        entries={"returns-test-referrals": Entry(not_available=True, comment="New case system.")},
    )
    observation = Observation.objects.get(data_return=own_return, indicator=referrals)
    assert (observation.value, observation.missing, observation.comment) == (None, "x", "New case system.")


def test_a_blank_entry_removes_the_figure(agency_lead, own_return, referrals):
    figure(own_return, referrals, 100)
    return_save_values(actor=agency_lead, data_return=own_return, entries={"returns-test-referrals": Entry()})
    assert not Observation.objects.filter(data_return=own_return).exists()


def test_a_figure_not_asked_for_is_refused(agency_lead, own_return):
    with pytest.raises(ValidationError):
        return_save_values(actor=agency_lead, data_return=own_return, entries={"returns-test-lado": Entry(value="3")})


def test_an_agency_lead_cannot_change_another_agencys_return(agency_lead, other_return):
    with pytest.raises(PermissionDenied):
        return_save_values(actor=agency_lead, data_return=other_return, entries={"returns-test-referrals": Entry()})


def test_the_business_unit_can_enter_figures_for_an_agency(business_unit, own_return):
    complete(own_return, business_unit)
    assert Observation.objects.filter(data_return=own_return).count() == 2


def test_an_auditor_cannot_enter_figures(auditor, own_return):
    with pytest.raises(PermissionDenied):
        complete(own_return, auditor)


def test_a_submitted_return_cannot_be_edited(agency_lead, own_return, referrals):
    submitted(own_return, agency_lead)
    with pytest.raises(ValidationError, match="cannot be changed"):
        return_save_values(
            actor=agency_lead, data_return=own_return, entries={"returns-test-referrals": Entry(value="5")}
        )
    assert Observation.objects.get(data_return=own_return, indicator=referrals).value == Decimal("120")


def test_a_validated_return_cannot_be_edited(agency_lead, business_unit, own_return):
    submitted(own_return, agency_lead)
    return_validate(actor=business_unit, data_return=own_return)
    with pytest.raises(ValidationError):
        complete(own_return, agency_lead)


# Previous period and large changes


@pytest.fixture
def last_year_return(partnership, agency, referrals, rereferrals):
    return return_with(
        partnership=partnership,
        agency=agency,
        indicators=[referrals, rereferrals],
        period=period_for_year("2013-14"),
        status=Status.VALIDATED,
    )


def test_the_previous_period_is_the_one_just_before(db):
    earlier = period_for_year("2013-14")
    assert period_before(period_for_year("2014-15")) == earlier


def test_previous_values_come_from_the_agencys_earlier_return(last_year_return, own_return, referrals):
    figure(last_year_return, referrals, 100)
    assert previous_values(data_return=own_return, indicators=[referrals]) == {referrals.pk: Decimal("100")}


def test_previous_values_leave_out_drafts(last_year_return, own_return, referrals):
    figure(last_year_return, referrals, 100)
    DataReturn.objects.filter(pk=last_year_return.pk).update(status=Status.DRAFT)
    assert previous_values(data_return=own_return, indicators=[referrals]) == {}


def test_a_large_change_without_a_comment_is_refused_at_submission(
    agency_lead, last_year_return, own_return, referrals
):
    figure(last_year_return, referrals, 100)
    result = complete(own_return, agency_lead, **{"returns-test-referrals": Entry(value="200")})
    assert len(result.warnings) == 1
    with pytest.raises(ValidationError) as error:
        return_submit(actor=agency_lead, data_return=own_return)
    assert "add a comment" in error.value.messages[0]
    own_return.refresh_from_db()
    assert own_return.status == Status.DRAFT


def test_a_large_change_with_a_comment_is_accepted(agency_lead, last_year_return, own_return, referrals):
    figure(last_year_return, referrals, 100)
    complete(own_return, agency_lead, **{"returns-test-referrals": Entry(value="200", comment="New front door.")})
    return_submit(actor=agency_lead, data_return=own_return)
    assert own_return.status == Status.SUBMITTED


# Submitting, validating, sending back


def test_submitting_records_who_and_when(agency_lead, own_return):
    submitted(own_return, agency_lead)
    own_return.refresh_from_db()
    assert (own_return.status, own_return.submitted_by) == (Status.SUBMITTED, agency_lead)
    assert own_return.submitted_at is not None
    assert Event.objects.filter(verb="return.submitted", target_id=str(own_return.pk)).exists()


def test_a_return_with_a_missing_figure_cannot_be_submitted(agency_lead, own_return):
    return_save_values(
        actor=agency_lead, data_return=own_return, entries={"returns-test-referrals": Entry(value="120")}
    )
    with pytest.raises(ValidationError) as error:
        return_submit(actor=agency_lead, data_return=own_return)
    assert error.value.messages == [
        "Enter a figure for Re-referrals within 12 months (test), or tick not available and say why"
    ]


def test_a_figure_not_available_with_a_reason_counts_as_given(agency_lead, own_return):
    complete(own_return, agency_lead, **{"returns-test-rereferrals": Entry(not_available=True, comment="Audit.")})
    return_submit(actor=agency_lead, data_return=own_return)
    assert own_return.status == Status.SUBMITTED


def test_a_submitted_return_cannot_be_submitted_again(agency_lead, own_return):
    submitted(own_return, agency_lead)
    with pytest.raises(ValidationError):
        return_submit(actor=agency_lead, data_return=own_return)


def test_an_agency_lead_cannot_submit_another_agencys_return(agency_lead, other_return):
    with pytest.raises(PermissionDenied):
        return_submit(actor=agency_lead, data_return=other_return)


def test_the_business_unit_validates_a_submitted_return(agency_lead, business_unit, own_return):
    submitted(own_return, agency_lead)
    return_validate(actor=business_unit, data_return=own_return)
    own_return.refresh_from_db()
    assert (own_return.status, own_return.validated_by) == (Status.VALIDATED, business_unit)
    assert Event.objects.filter(verb="return.validated").exists()


def test_a_draft_cannot_be_validated(business_unit, own_return):
    with pytest.raises(ValidationError):
        return_validate(actor=business_unit, data_return=own_return)


def test_an_agency_lead_cannot_validate(agency_lead, own_return):
    submitted(own_return, agency_lead)
    with pytest.raises(PermissionDenied):
        return_validate(actor=agency_lead, data_return=own_return)


def test_sending_back_needs_a_reason_from_the_business_unit(agency_lead, business_unit, own_return):
    submitted(own_return, agency_lead)
    with pytest.raises(ValidationError) as error:
        return_send_back(actor=business_unit, data_return=own_return, reason="  ")
    assert "reason" in error.value.message_dict


def test_a_return_sent_back_can_be_corrected_and_submitted_again(agency_lead, business_unit, own_return, referrals):
    submitted(own_return, agency_lead)
    return_send_back(actor=business_unit, data_return=own_return, reason="Referrals look double counted.")
    assert (own_return.status, own_return.returned_reason) == (Status.RETURNED, "Referrals look double counted.")
    complete(own_return, agency_lead, **{"returns-test-referrals": Entry(value="110")})
    return_submit(actor=agency_lead, data_return=own_return)
    assert own_return.status == Status.SUBMITTED
    assert Observation.objects.get(data_return=own_return, indicator=referrals).value == Decimal("110")
    assert Event.objects.filter(verb="return.sent_back", data__reason="Referrals look double counted.").exists()


def test_a_validated_return_cannot_be_sent_back(agency_lead, business_unit, own_return):
    submitted(own_return, agency_lead)
    return_validate(actor=business_unit, data_return=own_return)
    with pytest.raises(ValidationError):
        return_send_back(actor=business_unit, data_return=own_return, reason="Too late.")


def test_the_reason_for_sending_back_is_kept_on_the_return(agency_lead, business_unit, own_return):
    submitted(own_return, agency_lead)
    return_send_back(actor=business_unit, data_return=own_return, reason="  Referrals look double counted. ")
    assert DataReturn.objects.get(pk=own_return.pk).returned_reason == "Referrals look double counted."
    event = Event.objects.get(verb="return.sent_back")
    assert event.data["reason"] == "Referrals look double counted."


def test_a_returns_history_is_its_own_events_newest_first(
    agency_lead, business_unit, board_member, partnership, own_return, other_return
):
    submitted(own_return, agency_lead)
    return_send_back(actor=business_unit, data_return=own_return, reason="Referrals look double counted.")
    event_record(actor=business_unit, verb="return.saved", target=other_return, partnership=partnership, summary="1")
    history = list(return_history(user=business_unit, data_return=own_return))
    assert [event.verb for event in history][:2] == ["return.sent_back", "return.submitted"]
    assert {event.target_id for event in history} == {str(own_return.pk)}
    assert not return_history(user=board_member, data_return=own_return).exists()


# Who sees which returns


def test_an_agency_lead_sees_only_their_agencys_returns(agency_lead, partnership, own_return, other_return):
    assert list(returns_visible_to(user=agency_lead, partnership=partnership)) == [own_return]


def test_the_business_unit_and_auditors_see_every_return(business_unit, auditor, partnership, own_return, other_return):
    assert set(returns_visible_to(user=business_unit, partnership=partnership)) == {own_return, other_return}
    assert set(returns_visible_to(user=auditor, partnership=partnership)) == {own_return, other_return}


def test_a_board_member_sees_no_returns(board_member, partnership, own_return):
    assert not returns_visible_to(user=board_member, partnership=partnership).exists()


def test_another_partnership_sees_no_returns(outsider, other_partnership, own_return):
    assert not returns_visible_to(user=outsider, partnership=other_partnership).exists()


def test_rows_of_another_agencys_return_are_empty_for_an_agency_lead(agency_lead, other_return):
    assert return_rows(user=agency_lead, data_return=other_return) == []


def test_rows_check_the_stored_figures(business_unit, own_return, referrals):
    figure(own_return, referrals, "12.5")  # a count, stored before the indicator said so
    rows = return_rows(user=business_unit, data_return=own_return)
    assert [row.code for row in rows] == ["returns-test-referrals", "returns-test-rereferrals"]
    assert return_problems(rows=rows)[0] == "Enter the value of Referrals (test) as a whole number"


# Who has submitted, who is overdue


def test_a_draft_past_its_deadline_is_overdue(business_unit, own_return, other_return, agency_lead):
    ReturnRound.objects.filter(pk=own_return.round_id).update(deadline=TODAY - dt.timedelta(days=1))
    submitted(own_return, agency_lead)
    rows = {r.agency_id: r.overdue for r in round_returns(user=business_unit, round=own_return.round)}
    assert rows == {own_return.agency_id: False, other_return.agency_id: True}


def test_a_draft_before_its_deadline_is_not_overdue(business_unit, own_return):
    assert not round_returns(user=business_unit, round=own_return.round).get().overdue


def test_a_return_sent_back_and_past_its_deadline_is_overdue(business_unit, agency_lead, own_return):
    submitted(own_return, agency_lead)
    return_send_back(actor=business_unit, data_return=own_return, reason="Check the totals.")
    ReturnRound.objects.filter(pk=own_return.round_id).update(deadline=TODAY - dt.timedelta(days=1))
    assert round_returns(user=business_unit, round=own_return.round).get().overdue


def test_rounds_count_their_returns_by_state(business_unit, agency_lead, partnership, own_return, other_return):
    submitted(own_return, agency_lead)
    ReturnRound.objects.filter(pk=own_return.round_id).update(deadline=TODAY - dt.timedelta(days=1))
    round = rounds_visible_to(user=business_unit, partnership=partnership).get()
    assert (round.asked, round.submitted, round.validated, round.returned, round.overdue) == (2, 1, 0, 0, 1)


def test_an_agency_lead_counts_only_their_own_return(agency_lead, partnership, own_return, other_return):
    assert rounds_visible_to(user=agency_lead, partnership=partnership).get().asked == 1


def test_progress_counts_figures_entered_and_asked(business_unit, own_return, referrals):
    figure(own_return, referrals, 100)
    row = round_returns(user=business_unit, round=own_return.round).get()
    assert (row.entered, row.asked) == (1, 2)


# The partnership's figures


def test_only_validated_returns_are_the_partnerships_figures(
    agency_lead, business_unit, board_member, partnership, own_return, other_return, referrals
):
    submitted(own_return, agency_lead)
    figure(other_return, referrals, 50)
    assert not validated_observations(user=board_member, partnership=partnership).exists()
    return_validate(actor=business_unit, data_return=own_return)
    figures = validated_observations(
        user=board_member, partnership=partnership, indicators=[referrals], periods=[own_return.round.period]
    )
    assert [(o.agency_id, o.value) for o in figures] == [(own_return.agency_id, Decimal("120"))]


def test_validated_figures_are_not_shown_to_a_viewer(viewer, business_unit, agency_lead, partnership, own_return):
    submitted(own_return, agency_lead)
    return_validate(actor=business_unit, data_return=own_return)
    assert not validated_observations(user=viewer, partnership=partnership).exists()


def test_validating_a_return_moves_the_partnerships_figures_on(agency_lead, business_unit, partnership, own_return):
    from assure.performance.cache import figures_version

    submitted(own_return, agency_lead)
    before = figures_version(partnership=partnership)
    return_validate(actor=business_unit, data_return=own_return)
    assert figures_version(partnership=partnership) != before
