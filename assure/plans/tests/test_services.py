"""The business plan's services: the plan, its priorities and objectives, actions under an
objective, the year's review and its evidence; who may make each change, and what it records."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.actions.selectors import actions_visible_to
from assure.actions.tests.factories import ActionFactory
from assure.audit.models import Event
from assure.performance.models import FiguresVersion
from assure.performance.tests.factories import ScorecardLineFactory, indicator
from assure.plans import services
from assure.plans.models import Objective, Plan, Priority, ReviewEvidence
from assure.plans.tests.factories import ObjectiveFactory, PlanFactory, PriorityFactory, PriorityReviewFactory


@pytest.fixture
def plan(partnership):
    return PlanFactory(partnership=partnership)


@pytest.fixture
def priority(plan):
    return PriorityFactory(partnership=plan.partnership, plan=plan, title="Compromised parenting", position=0)


def verbs(partnership) -> list[str]:
    return list(Event.objects.filter(partnership=partnership).order_by("pk").values_list("verb", flat=True))


# --- the plan ---------------------------------------------------------------------------------


def test_plan_create_reads_the_years_from_the_period(business_unit, partnership):
    plan = services.plan_create(actor=business_unit, partnership=partnership, title="Business plan", period="2014-17")
    assert (plan.first_year, plan.last_year) == (2014, 2016)
    assert verbs(partnership) == ["plan.created"]


def test_plan_create_reads_a_period_across_a_century(business_unit, partnership):
    plan = services.plan_create(actor=business_unit, partnership=partnership, title="Plan", period="1998-01")
    assert (plan.first_year, plan.last_year) == (1998, 2000)


def test_plan_create_refuses_a_period_not_written_like_2014_17(business_unit, partnership):
    with pytest.raises(ValidationError) as refused:
        services.plan_create(actor=business_unit, partnership=partnership, title="Plan", period="2014 to 2017")
    assert "period" in refused.value.error_dict


def test_plan_create_needs_a_title(business_unit, partnership):
    with pytest.raises(ValidationError) as refused:
        services.plan_create(actor=business_unit, partnership=partnership, title="  ")
    assert "title" in refused.value.error_dict


@pytest.mark.parametrize("persona", ["board_member", "agency_lead", "auditor", "viewer"], indirect=True)
def test_plan_create_is_the_business_units(persona, partnership):
    with pytest.raises(PermissionDenied):
        services.plan_create(actor=persona, partnership=partnership, title="Plan")


def test_plan_update_records_the_fields_changed(business_unit, plan):
    services.plan_update(actor=business_unit, plan=plan, title=plan.title, period="2015-18", vision="Safe children")
    plan.refresh_from_db()
    assert (plan.period, plan.first_year, plan.vision) == ("2015-18", 2015, "Safe children")
    event = Event.objects.get(verb="plan.changed")
    assert event.data["fields"] == ["period", "first_year", "last_year", "vision"]


# --- priorities -------------------------------------------------------------------------------


def test_priority_create_puts_it_last_in_the_plan(business_unit, plan, priority):
    added = services.priority_create(actor=business_unit, plan=plan, title=" Communication ")
    assert (added.title, added.position, added.partnership) == ("Communication", 1, plan.partnership)
    assert verbs(plan.partnership)[-1] == "plan.priority_added"


def test_priority_create_refuses_a_title_the_plan_already_has(business_unit, plan, priority):
    with pytest.raises(ValidationError) as refused:
        services.priority_create(actor=business_unit, plan=plan, title="COMPROMISED parenting")
    assert "already has a priority called" in refused.value.error_dict["title"][0].message


def test_priority_create_allows_a_title_of_another_plan(business_unit, partnership, priority):
    later = PlanFactory(partnership=partnership, title="Business plan 2017-20", first_year=2017, last_year=2019)
    assert services.priority_create(actor=business_unit, plan=later, title="Compromised parenting").pk


def test_priority_update_moves_it(business_unit, priority):
    services.priority_update(actor=business_unit, priority=priority, title="Parenting", position=4)
    priority.refresh_from_db()
    assert (priority.title, priority.position) == ("Parenting", 4)


def test_a_priority_changed_in_the_plan_moves_the_scorecards_figures_on(business_unit, partnership, priority):
    scope = f"partnership:{partnership.pk}"
    before = getattr(FiguresVersion.objects.filter(scope=scope).first(), "version", 0)
    services.priority_update(actor=business_unit, priority=priority, title="Parenting", position=0)
    assert FiguresVersion.objects.get(scope=scope).version > before


def test_priority_delete_removes_it_with_its_objectives(business_unit, priority):
    ObjectiveFactory(priority=priority)
    services.priority_delete(actor=business_unit, priority=priority)
    assert not Priority.objects.filter(pk=priority.pk).exists()
    assert not Objective.objects.filter(priority_id=priority.pk).exists()
    assert verbs(priority.partnership)[-1] == "plan.priority_deleted"


def test_priority_delete_is_refused_while_the_scorecard_has_lines_under_it(business_unit, priority):
    ScorecardLineFactory(priority=priority, indicator=indicator("csc-lac"))
    with pytest.raises(ValidationError) as refused:
        services.priority_delete(actor=business_unit, priority=priority)
    assert "1 indicator on the scorecard" in refused.value.messages[0]
    assert Priority.objects.filter(pk=priority.pk).exists()


def test_priority_delete_is_the_business_units(board_member, priority):
    with pytest.raises(PermissionDenied):
        services.priority_delete(actor=board_member, priority=priority)


# --- objectives and their actions -------------------------------------------------------------


def test_objective_create_puts_it_last_under_the_priority(business_unit, priority):
    ObjectiveFactory(priority=priority, position=3)
    added = services.objective_create(actor=business_unit, priority=priority, title="Parents get help early")
    assert added.position == 4
    assert verbs(priority.partnership)[-1] == "plan.objective_added"


def test_objective_create_needs_its_words(business_unit, priority):
    with pytest.raises(ValidationError) as refused:
        services.objective_create(actor=business_unit, priority=priority, title="")
    assert "title" in refused.value.error_dict


def test_an_action_raised_under_an_objective_is_the_one_action_with_it_as_source(business_unit, priority, agency):
    objective = ObjectiveFactory(priority=priority, title="Parents get help early")
    action = services.objective_action_raise(
        actor=business_unit,
        objective=objective,
        title="Publish the toolkit",
        owner_agency=agency,
        due_on=timezone.localdate() + dt.timedelta(days=30),
    )
    assert list(actions_visible_to(user=business_unit, partnership=priority.partnership, source=objective)) == [action]
    assert action.source_label == "Business plan: Parents get help early"


def test_raising_an_action_under_an_objective_is_the_business_units(board_member, priority, agency):
    with pytest.raises(PermissionDenied):
        services.objective_action_raise(
            actor=board_member,
            objective=ObjectiveFactory(priority=priority),
            title="Publish the toolkit",
            owner_agency=agency,
            due_on=timezone.localdate(),
        )


def test_objective_delete_leaves_its_actions_in_the_tracker(business_unit, priority, agency):
    objective = ObjectiveFactory(priority=priority, title="Parents get help early")
    action = services.objective_action_raise(
        actor=business_unit, objective=objective, title="Publish", owner_agency=agency, due_on=timezone.localdate()
    )
    services.objective_delete(actor=business_unit, objective=objective)
    assert not Objective.objects.filter(pk=objective.pk).exists()
    action.refresh_from_db()
    assert action.source_label == "Business plan: Parents get help early"


# --- the year's review and its evidence -------------------------------------------------------


def test_review_save_writes_the_three_answers(business_unit, priority):
    review = services.review_save(
        actor=business_unit, priority=priority, year="2014-15", what_done="Trained 54", what_next="Launch it"
    )
    assert (review.what_done, review.what_difference, review.what_next) == ("Trained 54", "", "Launch it")
    assert review.updated_by == business_unit
    assert verbs(priority.partnership)[-1] == "plan.review_written"


def test_review_save_rewrites_the_years_review_rather_than_adding_one(business_unit, priority):
    services.review_save(actor=business_unit, priority=priority, year="2014-15", what_done="First")
    services.review_save(actor=business_unit, priority=priority, year="2014-15", what_done="Second")
    assert list(priority.reviews.values_list("what_done", flat=True)) == ["Second"]


def test_review_save_refuses_a_year_outside_the_plan(business_unit, priority):
    with pytest.raises(ValidationError) as refused:
        services.review_save(actor=business_unit, priority=priority, year="2018-19", what_done="Later")
    assert "the plan covers (2014-17)" in refused.value.error_dict["year"][0].message


def test_review_save_refuses_a_year_not_written_like_2014_15(business_unit, priority):
    with pytest.raises(ValidationError):
        services.review_save(actor=business_unit, priority=priority, year="2014", what_done="Work")


def test_evidence_links_a_record_the_person_may_see(business_unit, priority, agency):
    review = PriorityReviewFactory(priority=priority)
    action = ActionFactory(partnership=priority.partnership, owner_agency=agency, title="Audit plans")
    evidence = services.review_evidence_add(
        actor=business_unit, review=review, key="actions.action", pk=str(action.pk), note="Done on time."
    )
    assert (evidence.target, evidence.label, evidence.note) == (
        action,
        f"Action {action.reference}: Audit plans",
        "Done on time.",
    )
    assert verbs(priority.partnership)[-1] == "plan.evidence_linked"


def test_evidence_of_another_partnership_cannot_be_linked(business_unit, priority, other_partnership):
    review = PriorityReviewFactory(priority=priority)
    theirs = ActionFactory(partnership=other_partnership)
    with pytest.raises(ValidationError) as refused:
        services.review_evidence_add(actor=business_unit, review=review, key="actions.action", pk=str(theirs.pk))
    assert "record" in refused.value.error_dict
    assert not ReviewEvidence.objects.exists()


def test_the_same_record_is_linked_once(business_unit, priority, agency):
    review = PriorityReviewFactory(priority=priority)
    action = ActionFactory(partnership=priority.partnership, owner_agency=agency)
    services.review_evidence_add(actor=business_unit, review=review, key="actions.action", pk=str(action.pk))
    with pytest.raises(ValidationError):
        services.review_evidence_add(actor=business_unit, review=review, key="actions.action", pk=str(action.pk))


def test_an_indicator_off_the_scorecard_cannot_be_linked(business_unit, priority):
    review = PriorityReviewFactory(priority=priority)
    with pytest.raises(ValidationError):
        services.review_evidence_add(
            actor=business_unit, review=review, key="performance.indicator", pk=str(indicator("csc-lac").pk)
        )


def test_an_indicator_on_the_scorecard_is_linked_by_its_title(business_unit, priority):
    ScorecardLineFactory(priority=priority, indicator=indicator("csc-lac"))
    review = PriorityReviewFactory(priority=priority)
    evidence = services.review_evidence_add(
        actor=business_unit, review=review, key="performance.indicator", pk=str(indicator("csc-lac").pk)
    )
    assert evidence.label == f"Indicator: {indicator('csc-lac').definition.title}"


def test_evidence_remove_unlinks_it(business_unit, priority, agency):
    review = PriorityReviewFactory(priority=priority)
    action = ActionFactory(partnership=priority.partnership, owner_agency=agency)
    evidence = services.review_evidence_add(actor=business_unit, review=review, key="actions.action", pk=str(action.pk))
    services.review_evidence_remove(actor=business_unit, evidence=evidence)
    assert not ReviewEvidence.objects.exists()
    assert verbs(priority.partnership)[-1] == "plan.evidence_unlinked"


def test_a_plan_is_the_partnerships_own(business_unit, other_partnership):
    foreign = PlanFactory(partnership=other_partnership)
    with pytest.raises(PermissionDenied):
        services.priority_create(actor=business_unit, plan=foreign, title="Theirs")
    assert not Plan.objects.filter(partnership=other_partnership).exclude(pk=foreign.pk).exists()
