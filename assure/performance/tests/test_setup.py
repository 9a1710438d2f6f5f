"""The scorecard set-up's services and selectors: scorecard lines under the business plan's
priorities, their validation, events and the scorecard's cache version."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.partnerships.models import PartnershipAgency
from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.models import FiguresVersion, ScorecardLine
from assure.performance.selectors.catalogue import scorecard_lines, scorecard_priorities
from assure.performance.services.setup import (
    scorecard_line_create,
    scorecard_line_delete,
    scorecard_line_update,
)
from assure.performance.tests.factories import PriorityFactory, ScorecardLineFactory, indicator
from assure.plans.services import priority_update

PERCENT = "csc-rereferrals-percent"  # lower is better, 0 to 100
COUNT = "csc-referrals"  # neither, 0 or more


@pytest.fixture
def priority(partnership):
    return PriorityFactory(partnership=partnership, title="Children who go missing", position=1)


def add_line(actor, partnership, priority, code=PERCENT, **values):
    return scorecard_line_create(
        actor=actor, partnership=partnership, priority=priority, indicator=indicator(code), **values
    )


def verbs(partnership) -> list[str]:
    return list(Event.objects.filter(partnership=partnership).order_by("pk").values_list("verb", flat=True))


def version_of(partnership) -> int:
    found = FiguresVersion.objects.filter(scope=f"partnership:{partnership.pk}").first()
    return found.version if found else 0


# --- scorecard lines: adding -----------------------------------------------------------------


def test_line_create_puts_the_indicator_on_the_scorecard(business_unit, partnership, priority, agency):
    line = add_line(business_unit, partnership, priority, target=D("20"), tolerance=D("2"), owner_agency=agency)
    assert (line.indicator.code, line.target, line.tolerance, line.owner_agency) == (PERCENT, 20, 2, agency)
    assert verbs(partnership) == ["scorecard_line.added"]


def test_line_create_event_keeps_the_target_and_tolerance(business_unit, partnership, priority):
    add_line(business_unit, partnership, priority, target=D("20.50"), tolerance=D("2"))
    event = Event.objects.get(verb="scorecard_line.added")
    assert event.data == {"indicator": PERCENT, "target": "20.5", "tolerance": "2"}


def test_line_create_without_a_position_goes_last_in_its_priority(business_unit, partnership, priority):
    first = add_line(business_unit, partnership, priority, position=4)
    second = add_line(business_unit, partnership, priority, code=COUNT)
    assert second.position == first.position + 1


def test_line_create_without_target_or_tolerance(business_unit, partnership, priority):
    line = add_line(business_unit, partnership, priority, code=COUNT)
    assert line.target is None and line.tolerance is None


def test_line_create_refuses_an_indicator_already_on_the_scorecard(business_unit, partnership, priority):
    add_line(business_unit, partnership, priority)
    other = PriorityFactory(partnership=partnership, title="Communication")
    with pytest.raises(ValidationError) as error:
        add_line(business_unit, partnership, other)
    assert "already on the scorecard" in error.value.message_dict["indicator"][0]


def test_line_create_allows_an_indicator_another_partnership_has(business_unit, partnership, priority):
    ScorecardLineFactory(indicator=indicator(PERCENT))
    assert add_line(business_unit, partnership, priority).pk


@pytest.mark.parametrize("target", ["100.01", "-0.01", "250"])
def test_line_create_refuses_a_target_outside_the_indicators_range(business_unit, partnership, priority, target):
    with pytest.raises(ValidationError) as error:
        add_line(business_unit, partnership, priority, target=D(target))
    assert error.value.message_dict["target"] == ["Enter a target from 0 to 100."]


@pytest.mark.parametrize("target", ["0", "100", "27.2"])
def test_line_create_accepts_a_target_within_the_range_bounds_included(business_unit, partnership, priority, target):
    assert add_line(business_unit, partnership, priority, target=D(target)).target == D(target)


def test_line_create_refuses_a_target_below_a_minimum_without_maximum(business_unit, partnership, priority):
    with pytest.raises(ValidationError) as error:
        add_line(business_unit, partnership, priority, code=COUNT, target=D("-1"))
    assert error.value.message_dict["target"] == ["Enter a target of 0 or more."]


def test_line_create_refuses_a_negative_tolerance(business_unit, partnership, priority):
    with pytest.raises(ValidationError) as error:
        add_line(business_unit, partnership, priority, target=D("20"), tolerance=D("-0.5"))
    assert error.value.message_dict["tolerance"] == ["Enter a tolerance of 0 or more."]


def test_line_create_accepts_a_zero_tolerance(business_unit, partnership, priority):
    assert add_line(business_unit, partnership, priority, target=D("20"), tolerance=D("0")).tolerance == 0


def test_line_create_refuses_a_tolerance_without_a_target(business_unit, partnership, priority):
    with pytest.raises(ValidationError) as error:
        add_line(business_unit, partnership, priority, tolerance=D("2"))
    assert "tolerance" in error.value.message_dict


def test_line_create_refuses_a_tolerance_wider_than_the_range(business_unit, partnership, priority):
    with pytest.raises(ValidationError) as error:
        add_line(business_unit, partnership, priority, target=D("20"), tolerance=D("101"))
    assert error.value.message_dict["tolerance"] == ["Enter a tolerance of 100 or less."]


def test_line_create_refuses_an_agency_of_another_partnership(business_unit, partnership, priority, other_partnership):
    foreign = AgencyFactory(name="Southshire Council", partnerships=[other_partnership])
    with pytest.raises(ValidationError) as error:
        add_line(business_unit, partnership, priority, owner_agency=foreign)
    assert "owner_agency" in error.value.message_dict


def test_line_create_refuses_an_agency_that_has_left(business_unit, partnership, priority, agency):
    PartnershipAgency.objects.filter(partnership=partnership, agency=agency).update(left_on=dt.date(2015, 1, 1))
    with pytest.raises(ValidationError) as error:
        add_line(business_unit, partnership, priority, owner_agency=agency)
    assert "owner_agency" in error.value.message_dict


def test_line_create_refuses_a_priority_of_another_partnership(business_unit, partnership, other_partnership):
    foreign = PriorityFactory(partnership=other_partnership)
    with pytest.raises(ValidationError) as error:
        add_line(business_unit, partnership, foreign)
    assert "priority" in error.value.message_dict


def test_line_create_reports_every_problem_at_once(business_unit, partnership, other_partnership):
    foreign = PriorityFactory(partnership=other_partnership)
    with pytest.raises(ValidationError) as error:
        add_line(business_unit, partnership, foreign, target=D("101"), tolerance=D("-1"))
    assert {"priority", "target", "tolerance"} <= set(error.value.message_dict)


def test_line_create_needs_performance_manage(agency_lead, partnership, priority):
    with pytest.raises(PermissionDenied):
        add_line(agency_lead, partnership, priority)


def test_line_create_moves_the_partnerships_figures_version_on(business_unit, partnership, priority):
    before = version_of(partnership)
    add_line(business_unit, partnership, priority)
    assert version_of(partnership) > before


def test_a_priority_changed_in_the_business_plan_moves_the_figures_version_on(business_unit, partnership, priority):
    before = version_of(partnership)
    priority_update(actor=business_unit, priority=priority, title="Missing", position=0)
    assert version_of(partnership) > before


def test_a_refused_change_leaves_the_figures_version(business_unit, partnership, priority):
    before = version_of(partnership)
    with pytest.raises(ValidationError):
        add_line(business_unit, partnership, priority, target=D("101"))
    assert version_of(partnership) == before


# --- scorecard lines: changing and removing --------------------------------------------------


@pytest.fixture
def line(business_unit, partnership, priority):
    made = add_line(business_unit, partnership, priority, target=D("25"), tolerance=D("2"))
    Event.objects.all().delete()
    return made


def update(actor, line, **changes):
    values = {
        "priority": line.priority,
        "target": line.target,
        "tolerance": line.tolerance,
        "owner_agency": line.owner_agency,
        "position": line.position,
        **changes,
    }
    return scorecard_line_update(actor=actor, line=line, **values)


def test_line_update_new_target_records_target_changed_with_before_and_after(business_unit, partnership, line):
    update(business_unit, line, target=D("22"))
    event = Event.objects.get()
    assert event.verb == "target.changed"
    assert event.data == {"before": {"target": "25", "tolerance": "2"}, "after": {"target": "22", "tolerance": "2"}}
    assert "25 (tolerance 2) → 22 (tolerance 2)" in event.summary


def test_line_update_new_tolerance_records_target_changed(business_unit, partnership, line):
    update(business_unit, line, tolerance=None)
    assert verbs(partnership) == ["target.changed"]
    assert "by default" in Event.objects.get().summary


def test_line_update_same_target_written_differently_records_no_target_change(business_unit, partnership, line):
    update(business_unit, line, target=D("25.000"), position=5)
    assert verbs(partnership) == ["scorecard_line.changed"]


def test_line_update_moves_it_to_another_priority(business_unit, partnership, line):
    other = PriorityFactory(partnership=partnership, title="Communication")
    update(business_unit, line, priority=other)
    assert ScorecardLine.objects.get(pk=line.pk).priority == other
    assert verbs(partnership) == ["scorecard_line.changed"]


def test_line_update_keeps_the_same_indicator_without_calling_it_a_duplicate(business_unit, line):
    assert update(business_unit, line, target=D("24")).target == D("24")


def test_line_update_applies_the_same_rules(business_unit, line):
    with pytest.raises(ValidationError) as error:
        update(business_unit, line, target=D("120"))
    assert "target" in error.value.message_dict
    line.refresh_from_db()
    assert line.target == D("25")


def test_line_update_moves_the_figures_version_on(business_unit, partnership, line):
    before = version_of(partnership)
    update(business_unit, line, target=D("21"))
    assert version_of(partnership) > before


def test_line_delete_takes_it_off_and_records_the_event(business_unit, partnership, line):
    scorecard_line_delete(actor=business_unit, line=line)
    assert not ScorecardLine.objects.filter(pk=line.pk).exists()
    event = Event.objects.get()
    assert (event.verb, event.data["indicator"], event.data["target"]) == ("scorecard_line.removed", PERCENT, "25")


def test_line_delete_needs_performance_manage(board_member, line):
    with pytest.raises(PermissionDenied):
        scorecard_line_delete(actor=board_member, line=line)


# --- selectors -------------------------------------------------------------------------------


def test_scorecard_lines_are_ordered_by_priority_then_position(business_unit, partnership):
    second = PriorityFactory(partnership=partnership, title="Second", position=2)
    first = PriorityFactory(partnership=partnership, title="First", position=1)
    b = add_line(business_unit, partnership, second, code="csc-referrals", position=0)
    a2 = add_line(business_unit, partnership, first, code="csc-cp-plans", position=5)
    a1 = add_line(business_unit, partnership, first, code="csc-lac", position=1)
    assert list(scorecard_lines(user=business_unit, partnership=partnership)) == [a1, a2, b]


def test_scorecard_lines_hold_only_the_partnerships_own(board_member, partnership, other_partnership):
    mine = ScorecardLineFactory(priority=PriorityFactory(partnership=partnership))
    ScorecardLineFactory(priority=PriorityFactory(partnership=other_partnership))
    assert list(scorecard_lines(user=board_member, partnership=partnership)) == [mine]


@pytest.mark.parametrize("persona", ["viewer", "outsider"], indirect=True)
def test_scorecard_lines_are_empty_for_those_who_may_not_view_performance(persona, partnership):
    ScorecardLineFactory(priority=PriorityFactory(partnership=partnership))
    assert not scorecard_lines(user=persona, partnership=partnership).exists()


def test_scorecard_lines_read_in_a_constant_number_of_queries(
    business_unit, partnership, priority, agency, django_assert_num_queries
):
    for code in ("csc-referrals", "csc-lac", "csc-cp-plans"):
        add_line(business_unit, partnership, priority, code=code, owner_agency=agency)
    lines = scorecard_lines(user=business_unit, partnership=partnership)
    with django_assert_num_queries(1):
        titles = [(line.priority.title, line.indicator.definition.title, line.owner_agency.name) for line in lines]
    assert len(titles) == 3


def test_scorecard_priorities_come_with_their_lines_in_order(business_unit, partnership, priority):
    later = add_line(business_unit, partnership, priority, code="csc-lac", position=2)
    earlier = add_line(business_unit, partnership, priority, code="csc-cp-plans", position=1)
    (found,) = scorecard_priorities(user=business_unit, partnership=partnership)
    assert list(found.lines.all()) == [earlier, later]
