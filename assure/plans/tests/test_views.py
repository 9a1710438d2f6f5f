"""The business plan's pages: every member reads the plan, its priorities, objectives and reviews;
the business unit changes them; another partnership's records are not found."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory
from assure.performance.tests.factories import ScorecardLineFactory, indicator
from assure.plans.models import Objective, Priority, PriorityReview, ReviewEvidence
from assure.plans.tests.factories import (
    ObjectiveFactory,
    PlanFactory,
    PriorityFactory,
    PriorityReviewFactory,
    ReviewEvidenceFactory,
)


def u(name, partnership, **kwargs) -> str:
    return reverse(f"plans:{name}", kwargs={"partnership": partnership.slug, **kwargs})


@pytest.fixture
def plan(partnership):
    return PlanFactory(partnership=partnership, vision="Every child safe.")


@pytest.fixture
def priority(plan):
    return PriorityFactory(partnership=plan.partnership, plan=plan, title="Compromised parenting")


@pytest.fixture
def signed_in(client, business_unit):
    client.force_login(business_unit)
    return client


def test_the_plans_page_shows_its_priorities_and_objectives(signed_in, partnership, priority):
    ObjectiveFactory(priority=priority, title="Parents get help early")
    page = signed_in.get(u("home", partnership)).content.decode()
    assert "Every child safe." in page and "Compromised parenting" in page and "Parents get help early" in page
    assert u("review", partnership, pk=priority.pk, year="2014-15") in page


def test_without_a_plan_the_business_unit_is_offered_to_record_one(signed_in, partnership):
    page = signed_in.get(u("home", partnership)).content.decode()
    assert "has not recorded a business plan yet" in page and u("plan_create", partnership) in page


def test_a_board_member_reads_the_plan_but_is_offered_no_change(client, board_member, partnership, priority):
    client.force_login(board_member)
    page = client.get(u("home", partnership)).content.decode()
    assert "Compromised parenting" in page and "Add a priority" not in page


def test_the_business_unit_records_a_plan(signed_in, partnership):
    response = signed_in.post(u("plan_create", partnership), {"title": "Business plan 2014-17", "period": "2014-17"})
    plan = partnership.plans.get()
    assert response["Location"] == u("plan_detail", partnership, pk=plan.pk)
    assert plan.first_year == 2014


def test_a_period_written_wrongly_is_shown_against_its_field(signed_in, partnership):
    response = signed_in.post(u("plan_create", partnership), {"title": "Plan", "period": "2014"})
    assert response.status_code == 200 and "Enter the period like 2014-17" in response.content.decode()


def test_the_business_unit_adds_a_priority(signed_in, partnership, plan):
    signed_in.post(u("priority_create", partnership, pk=plan.pk), {"title": "Communication", "description": ""})
    assert Priority.objects.filter(plan=plan, title="Communication").exists()


def test_the_business_unit_reorders_a_priority(signed_in, partnership, priority):
    signed_in.post(u("priority_edit", partnership, pk=priority.pk), {"title": priority.title, "position": "3"})
    priority.refresh_from_db()
    assert priority.position == 3


def test_deleting_a_priority_asks_for_confirmation_first(signed_in, partnership, priority):
    page = signed_in.get(u("priority_delete", partnership, pk=priority.pk)).content.decode()
    assert "Delete priority" in page and Priority.objects.filter(pk=priority.pk).exists()
    signed_in.post(u("priority_delete", partnership, pk=priority.pk))
    assert not Priority.objects.filter(pk=priority.pk).exists()


def test_a_priority_holding_scorecard_lines_offers_no_delete_button(signed_in, partnership, priority):
    ScorecardLineFactory(priority=priority, indicator=indicator("csc-lac"))
    page = signed_in.get(u("priority_delete", partnership, pk=priority.pk)).content.decode()
    assert "1 indicator on the scorecard" in page and "Delete priority" not in page


def test_the_business_unit_adds_an_objective(signed_in, partnership, priority):
    signed_in.post(u("objective_create", partnership, pk=priority.pk), {"title": "Parents get help early"})
    assert priority.objectives.get().title == "Parents get help early"


def test_an_action_raised_under_an_objective_is_listed_on_its_page(signed_in, partnership, priority, agency):
    objective = ObjectiveFactory(priority=priority)
    due = timezone.localdate() + dt.timedelta(days=20)
    response = signed_in.post(
        u("objective_action_create", partnership, pk=objective.pk),
        {"title": "Publish the toolkit", "owner_agency": agency.pk, "due_on": due.isoformat()},
    )
    assert response["Location"] == u("objective_detail", partnership, pk=objective.pk)
    action = Action.objects.get(title="Publish the toolkit")
    assert (action.source_id, action.owner_agency) == (str(objective.pk), agency)
    assert "Publish the toolkit" in signed_in.get(response["Location"]).content.decode()


def test_an_action_due_in_the_past_is_refused_against_its_date(signed_in, partnership, priority, agency):
    objective = ObjectiveFactory(priority=priority)
    past = timezone.localdate() - dt.timedelta(days=1)
    response = signed_in.post(
        u("objective_action_create", partnership, pk=objective.pk),
        {"title": "Too late", "owner_agency": agency.pk, "due_on": past.isoformat()},
    )
    assert response.status_code == 200 and "must be today or in the future" in response.content.decode()


def test_deleting_an_objective_is_confirmed(signed_in, partnership, priority):
    objective = ObjectiveFactory(priority=priority)
    assert "Delete objective" in signed_in.get(u("objective_delete", partnership, pk=objective.pk)).content.decode()
    signed_in.post(u("objective_delete", partnership, pk=objective.pk))
    assert not Objective.objects.filter(pk=objective.pk).exists()


def test_the_business_unit_writes_the_years_review(signed_in, partnership, priority):
    response = signed_in.post(
        u("review_edit", partnership, pk=priority.pk, year="2014-15"),
        {"what_done": "Trained 54", "what_difference": "Fewer second plans", "what_next": "Launch it"},
    )
    assert response["Location"] == u("review", partnership, pk=priority.pk, year="2014-15")
    review = PriorityReview.objects.get(priority=priority, year="2014-15")
    assert (review.what_done, review.what_difference) == ("Trained 54", "Fewer second plans")


def test_a_year_the_plan_does_not_cover_is_not_found(signed_in, partnership, priority):
    assert signed_in.get(u("review", partnership, pk=priority.pk, year="2019-20")).status_code == 404


def test_the_review_page_shows_the_answers_and_the_evidence_with_its_link(client, viewer, partnership, priority):
    review = PriorityReviewFactory(priority=priority, what_difference="Referrals to the panel rose.")
    action = ActionFactory(partnership=partnership)
    ReviewEvidenceFactory(review=review, target=action, label="Action A-0009: Audit", note="Done.")
    client.force_login(viewer)
    page = client.get(u("review", partnership, pk=priority.pk, year="2014-15")).content.decode()
    assert "Referrals to the panel rose." in page and "Action A-0009: Audit" in page and "Done." in page


def test_linking_evidence_asks_the_kind_then_lists_its_records(signed_in, partnership, priority, agency):
    review = PriorityReviewFactory(priority=priority)
    action = ActionFactory(partnership=partnership, owner_agency=agency, title="Audit plans")
    first = signed_in.get(u("evidence_add", partnership, pk=review.pk)).content.decode()
    assert "Section 11 cycle" in first and "Indicator" in first and "Action" in first
    second = signed_in.get(u("evidence_add", partnership, pk=review.pk) + "?kind=actions.action").content.decode()
    assert "Audit plans" in second
    signed_in.post(
        u("evidence_add", partnership, pk=review.pk), {"kind": "actions.action", "record": action.pk, "note": "Done"}
    )
    assert review.evidence.get().target == action


def test_continuing_without_choosing_a_kind_says_so(signed_in, partnership, priority):
    review = PriorityReviewFactory(priority=priority)
    page = signed_in.get(u("evidence_add", partnership, pk=review.pk) + "?chosen=1").content.decode()
    assert "Choose what kind of record the evidence is." in page


def test_unlinking_evidence_is_confirmed(signed_in, partnership, priority):
    review = PriorityReviewFactory(priority=priority)
    evidence = ReviewEvidenceFactory(review=review, target=ActionFactory(partnership=partnership), label="A")
    assert "Unlink evidence" in signed_in.get(u("evidence_remove", partnership, pk=evidence.pk)).content.decode()
    signed_in.post(u("evidence_remove", partnership, pk=evidence.pk))
    assert not ReviewEvidence.objects.exists()


def test_another_partnerships_priority_is_not_found(signed_in, partnership, other_partnership):
    foreign = PriorityFactory(partnership=other_partnership)
    assert signed_in.get(u("priority_detail", partnership, pk=foreign.pk)).status_code == 404
    assert signed_in.post(u("priority_delete", partnership, pk=foreign.pk)).status_code == 404
    assert Priority.objects.filter(pk=foreign.pk).exists()


@pytest.mark.parametrize("persona", ["board_member", "agency_lead", "auditor", "viewer"], indirect=True)
def test_changing_the_plan_is_the_business_units(client, persona, partnership, priority):
    client.force_login(persona)
    assert client.get(u("priority_edit", partnership, pk=priority.pk)).status_code == 403
    assert client.get(u("review_edit", partnership, pk=priority.pk, year="2014-15")).status_code == 403
