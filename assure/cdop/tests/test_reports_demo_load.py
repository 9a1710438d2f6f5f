"""The agency reports the demo writes, on deaths made here in place of the deaths part's: the
reviewed deaths' reports submitted with complete answers, and the open deaths' reports in every
state (asked, being written, submitted, overdue with a reminder, no longer needed)."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.cdop.demo.reports import OPEN_REPORTS, reports_demo_load
from assure.cdop.models import AgencyReport
from assure.cdop.tests.factories import ChildDeathFactory, panel_of
from assure.demo import region
from assure.notifications.models import Reminder
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory
from assure.questionnaires.definition import questionnaire_of
from conftest import make_member

pytestmark = pytest.mark.django_db

AGENCY_KEYS = ("shropshire-community-health", "sath", "police", "telford-csc", "shropshire-csc")


@pytest.fixture
def made():
    today = timezone.localdate()
    shropshire = PartnershipFactory(slug=region.SHROPSHIRE)
    telford = PartnershipFactory(slug=region.TELFORD_WREKIN)
    agencies = {key: AgencyFactory(name=key, partnerships=[shropshire, telford]) for key in AGENCY_KEYS}
    users = {
        (region.SHROPSHIRE, "cdop-manager"): make_member("cdop-manager", shropshire),
        (region.SHROPSHIRE, "agency-lead"): make_member(
            "agency-lead", shropshire, agency=agencies["shropshire-community-health"]
        ),
        (region.TELFORD_WREKIN, "agency-lead"): make_member("agency-lead", telford, agency=agencies["telford-csc"]),
    }
    panel = panel_of(shropshire)
    keys = ["shropshire-01", "telford-01", *OPEN_REPORTS]
    made = {
        "deaths": {
            key: ChildDeathFactory(
                panel=panel,
                status="reviewed" if key[-2:].isdigit() else ("paused" if key == "paused" else "notified"),
                notified_on=dt.date(2015, 1, 10),
            )
            for key in keys
        }
    }
    reports_demo_load(
        partnerships={region.SHROPSHIRE: shropshire, region.TELFORD_WREKIN: telford},
        agencies=agencies,
        users=users,
        today=today,
        made=made,
    )
    return made


def test_a_reviewed_deaths_reports_are_all_submitted_and_complete(made):
    reports = made["reports"]["shropshire-01"]
    assert {r.status for r in reports} == {AgencyReport.Status.SUBMITTED}
    assert all(not questionnaire_of(r.response.questionnaire).missing(r.response.values(), []) for r in reports)


def test_the_open_deaths_show_every_state(made):
    statuses = {r.status for key in OPEN_REPORTS for r in made["reports"][key]}
    assert statuses == {"requested", "draft", "submitted", "withdrawn"}


def test_an_overdue_report_has_a_reminder_sent(made):
    overdue = [r for r in made["reports"]["open-2"] if r.is_overdue]
    assert overdue and Reminder.objects.filter(target_id=str(overdue[0].pk)).exists()


def test_a_requested_report_is_not_yet_due(made):
    requested = [r for r in made["reports"]["open-1"] if r.status == "requested"]
    assert requested and not requested[0].is_overdue
