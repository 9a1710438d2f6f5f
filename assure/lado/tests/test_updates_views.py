"""The pages of updates asked of the employer: the officer's (ask, remind, withdraw) need the
``lado`` grant; the case manager's public page, by the link, shows the reference, the employer and
the question and never the person's name, takes the answer once, and answers 404 to a link it does
not know."""

import datetime as dt

import pytest
from django.urls import reverse

from assure.core.secrets import token_digest
from assure.lado.models import UpdateRequest
from assure.lado.services.updates import update_token
from assure.lado.tests.factories import UpdateRequestFactory
from assure.notifications.models import Message

pytestmark = pytest.mark.django_db

SOON = dt.date.today() + dt.timedelta(days=10)


def _url(name, partnership, **kwargs):
    return reverse(f"lado:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def _public(partnership, token):
    return reverse("allegations:update", kwargs={"partnership": partnership.slug, "token": token})


@pytest.fixture
def update(referral):
    made = UpdateRequestFactory(referral=referral, due_on=SOON, question="Has the hearing been held?")
    made.token_digest = token_digest(update_token(made))
    made.save(update_fields=["token_digest"])
    return made


# --- the officer's pages --------------------------------------------------------------------------


def test_the_officer_asks_from_the_form(client, partnership, referral, officer):
    client.force_login(officer)
    response = client.post(
        _url("update_ask", partnership, pk=referral.pk),
        {
            "asked_of_name": "Morgan Tillery",
            "asked_of_email": "head@severnside.example.org",
            "question": "Has the hearing been held?",
            "due_on": SOON.isoformat(),
        },
    )
    assert response.status_code == 302
    assert UpdateRequest.objects.get(referral=referral).asked_of_name == "Morgan Tillery"


def test_the_ask_form_starts_with_the_referrer(client, partnership, referral, officer):
    client.force_login(officer)
    form = client.get(_url("update_ask", partnership, pk=referral.pk)).context["form"]
    assert form.initial["asked_of_email"] == referral.referrer_email


@pytest.mark.parametrize("name", ["update_remind", "update_withdraw"])
def test_the_officer_opens_the_chasing_pages(client, partnership, update, officer, name):
    client.force_login(officer)
    response = client.get(_url(name, partnership, pk=update.pk))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["update_remind", "update_withdraw"])
def test_the_chasing_pages_need_the_grant(client, partnership, update, designated_officer, name):
    client.force_login(designated_officer)
    assert client.get(_url(name, partnership, pk=update.pk)).status_code == 404


def test_the_reminder_is_sent_and_goes_back(client, partnership, update, officer):
    client.force_login(officer)
    response = client.post(_url("update_remind", partnership, pk=update.pk), {"next": "/elsewhere/"})
    assert response.status_code == 302 and response.url == "/elsewhere/"
    assert Message.objects.filter(kind="lado.update_reminder", address=update.asked_of_email).exists()


def test_an_answered_update_is_not_chased(client, partnership, update, officer):
    update.answered_at = dt.datetime(2014, 6, 20, tzinfo=dt.UTC)
    update.save()
    client.force_login(officer)
    assert client.get(_url("update_remind", partnership, pk=update.pk)).status_code == 404


def test_the_update_is_withdrawn_from_the_form(client, partnership, update, officer):
    client.force_login(officer)
    client.post(_url("update_withdraw", partnership, pk=update.pk), {"reason": "No longer needed."})
    update.refresh_from_db()
    assert update.withdrawn_at is not None


# --- the case manager's public page -----------------------------------------------------------------


def test_the_public_page_shows_the_reference_employer_and_question(client, partnership, referral, update):
    response = client.get(_public(partnership, update_token(update)))
    page = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert referral.reference in page and referral.employer_name in page and "Has the hearing been held?" in page


def test_the_public_page_never_shows_the_persons_name(client, partnership, referral, update):
    page = client.get(_public(partnership, update_token(update))).content.decode()
    assert referral.person.given_names not in page and referral.person.family_name not in page
    assert referral.description not in page and referral.person_role not in page


def test_the_public_page_takes_the_answer(client, partnership, referral, update, officer):
    response = client.post(_public(partnership, update_token(update)), {"answer": "Held on 1 July."})
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.answer == "Held on 1 July."
    assert Message.objects.get(kind="lado.update_answered").recipient == officer
    assert "Answer sent" in client.get(response.url).content.decode()


def test_the_public_page_refuses_an_empty_answer(client, partnership, update):
    response = client.post(_public(partnership, update_token(update)), {"answer": ""})
    assert response.status_code == 200 and response.context["form"].errors["answer"]


def test_an_answered_update_takes_no_other_answer(client, partnership, update):
    client.post(_public(partnership, update_token(update)), {"answer": "First."})
    page = client.post(_public(partnership, update_token(update)), {"answer": "Second."}).content.decode()
    update.refresh_from_db()
    assert update.answer == "First." and "was answered on" in page


def test_an_unknown_link_answers_not_found(client, partnership):
    response = client.get(_public(partnership, "not-a-real-link"))
    assert response.status_code == 404 and "This link does not work" in response.content.decode()


def test_a_link_in_another_partnerships_address_is_not_found(client, other_partnership, update):
    assert client.get(_public(other_partnership, update_token(update))).status_code == 404
