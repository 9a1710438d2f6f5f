"""Updates asked of the employer's case manager: the request e-mails a link (never the person's
name), the answer through it tells the officers, reminders go to the address (by hand once a day,
and from the ``lado-update-request`` source by due date), and a withdrawn request takes no answer."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.core.secrets import token_digest
from assure.lado.models import Referral
from assure.lado.services.updates import (
    LinkNotValid,
    update_answer,
    update_by_token,
    update_remind,
    update_request,
    update_token,
    update_withdraw,
    updates_reminders_due,
)
from assure.lado.tests.factories import ReferralFactory, UpdateRequestFactory
from assure.notifications.models import Message, Reminder
from assure.notifications.reminders import reminder_rules, reminder_sources, scheduled_reminders_send

pytestmark = pytest.mark.django_db

SOON = dt.date.today() + dt.timedelta(days=10)


def _ask(officer, partnership, referral, **overrides):
    values = {
        "asked_of_name": "Morgan Tillery",
        "asked_of_email": "head@severnside.example.org",
        "question": "Has the disciplinary hearing been held?",
        "due_on": SOON,
        **overrides,
    }
    return update_request(actor=officer, partnership=partnership, referral=referral, **values)


def _linked(referral, **values):
    """An update whose stored digest is its link's, as the service makes them."""
    update = UpdateRequestFactory(referral=referral, **values)
    update.token_digest = token_digest(update_token(update))
    update.save(update_fields=["token_digest"])
    return update


# --- asking ---------------------------------------------------------------------------------------


def test_asking_e_mails_the_link_to_the_case_manager(partnership, referral, officer):
    update = _ask(officer, partnership, referral)
    message = Message.objects.get(kind="lado.update_request")
    assert message.address == "head@severnside.example.org" and message.recipient is None
    assert message.path == f"/allegations/{partnership.slug}/update/{update_token(update)}/"
    assert update.token_digest == token_digest(update_token(update))
    assert Event.objects.get(verb="lado.update_requested").target_id == str(referral.pk)


def test_the_e_mail_never_names_the_person(partnership, referral, officer):
    _ask(officer, partnership, referral)
    message = Message.objects.get(kind="lado.update_request")
    for name in (referral.person.given_names, referral.person.family_name):
        assert name not in message.subject and name not in message.body
    assert referral.reference in message.subject


def test_asking_needs_a_real_address_a_question_and_a_date_to_come(partnership, referral, officer):
    with pytest.raises(ValidationError) as error:
        _ask(officer, partnership, referral, asked_of_email="not an address", question=" ", due_on=dt.date(2014, 1, 1))
    assert set(error.value.message_dict) == {"asked_of_email", "question", "due_on"}


def test_asking_needs_the_grant(partnership, referral, designated_officer):
    with pytest.raises(PermissionDenied):
        _ask(designated_officer, partnership, referral)


def test_asking_about_a_closed_referral_is_refused(partnership, officer):
    closed = ReferralFactory(partnership=partnership, status=Referral.Status.CLOSED)
    with pytest.raises(PermissionDenied):
        _ask(officer, partnership, closed)


# --- answering ------------------------------------------------------------------------------------


def test_the_link_finds_its_request_in_its_partnership_only(partnership, other_partnership, referral, officer):
    update = _ask(officer, partnership, referral)
    assert update_by_token(partnership=partnership, token=update_token(update)) == update
    with pytest.raises(LinkNotValid):
        update_by_token(partnership=other_partnership, token=update_token(update))
    with pytest.raises(LinkNotValid):
        update_by_token(partnership=partnership, token="made-up")


def test_the_answer_is_kept_and_the_officers_told(partnership, referral, officer):
    update = _ask(officer, partnership, referral)
    update_answer(partnership=partnership, token=update_token(update), answer=" The hearing is on 1 July. ")
    update.refresh_from_db()
    assert update.answer == "The hearing is on 1 July." and update.answered_at is not None
    told = Message.objects.get(kind="lado.update_answered")
    assert told.recipient == officer
    assert Event.objects.get(verb="lado.update_answered").actor is None


@pytest.fixture
def officer_without_grant(partnership):
    from conftest import make_member

    return make_member("designated-officer", partnership, full_name="Ola Fficer", email="ola@example.org")


def test_the_officer_without_the_grant_is_not_told(partnership, referral, officer, officer_without_grant):
    update = _ask(officer, partnership, referral)
    update_answer(partnership=partnership, token=update_token(update), answer="Done.")
    assert list(Message.objects.filter(kind="lado.update_answered").values_list("recipient", flat=True)) == [officer.pk]


def test_an_empty_answer_is_refused(partnership, referral, officer):
    update = _ask(officer, partnership, referral)
    with pytest.raises(ValidationError) as error:
        update_answer(partnership=partnership, token=update_token(update), answer="  ")
    assert set(error.value.message_dict) == {"answer"}


def test_a_request_is_answered_once(partnership, referral, officer):
    update = _ask(officer, partnership, referral)
    update_answer(partnership=partnership, token=update_token(update), answer="First.")
    with pytest.raises(ValidationError):
        update_answer(partnership=partnership, token=update_token(update), answer="Second.")


# --- reminding ------------------------------------------------------------------------------------


def test_a_reminder_goes_to_the_address_with_the_link(partnership, referral, officer):
    update = _linked(referral, due_on=SOON)
    reminder = update_remind(actor=officer, partnership=partnership, update=update)
    assert reminder is not None and reminder.recipients == 1
    message = Message.objects.get(kind="lado.update_reminder")
    assert message.address == update.asked_of_email
    assert message.path.endswith(f"/update/{update_token(update)}/")
    update.refresh_from_db()
    assert update.last_reminded_at is not None


def test_a_request_is_reminded_once_a_day(partnership, referral, officer):
    update = _linked(referral, due_on=SOON)
    update_remind(actor=officer, partnership=partnership, update=update)
    assert update_remind(actor=officer, partnership=partnership, update=update) is None
    assert Reminder.objects.count() == 1


def test_a_request_made_otherwise_is_reminded_without_a_link(partnership, referral, officer):
    update = UpdateRequestFactory(referral=referral, due_on=SOON)
    update_remind(actor=officer, partnership=partnership, update=update)
    message = Message.objects.get(kind="lado.update_reminder")
    assert message.path == "" and "link in the designated officer's e-mail" in message.body


def test_an_answered_request_is_not_reminded(partnership, referral, officer):
    update = _linked(referral, due_on=SOON)
    update_answer(partnership=partnership, token=update_token(update), answer="Done.")
    with pytest.raises(ValidationError):
        update_remind(actor=officer, partnership=partnership, update=update)


def test_the_library_has_the_reminder_rule_and_the_source_is_registered():
    assert "lado-update-request" in reminder_rules()
    assert "lado-update-request" in reminder_sources()


def test_the_source_gives_each_outstanding_request_on_an_open_referral(partnership, referral):
    waiting = _linked(referral, due_on=dt.date(2014, 7, 1))
    _linked(referral, due_on=dt.date(2014, 7, 1), answered_at=dt.datetime(2014, 6, 20, tzinfo=dt.UTC))
    _linked(referral, due_on=dt.date(2014, 7, 1), withdrawn_at=dt.datetime(2014, 6, 20, tzinfo=dt.UTC))
    _linked(ReferralFactory(partnership=partnership, status=Referral.Status.CLOSED), due_on=dt.date(2014, 7, 1))
    [due] = updates_reminders_due(today=dt.date(2014, 7, 2))
    assert due.target == waiting and due.deadline == dt.date(2014, 7, 1)
    assert due.addresses == (waiting.asked_of_email,) and due.recipients == []
    assert due.subject.startswith("Overdue:") and referral.person.family_name not in due.body


def test_the_daily_job_reminds_the_address_the_day_after_the_due_date(partnership, referral):
    update = _linked(referral, due_on=dt.date(2014, 7, 1))
    run = scheduled_reminders_send(today=dt.date(2014, 7, 2))
    assert [r.target_id for r in run.reminded] == [str(update.pk)]
    assert Message.objects.get(kind="lado.update_reminder").address == update.asked_of_email


def test_the_daily_job_does_not_remind_on_other_days(partnership, referral):
    _linked(referral, due_on=dt.date(2014, 7, 1))
    assert scheduled_reminders_send(today=dt.date(2014, 7, 4)).reminded == []


# --- withdrawing ----------------------------------------------------------------------------------


def test_a_withdrawn_request_tells_the_case_manager_and_takes_no_answer(partnership, referral, officer):
    update = _ask(officer, partnership, referral)
    update_withdraw(actor=officer, partnership=partnership, update=update, reason="The hearing was held.")
    update.refresh_from_db()
    assert update.withdrawn_at is not None
    assert Message.objects.get(kind="lado.update_withdrawn").path == ""
    assert Event.objects.get(verb="lado.update_withdrawn").data["reason"] == "The hearing was held."
    with pytest.raises(ValidationError):
        update_answer(partnership=partnership, token=update_token(update), answer="Late.")


def test_withdrawing_needs_a_reason(partnership, referral, officer):
    update = _ask(officer, partnership, referral)
    with pytest.raises(ValidationError) as error:
        update_withdraw(actor=officer, partnership=partnership, update=update, reason="")
    assert set(error.value.message_dict) == {"reason"}
