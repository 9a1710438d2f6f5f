"""The demo's agency reports (assure/cdop/demo/reports.py): the reviewed deaths' reports submitted,
the open deaths' reports in every state, and what waits for Shropshire's agency lead and child
death review manager; never a child's name in a message."""

import pytest
from django.utils import timezone

from assure.accounts.models import User
from assure.cdop.models import AgencyReport, ChildDeath
from assure.cdop.waiting_reports import reports_overdue, reports_to_write
from assure.notifications.models import Message
from assure.partnerships.models import Partnership


@pytest.fixture
def shropshire(demo_region, db) -> Partnership:
    return Partnership.objects.get(slug="shropshire")


def _person(role: str) -> User:
    return User.objects.get(email=f"{role}@shropshire.demo.assure.test")


def test_every_reviewed_death_has_its_reports_submitted(shropshire):
    reviewed = ChildDeath.objects.filter(status="reviewed")
    assert reviewed.count() == 32
    assert not AgencyReport.objects.filter(death__in=reviewed).exclude(status="submitted").exists()
    assert all(death.agency_reports.exists() for death in reviewed)


def test_the_open_deaths_have_a_report_in_every_state(shropshire):
    statuses = set(
        AgencyReport.objects.filter(death__status__in=["notified", "paused"]).values_list("status", flat=True)
    )
    assert statuses == {"requested", "draft", "submitted", "withdrawn"}
    assert AgencyReport.objects.filter(AgencyReport.OUTSTANDING, due_on__lt=timezone.localdate()).exists()


def test_the_agency_lead_has_reports_to_write(shropshire):
    items = reports_to_write(user=_person("agency-lead"), partnership=shropshire, today=timezone.localdate())
    assert items and any(item.overdue for item in items)


def test_the_manager_has_overdue_reports_one_reminded(shropshire):
    items = reports_overdue(user=_person("cdop-manager"), partnership=shropshire, today=timezone.localdate())
    assert items and any(item.last_reminded for item in items)


def test_no_report_message_names_a_child(shropshire):
    names = [name for name in ChildDeath.objects.values_list("child_name", flat=True) if name]
    texts = Message.objects.filter(kind__startswith="cdop.report").values_list("subject", "body")
    assert texts and not [t for t in texts if any(name in t[0] + t[1] for name in names)]
