"""Services of the risk register: adding, editing, reviewing (the trend), closing and reopening,
mitigating actions and reminders."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.actions.models import Action
from assure.audit.models import Event
from assure.governance.models import Risk
from assure.governance.selectors.risks import risk_trend, trend_summary
from assure.governance.services.risks import (
    risk_action_raise,
    risk_close,
    risk_create,
    risk_remind,
    risk_reopen,
    risk_review,
    risk_update,
)

from .factories import RiskFactory, RiskReviewFactory, shipped_matrix

pytestmark = pytest.mark.django_db


def _today() -> dt.date:
    return timezone.localdate()


def _create(actor, partnership, **changes) -> Risk:
    fields = {
        "title": "Child sexual exploitation work outgrows the team",
        "cause": "Referrals rise faster than the team grows.",
        "consequence": "Children at risk are not seen quickly enough.",
        "inherent_likelihood": 4,
        "inherent_impact": 5,
        "current_likelihood": 3,
        "current_impact": 4,
        "target_likelihood": 2,
        "target_impact": 3,
        "next_review_on": _today() + dt.timedelta(days=90),
        "owner": actor,
    }
    return risk_create(actor=actor, partnership=partnership, **(fields | changes))


def test_risks_are_numbered_per_partnership(business_unit, partnership, outsider, other_partnership):
    assert _create(business_unit, partnership).reference == "R-01"
    assert _create(business_unit, partnership).reference == "R-02"
    assert _create(outsider, other_partnership).reference == "R-01"


def test_a_new_risk_keeps_the_matrix_version_it_was_scored_on(business_unit, partnership):
    assert _create(business_unit, partnership).matrix == shipped_matrix()


def test_a_score_off_the_matrix_is_refused_against_its_field(business_unit, partnership):
    with pytest.raises(ValidationError) as error:
        _create(business_unit, partnership, current_impact=6)
    assert error.value.message_dict == {"current_impact": ["Choose an impact from 1 to 5."]}


def test_a_target_above_the_inherent_score_is_refused(business_unit, partnership):
    with pytest.raises(ValidationError) as error:
        _create(business_unit, partnership, target_likelihood=5, target_impact=5)
    assert "target_likelihood" in error.value.message_dict


def test_only_the_business_unit_adds_a_risk(board_member, partnership):
    with pytest.raises(PermissionDenied):
        _create(board_member, partnership)


def test_an_owner_who_may_not_read_the_register_is_refused(business_unit, agency_lead, partnership):
    with pytest.raises(ValidationError) as error:
        _create(business_unit, partnership, owner=agency_lead)
    assert "owner" in error.value.message_dict


def test_adding_a_risk_records_an_event(business_unit, partnership):
    risk = _create(business_unit, partnership)
    assert Event.objects.filter(verb="governance.risk_added", target_id=str(risk.pk)).exists()


def test_a_review_keeps_its_score_and_becomes_the_current_one(business_unit, partnership):
    risk = RiskFactory(partnership=partnership, owner=business_unit)
    next_review = _today() + dt.timedelta(days=91)
    review = risk_review(actor=business_unit, risk=risk, likelihood=2, impact=4, next_review_on=next_review)
    risk.refresh_from_db()
    assert (review.score, risk.current_score, risk.next_review_on) == (8, 8, next_review)


def test_the_risks_owner_may_review_it_without_managing_the_register(board_member, partnership):
    risk = RiskFactory(partnership=partnership, owner=board_member)
    review = risk_review(
        actor=board_member, risk=risk, likelihood=2, impact=2, next_review_on=_today() + dt.timedelta(days=30)
    )
    assert review.reviewed_by == board_member


def test_someone_else_without_managing_the_register_may_not_review(board_member, auditor, partnership):
    risk = RiskFactory(partnership=partnership, owner=board_member)
    with pytest.raises(PermissionDenied):
        risk_review(actor=auditor, risk=risk, likelihood=2, impact=2, next_review_on=_today() + dt.timedelta(days=9))


def test_a_review_whose_next_review_is_not_later_is_refused(business_unit, partnership):
    risk = RiskFactory(partnership=partnership)
    with pytest.raises(ValidationError) as error:
        risk_review(actor=business_unit, risk=risk, likelihood=2, impact=2, next_review_on=_today())
    assert "next_review_on" in error.value.message_dict


def test_the_trend_follows_the_reviews_in_date_order(business_unit, partnership):
    risk = RiskFactory(partnership=partnership)
    for days, (likelihood, impact) in ((300, (4, 4)), (200, (3, 4)), (100, (3, 4)), (10, (2, 4))):
        RiskReviewFactory(
            risk=risk, reviewed_on=_today() - dt.timedelta(days=days), likelihood=likelihood, impact=impact
        )
    rows = risk_trend(user=business_unit, risk=risk)
    assert [(row.score, row.direction, row.band.label) for row in rows] == [
        (16, "", "Very high"),
        (12, "down", "High"),
        (12, "same", "High"),
        (8, "down", "Medium"),
    ]
    assert "fallen from 16 to 8" in trend_summary(rows)


def test_editing_a_risk_names_the_fields_changed(business_unit, partnership):
    risk = RiskFactory(partnership=partnership, owner=business_unit)
    assert risk_update(actor=business_unit, risk=risk, title="A new title", cause=risk.cause) == ["title"]


def test_closing_needs_a_reason_kept_on_the_risk(business_unit, partnership):
    risk = RiskFactory(partnership=partnership)
    with pytest.raises(ValidationError):
        risk_close(actor=business_unit, risk=risk, reason=" ")
    risk_close(actor=business_unit, risk=risk, reason="Funding agreed for three years.")
    risk.refresh_from_db()
    assert (risk.status, risk.closed_reason, risk.closed_by) == (
        Risk.Status.CLOSED,
        "Funding agreed for three years.",
        business_unit,
    )


def test_reopening_keeps_its_reason_and_sets_the_next_review(business_unit, partnership):
    risk = RiskFactory(partnership=partnership, status=Risk.Status.CLOSED, closed_reason="Done")
    next_review = _today() + dt.timedelta(days=30)
    risk_reopen(actor=business_unit, risk=risk, reason="Funding cut again.", next_review_on=next_review)
    risk.refresh_from_db()
    assert (risk.status, risk.reopen_reason, risk.next_review_on) == (
        Risk.Status.OPEN,
        "Funding cut again.",
        next_review,
    )


def test_a_mitigating_action_is_raised_with_the_risk_as_its_source(business_unit, partnership, agency):
    risk = RiskFactory(partnership=partnership)
    action = risk_action_raise(
        actor=business_unit, risk=risk, title="Agree funding early", owner_agency=agency, due_on=_today()
    )
    assert Action.objects.get(pk=action.pk).source == risk


def test_a_reminder_goes_to_the_owner_once_a_day(business_unit, board_member, partnership):
    risk = RiskFactory(partnership=partnership, owner=board_member)
    assert risk_remind(actor=business_unit, risk=risk) is not None
    assert risk_remind(actor=business_unit, risk=risk) is None
