"""The clocks of a child's death and pausing its review: a paused clock stands still, resuming
adds the pause's days, and the readings count from the death."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.audit.models import AccessLog
from assure.cdop.clocks import clock_source_items, completion_reading, notification_reading
from assure.cdop.models import ChildDeath
from assure.cdop.selectors.clocks import clocks_for_death_page
from assure.cdop.services.clocks import death_pause, death_resume
from assure.cdop.tests.factories import ChildDeathFactory, panel_of
from assure.cdop.waiting_clocks import reviews_due
from assure.clocks.engine import ClockState

DIED = dt.date(2014, 6, 10)


@pytest.fixture
def manager(partnership, cdop_manager):
    RestrictedGrantFactory(user=cdop_manager, partnership=partnership, area="cdop")
    return cdop_manager


@pytest.fixture
def death(partnership):
    return ChildDeathFactory(panel=panel_of(partnership), date_of_death=DIED, notified_on=dt.date(2014, 6, 11))


def test_notification_within_a_day_is_met(death):
    reading = notification_reading(death, dt.date(2014, 7, 1))
    assert reading.state is ClockState.MET


def test_the_review_is_due_six_months_after_the_death(death):
    assert completion_reading(death, dt.date(2014, 7, 1)).due_on == dt.date(2014, 12, 10)


def test_a_paused_clock_stands_still(death):
    death.status, death.paused_on = ChildDeath.Status.PAUSED, dt.date(2014, 7, 1)
    earlier = completion_reading(death, dt.date(2014, 8, 1))
    later = completion_reading(death, dt.date(2014, 12, 1))
    assert earlier.left == later.left


def test_earlier_pauses_move_the_due_date_on(death):
    death.days_paused = 30
    assert completion_reading(death, dt.date(2014, 7, 1)).due_on == dt.date(2015, 1, 9)


def test_pause_records_the_reason_and_status(partnership, manager, death):
    death_pause(
        actor=manager, partnership=partnership, death=death, reason="inquest", note="", paused_on=dt.date(2014, 7, 1)
    )
    death.refresh_from_db()
    assert (death.status, death.paused_reason) == (ChildDeath.Status.PAUSED, "inquest")


def test_resume_adds_the_days_paused(partnership, manager, death):
    death_pause(actor=manager, partnership=partnership, death=death, reason="inquest", paused_on=dt.date(2014, 7, 1))
    death_resume(actor=manager, partnership=partnership, death=death, resumed_on=dt.date(2014, 7, 31))
    death.refresh_from_db()
    assert (death.status, death.days_paused) == (ChildDeath.Status.NOTIFIED, 30)


def test_pause_needs_a_library_reason(partnership, manager, death):
    with pytest.raises(ValidationError) as error:
        death_pause(actor=manager, partnership=partnership, death=death, reason="bored", paused_on=dt.date(2014, 7, 1))
    assert "reason" in error.value.message_dict


def test_resume_before_the_pause_is_refused(partnership, manager, death):
    death_pause(actor=manager, partnership=partnership, death=death, reason="inquest", paused_on=dt.date(2014, 7, 1))
    with pytest.raises(ValidationError):
        death_resume(actor=manager, partnership=partnership, death=death, resumed_on=dt.date(2014, 6, 30))


def test_pause_without_the_grant_is_refused(partnership, cdop_manager, death):
    with pytest.raises(PermissionDenied):
        death_pause(
            actor=cdop_manager, partnership=partnership, death=death, reason="inquest", paused_on=dt.date(2014, 7, 1)
        )


def test_the_page_says_since_when_and_why(partnership, manager, death):
    death_pause(
        actor=manager,
        partnership=partnership,
        death=death,
        reason="inquest",
        note="Coroner",
        paused_on=dt.date(2014, 7, 1),
    )
    death.refresh_from_db()
    context = clocks_for_death_page(user=manager, partnership=partnership, death=death, today=dt.date(2014, 8, 1))
    assert (context["clock_paused_on"], context["clock_paused_reason"]) == (
        dt.date(2014, 7, 1),
        "Awaiting the coroner's inquest: Coroner",
    )


def test_the_clock_source_titles_by_reference(partnership, manager, death):
    clocks = clock_source_items(user=manager, partnership=partnership, today=dt.date(2014, 7, 1))
    assert [clock.title for clock in clocks] == [f"{death.reference}: panel review"]


def test_the_clock_source_is_empty_without_the_grant(partnership, panel_member, death):
    assert clock_source_items(user=panel_member, partnership=partnership, today=dt.date(2014, 7, 1)) == []


def test_an_overdue_review_waits_for_the_manager(partnership, manager, death):
    items = reviews_due(user=manager, partnership=partnership, today=dt.date(2015, 1, 1))
    assert [item.overdue for item in items] == [True]


def test_a_paused_review_does_not_wait(partnership, manager, death):
    death_pause(actor=manager, partnership=partnership, death=death, reason="inquest", paused_on=dt.date(2014, 7, 1))
    assert reviews_due(user=manager, partnership=partnership, today=dt.date(2015, 1, 1)) == []


def test_the_pause_page_is_logged_and_not_stored(client, partnership, manager, death):
    client.force_login(manager)
    response = client.get(reverse("cdop:death_pause", kwargs={"partnership": partnership.slug, "pk": death.pk}))
    assert "no-store" in response["Cache-Control"]
    assert AccessLog.objects.filter(area="cdop", record_id=str(death.pk)).exists()


def test_the_pause_page_refuses_the_manager_without_the_grant(client, partnership, cdop_manager, death):
    client.force_login(cdop_manager)
    response = client.get(reverse("cdop:death_pause", kwargs={"partnership": partnership.slug, "pk": death.pk}))
    assert response.status_code == 403


def test_the_partial_draws_the_pause_button_for_the_manager(partnership, manager, death):
    from django.template.loader import render_to_string

    context = clocks_for_death_page(user=manager, partnership=partnership, death=death, today=dt.date(2014, 7, 1))
    assert "Pause the review" in render_to_string("cdop/_death_clocks.html", context)
