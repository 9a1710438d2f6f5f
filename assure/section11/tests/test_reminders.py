import datetime as dt

from django.core import mail
from django.core.management import call_command

from assure.section11.models import Return
from assure.section11.services.reminders import reminders_send
from assure.section11.tasks import section11_reminders

from .factories import CycleFactory, ReturnFactory

TODAY = dt.date(2015, 3, 20)


def _return(partnership, agency, deadline, status=Return.Status.NOT_STARTED):
    cycle = CycleFactory(
        lead_partnership=partnership, deadline=deadline, reminder_days=14, opens_on=TODAY - dt.timedelta(days=90)
    )
    return ReturnFactory(cycle=cycle, agency=agency, status=status)


def test_the_agency_lead_is_reminded_when_the_deadline_is_near(agency_lead, partnership, agency):
    _return(partnership, agency, TODAY + dt.timedelta(days=10))
    run = reminders_send(today=TODAY)
    assert len(run.reminded) == 1
    assert [m.to for m in mail.outbox] == [[agency_lead.email]]


def test_no_reminder_before_the_reminder_days(agency_lead, partnership, agency):
    _return(partnership, agency, TODAY + dt.timedelta(days=30))
    reminders_send(today=TODAY)
    assert mail.outbox == []


def test_a_submitted_return_is_not_reminded(agency_lead, partnership, agency):
    _return(partnership, agency, TODAY + dt.timedelta(days=5), status=Return.Status.SUBMITTED)
    reminders_send(today=TODAY)
    assert mail.outbox == []


def test_a_return_is_reminded_at_most_once_a_day(agency_lead, partnership, agency):
    _return(partnership, agency, dt.date.today() + dt.timedelta(days=5))
    reminders_send()
    reminders_send()
    assert len(mail.outbox) == 1


def test_overdue_returns_are_listed_not_reminded(agency_lead, partnership, agency):
    late = _return(partnership, agency, TODAY - dt.timedelta(days=1))
    run = reminders_send(today=TODAY)
    assert run.overdue == [late]
    assert mail.outbox == []


def test_the_command_reports_overdue_returns(agency_lead, partnership, agency, capsys):
    _return(partnership, agency, dt.date.today() - dt.timedelta(days=1))
    call_command("section11_reminders")
    assert "Overdue returns: 1" in capsys.readouterr().out


def test_the_task_sends_the_same_reminders(agency_lead, partnership, agency):
    _return(partnership, agency, dt.date.today() + dt.timedelta(days=3))
    result = section11_reminders.enqueue()
    assert result.return_value == 1
    assert len(mail.outbox) == 1
