"""Recording child deaths: the manager's notification and its rules, numbering across the
installation, an agency's draft and its confirmation, duplicates, and passing a death to the home
panel, which reviews it instead."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.cdop.models import ChildDeath
from assure.cdop.pipeline import move
from assure.cdop.selectors.deaths import age_band_of, duplicate_groups, duplicates_of, received_to_take_on
from assure.cdop.selectors.panels import death_for
from assure.cdop.services.deaths import (
    death_confirm,
    death_draft_from_agency,
    death_mark_duplicate,
    death_mark_not_duplicate,
    death_notify,
    death_pass_on,
    death_update,
)
from assure.cdop.tests.factories import ChildDeathFactory, PanelFactory, panel_of
from assure.notifications.models import Message
from assure.partnerships.tests.factories import PartnershipFactory
from conftest import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(partnership, cdop_manager):
    RestrictedGrantFactory(user=cdop_manager, partnership=partnership, area="cdop")
    return cdop_manager


@pytest.fixture
def panel(partnership):
    return panel_of(partnership)


def details(partnership, **changes) -> dict:
    return {
        "home": partnership,
        "home_area": "",
        "child_name": "Robin Example",
        "date_of_birth": dt.date(2013, 3, 4),
        "sex": "female",
        "date_of_death": dt.date(2014, 6, 10),
        "expected": "unexpected",
        "notified_on": dt.date(2014, 6, 11),
        **changes,
    }


def notify_one(manager, partnership, panel, **changes) -> ChildDeath:
    return death_notify(actor=manager, partnership=partnership, panel=panel, **details(partnership, **changes))


def problem(manager, partnership, panel, **changes) -> dict:
    with pytest.raises(ValidationError) as caught:
        notify_one(manager, partnership, panel, **changes)
    return caught.value.message_dict


def test_the_manager_notifies_a_death(manager, partnership, panel):
    death = notify_one(manager, partnership, panel)
    assert (death.status, death.reference, death.recorded_by) == ("notified", "CD-0001", panel)


def test_references_run_across_the_installation(manager, partnership, panel):
    ChildDeathFactory(panel=PanelFactory(), reference="CD-0041")
    assert notify_one(manager, partnership, panel).reference == "CD-0042"


def test_a_death_before_the_birth_is_refused(manager, partnership, panel):
    errors = problem(manager, partnership, panel, date_of_death=dt.date(2013, 1, 1))
    assert "date_of_death" in errors


def test_a_death_in_the_future_is_refused(manager, partnership, panel):
    errors = problem(manager, partnership, panel, date_of_death=dt.date(2099, 1, 1))
    assert "date_of_death" in errors


def test_a_person_of_eighteen_is_not_a_child(manager, partnership, panel):
    errors = problem(manager, partnership, panel, date_of_birth=dt.date(1996, 6, 10))
    assert "under 18" in errors["date_of_death"][0]


def test_a_notification_before_the_death_is_refused(manager, partnership, panel):
    errors = problem(manager, partnership, panel, notified_on=dt.date(2014, 6, 9))
    assert "notified_on" in errors


def test_a_joint_agency_response_date_needs_a_response(manager, partnership, panel):
    errors = problem(manager, partnership, panel, jar_needed=False, jar_met_on=dt.date(2014, 6, 12))
    assert "jar_met_on" in errors


def test_a_child_from_elsewhere_needs_the_area(manager, partnership, panel):
    errors = problem(manager, partnership, panel, home=None, home_area="")
    assert "home_area" in errors


def test_the_home_is_one_of_the_panels_partnerships(manager, partnership, panel):
    errors = problem(manager, partnership, panel, home=PartnershipFactory())
    assert "home" in errors


def test_a_panel_member_does_not_notify(partnership, panel, panel_member):
    RestrictedGrantFactory(user=panel_member, partnership=partnership, area="cdop")
    with pytest.raises(PermissionDenied):
        notify_one(panel_member, partnership, panel)


def test_the_age_band_counts_days_for_babies(partnership, panel):
    death = ChildDeathFactory(panel=panel, date_of_birth=dt.date(2014, 6, 1), date_of_death=dt.date(2014, 6, 10))
    assert age_band_of(death).code == "0-27-days"


def test_the_age_band_counts_whole_years(partnership, panel):
    death = ChildDeathFactory(panel=panel, date_of_birth=dt.date(1996, 6, 11), date_of_death=dt.date(2014, 6, 10))
    assert age_band_of(death).code == "15-17-years"


def test_an_agency_lead_sends_a_draft_the_manager_is_told_of(agency_lead, agency, partnership, panel, manager):
    death = death_draft_from_agency(actor=agency_lead, partnership=partnership, agency=agency, **details(partnership))
    assert (death.status, death.notifier_agency) == ("draft", agency)
    message = Message.objects.get(kind="cdop.draft_received")
    assert message.recipient == manager
    assert "Robin" not in message.subject + message.body


def test_the_agency_lead_cannot_read_the_draft_back(agency_lead, agency, partnership, panel):
    death = death_draft_from_agency(actor=agency_lead, partnership=partnership, agency=agency, **details(partnership))
    assert death_for(user=agency_lead, partnership=partnership, pk=death.pk) is None


def test_the_manager_confirms_a_draft(manager, partnership, panel):
    death = ChildDeathFactory(panel=panel, status="draft")
    assert death_confirm(actor=manager, partnership=partnership, death=death).status == "notified"


def test_a_notified_death_is_not_confirmed_again(manager, partnership, panel):
    death = ChildDeathFactory(panel=panel, status="notified")
    with pytest.raises(ValidationError):
        death_confirm(actor=manager, partnership=partnership, death=death)


def test_a_reviewed_death_is_not_changed(manager, partnership, panel):
    death = ChildDeathFactory(panel=panel, status="reviewed")
    with pytest.raises(ValidationError):
        death_update(actor=manager, partnership=partnership, death=death, child_name="Another Name")


def test_the_manager_corrects_a_death(manager, partnership, panel):
    death = ChildDeathFactory(panel=panel)
    death_update(actor=manager, partnership=partnership, death=death, notified_on=dt.date(2014, 6, 12))
    death.refresh_from_db()
    assert death.notified_on == dt.date(2014, 6, 12)


def test_the_same_dates_and_sex_are_a_possible_duplicate(panel):
    first, second = ChildDeathFactory(panel=panel), ChildDeathFactory(panel=panel)
    ChildDeathFactory(panel=panel, sex="male")
    assert list(duplicates_of(second)) == [first]
    assert duplicate_groups(ChildDeath.objects.all()) == {first.pk: [second.pk], second.pk: [first.pk]}


def test_deaths_checked_as_different_children_are_no_longer_flagged(manager, partnership, panel):
    first, second = ChildDeathFactory(panel=panel), ChildDeathFactory(panel=panel)
    death_mark_not_duplicate(actor=manager, partnership=partnership, death=second, other=first)
    assert not duplicates_of(first).exists()
    assert duplicate_groups(ChildDeath.objects.all()) == {}


def test_a_duplicate_is_closed_pointing_at_the_other(manager, partnership, panel):
    first, second = ChildDeathFactory(panel=panel), ChildDeathFactory(panel=panel, status="draft")
    death_mark_duplicate(actor=manager, partnership=partnership, death=second, of=first)
    second.refresh_from_db()
    assert (second.status, second.duplicate_of) == ("duplicate", first)
    assert not duplicates_of(first).exists()


def test_a_death_passed_outside_assure_keeps_the_panels_name(manager, partnership, panel):
    death = ChildDeathFactory(panel=panel, partnership=None, home_area="Powys")
    death_pass_on(actor=manager, partnership=partnership, death=death, to_name="Powys Child Death Overview Panel")
    death.refresh_from_db()
    assert (death.status, death.panel, death.passed_on_to_name) == (
        "passed-on",
        panel,
        "Powys Child Death Overview Panel",
    )
    assert not ChildDeath.objects.filter(ChildDeath.REVIEWABLE, pk=death.pk).exists()


@pytest.fixture
def home(other_partnership):
    """Another partnership's panel, with a manager holding the grant there."""
    manager = make_member("cdop-manager", other_partnership)
    RestrictedGrantFactory(user=manager, partnership=other_partnership, area="cdop")
    return panel_of(other_partnership), manager


def test_a_death_passed_to_another_panel_becomes_its_death(manager, partnership, panel, home, other_partnership):
    home_panel, home_manager = home
    death = ChildDeathFactory(panel=panel, partnership=None, home_area="Southshire")
    death_pass_on(actor=manager, partnership=partnership, death=death, to_panel=home_panel)
    death.refresh_from_db()
    assert (death.panel, death.recorded_by, death.passed_on_to) == (home_panel, panel, home_panel)
    assert list(received_to_take_on(user=home_manager, partnership=other_partnership)) == [death]
    assert Message.objects.filter(recipient=home_manager, kind="cdop.death_passed_on").exists()


def test_the_home_panel_takes_the_death_on_to_review_it(manager, partnership, panel, home, other_partnership):
    home_panel, home_manager = home
    death = ChildDeathFactory(panel=panel, partnership=None, home_area="Southshire")
    death_pass_on(actor=manager, partnership=partnership, death=death, to_panel=home_panel)
    death_confirm(actor=home_manager, partnership=other_partnership, death=death)
    death.refresh_from_db()
    assert death.status == "notified"
    assert not received_to_take_on(user=home_manager, partnership=other_partnership).exists()


def test_the_recording_panel_no_longer_changes_a_death_passed_on(manager, partnership, panel, home):
    home_panel, _ = home
    death = ChildDeathFactory(panel=panel, partnership=None, home_area="Southshire")
    death_pass_on(actor=manager, partnership=partnership, death=death, to_panel=home_panel)
    with pytest.raises(PermissionDenied):
        death_update(actor=manager, partnership=partnership, death=death, child_name="Another Name")


def test_the_pipeline_refuses_reviewing_a_draft(panel):
    with pytest.raises(ValidationError):
        move(ChildDeathFactory(panel=panel, status="draft"), ChildDeath.Status.REVIEWED)


def test_reopening_a_review_needs_a_reason(panel):
    with pytest.raises(ValidationError) as caught:
        move(ChildDeathFactory(panel=panel, status="reviewed"), ChildDeath.Status.NOTIFIED)
    assert "reason" in caught.value.message_dict
