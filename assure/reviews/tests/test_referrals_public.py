"""The public case consideration form: a practitioner without an account refers a case, confirms it
from their work e-mail (a one-time link, 48 hours), and follows only their own referral through
the status link. Only the links' digests are stored; the pages need no sign-in; the form refuses
machines (a honeypot) and too many referrals from one address."""

import datetime as dt
import hashlib
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from assure.audit.models import Event
from assure.reviews.models import Referral
from assure.reviews.services.referrals import (
    LinkNotValid,
    referral_by_status_token,
    referral_confirm,
    referral_decide,
    referral_submit_public,
    token_digest,
)
from assure.reviews.tests.factories import ReferralFactory

SITE = "https://assure.example.org"
ADDRESS = "sam.practitioner@school.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.ASSURE_SITE_URL = SITE


@pytest.fixture
def public_values(case_values):
    return {**case_values, "referrer_name": "Sam Practitioner", "referrer_email": ADDRESS}


def link_in(body: str) -> str:
    return re.search(r"Open it in Assure: (\S+)", body).group(1).removeprefix(SITE)


def token_of(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[1]


@pytest.fixture
def sent(partnership, public_values, django_capture_on_commit_callbacks):
    """A practitioner's referral through the form, and the confirmation link e-mailed to them."""
    with django_capture_on_commit_callbacks(execute=True):
        referral = referral_submit_public(partnership=partnership, **public_values)
    return referral, link_in(mail.outbox[-1].body)


@pytest.fixture
def confirmed(partnership, sent, django_capture_on_commit_callbacks):
    """The referral confirmed, and the status link e-mailed to the practitioner."""
    referral, link = sent
    with django_capture_on_commit_callbacks(execute=True):
        referral_confirm(partnership=partnership, token=token_of(link))
    referral.refresh_from_db()
    return referral, link_in(mail.outbox[-1].body)


# --- the services ----------------------------------------------------------------------------------


def test_a_public_referral_awaits_confirmation_without_a_number(sent):
    referral, _ = sent
    assert referral.status == Referral.Status.AWAITING_CONFIRMATION
    assert not referral.reference.startswith("CC-")
    assert referral.referred_by is None


def test_the_confirmation_link_goes_to_the_address_given(sent):
    assert mail.outbox[-1].to == [ADDRESS]
    assert sent[1].startswith("/refer/northshire/confirm/")


def test_only_the_confirmation_links_digest_is_stored(sent):
    referral, link = sent
    token = token_of(link)
    assert referral.confirmation_digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Referral.objects.filter(pk=referral.pk).values().get())


def test_the_business_unit_hears_nothing_before_confirmation(sent, business_unit):
    assert all(message.to != [business_unit.email] for message in mail.outbox)


def test_confirming_numbers_the_referral_and_tells_the_business_unit(
    partnership, sent, business_unit, django_capture_on_commit_callbacks
):
    referral, link = sent
    with django_capture_on_commit_callbacks(execute=True):
        confirmed, _ = referral_confirm(partnership=partnership, token=token_of(link))
    assert (confirmed.reference, confirmed.status) == ("CC-001", Referral.Status.SUBMITTED)
    assert [business_unit.email] in [message.to for message in mail.outbox]


def test_a_confirmation_link_works_once(partnership, sent):
    token = token_of(sent[1])
    referral_confirm(partnership=partnership, token=token)
    with pytest.raises(LinkNotValid):
        referral_confirm(partnership=partnership, token=token)


def test_a_confirmation_link_expires_after_48_hours(partnership, sent):
    token = token_of(sent[1])
    later = timezone.now() + dt.timedelta(hours=48, minutes=1)
    with pytest.raises(LinkNotValid):
        referral_confirm(partnership=partnership, token=token, now=later)


def test_a_confirmation_link_works_within_48_hours(partnership, sent):
    token = token_of(sent[1])
    referral, _ = referral_confirm(partnership=partnership, token=token, now=timezone.now() + dt.timedelta(hours=47))
    assert referral.status == Referral.Status.SUBMITTED


def test_a_confirmation_link_of_another_partnership_does_not_work(other_partnership, sent):
    with pytest.raises(LinkNotValid):
        referral_confirm(partnership=other_partnership, token=token_of(sent[1]))


def test_the_status_link_is_emailed_and_only_its_digest_stored(confirmed):
    referral, link = confirmed
    assert mail.outbox[-1].to == [ADDRESS]
    assert link.startswith("/refer/northshire/status/")
    token = token_of(link)
    assert referral.status_digest == token_digest(token)
    assert referral.confirmation_digest == ""
    assert token not in str(Referral.objects.filter(pk=referral.pk).values().get())


def test_the_status_link_finds_its_referral(partnership, confirmed):
    referral, link = confirmed
    assert referral_by_status_token(partnership=partnership, token=token_of(link)) == referral


def test_later_emails_carry_no_status_link(confirmed, business_unit, django_capture_on_commit_callbacks):
    from assure.reviews.services.referrals import referral_acknowledge

    referral, link = confirmed
    with django_capture_on_commit_callbacks(execute=True):
        referral_acknowledge(actor=business_unit, referral=referral)
    acknowledgement = mail.outbox[-1]
    assert acknowledgement.to == [ADDRESS]
    assert token_of(link) not in acknowledgement.body
    assert "follow the status link you were sent" in acknowledgement.body


def test_the_confirmation_records_an_event_naming_no_one(confirmed):
    event = Event.objects.get(verb="reviews.referral_confirmed")
    assert "Sam" not in event.summary


# --- the pages -------------------------------------------------------------------------------------


def form_data(agency, other_agency, **changes):
    data = {
        "referrer_name": "Sam Practitioner",
        "referrer_email": ADDRESS,
        "referrer_role": "Designated safeguarding lead",
        "referrer_agency": str(agency.pk),
        "route": "audit",
        "lead_agency": str(agency.pk),
        "case_reference": "CSC-20418",
        "child_age_years": "11",
        "agencies_involved": [str(agency.pk), str(other_agency.pk)],
        "reasons": "The school and the health service each held part of the picture.",
        "chronology": "March: the school raised attendance.\nApril: a health appointment was missed.",
    }
    return {**data, **changes}


def test_the_form_needs_no_sign_in(client, partnership, agency):
    response = client.get(reverse("refer:form", kwargs={"partnership": partnership.slug}))
    assert response.status_code == 200
    assert agency.name in response.content.decode()


def test_an_unknown_partnership_has_no_form(client, db):
    assert client.get(reverse("refer:form", kwargs={"partnership": "nowhere"})).status_code == 404


def test_sending_the_form_stores_a_referral_and_asks_to_check_email(client, partnership, agency, other_agency):
    response = client.post(
        reverse("refer:form", kwargs={"partnership": partnership.slug}), form_data(agency, other_agency)
    )
    assert response.status_code == 302
    assert response.url == reverse("refer:sent", kwargs={"partnership": partnership.slug})
    assert Referral.objects.get().status == Referral.Status.AWAITING_CONFIRMATION


def test_the_form_shows_the_services_errors(client, partnership, agency, other_agency):
    response = client.post(
        reverse("refer:form", kwargs={"partnership": partnership.slug}),
        form_data(agency, other_agency, case_reference="Jane Smith"),
    )
    assert response.status_code == 200
    assert "This looks like a name" in response.content.decode()
    assert not Referral.objects.exists()


def test_text_that_may_name_a_child_is_warned_of_then_kept(client, partnership, agency, other_agency):
    url = reverse("refer:form", kwargs={"partnership": partnership.slug})
    data = form_data(agency, other_agency, reasons="Worried about Tommy Atkins at home.")
    first = client.post(url, data)
    assert "may name a child" in first.content.decode()
    assert not Referral.objects.exists()
    second = client.post(url, {**data, "warned": "1"})
    assert second.status_code == 302
    assert Referral.objects.count() == 1


def test_the_honeypot_keeps_nothing(client, partnership, agency, other_agency):
    response = client.post(
        reverse("refer:form", kwargs={"partnership": partnership.slug}),
        form_data(agency, other_agency, website="http://spam.example"),
    )
    assert response.status_code == 302
    assert not Referral.objects.exists()
    assert mail.outbox == []


def test_one_address_may_send_five_referrals_an_hour(client, partnership, agency, other_agency):
    url = reverse("refer:form", kwargs={"partnership": partnership.slug})
    for _ in range(5):
        assert client.post(url, form_data(agency, other_agency)).status_code == 302
    refused = client.post(url, form_data(agency, other_agency))
    assert refused.status_code == 429
    assert "wait an hour" in refused.content.decode()
    assert Referral.objects.count() == 5


def test_the_limit_is_kept_by_a_digest_of_the_address(client, partnership, agency, other_agency):
    from django.core.cache import cache

    client.post(reverse("refer:form", kwargs={"partnership": partnership.slug}), form_data(agency, other_agency))
    key = "reviews:refer:" + hashlib.sha256(b"127.0.0.1").hexdigest()
    assert cache.get(key) == 1


def test_the_confirmation_page_asks_before_confirming(client, partnership, sent):
    referral, link = sent
    response = client.get(link)
    assert response.status_code == 200
    assert "Confirm and send the referral" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == Referral.Status.AWAITING_CONFIRMATION


def test_confirming_on_the_page_shows_the_status(client, partnership, sent):
    referral, link = sent
    response = client.post(link, follow=True)
    assert response.status_code == 200
    assert "Referral received" in response.content.decode()
    assert "CC-001" in response.content.decode()


@pytest.mark.parametrize("kind", ["unknown", "used", "expired"])
def test_a_confirmation_link_not_valid_answers_404_with_a_clear_page(client, partnership, sent, kind):
    referral, link = sent
    if kind == "unknown":
        link = reverse("refer:confirm", kwargs={"partnership": partnership.slug, "token": "not-a-real-link"})
    elif kind == "used":
        client.post(link)
    else:
        Referral.objects.filter(pk=referral.pk).update(confirmation_expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = client.get(link)
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_a_link_not_valid_is_not_logged_with_its_path(client, partnership, db, caplog):
    url = reverse("refer:status", kwargs={"partnership": partnership.slug, "token": "secret-part-of-a-link"})
    with caplog.at_level("WARNING", logger="django.request"):
        assert client.get(url).status_code == 404
    assert "secret-part-of-a-link" not in caplog.text


def test_the_status_page_needs_no_sign_in_and_is_not_stored(client, confirmed):
    referral, link = confirmed
    response = client.get(link)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert referral.reference in response.content.decode()


def test_the_status_page_shows_only_that_referrals_status(client, partnership, agency, confirmed):
    referral, link = confirmed
    other = ReferralFactory(partnership=partnership, lead_agency=agency, reference="CC-002", case_reference="CSC-99999")
    page = client.get(link).content.decode()
    assert referral.reference in page and "Received" in page
    # Nothing of the case, and nothing of another referral.
    assert referral.case_reference not in page
    assert referral.reasons not in page
    assert referral.chronology.splitlines()[0] not in page
    assert other.reference not in page and other.case_reference not in page


def test_the_status_page_shows_the_decision_and_letter_once_decided(
    client, partnership, confirmed, chair, subgroup_meeting
):
    referral, link = confirmed
    referral.status, referral.considered_at, referral.recommendation = "considered", subgroup_meeting, "audit"
    referral.save()
    referral_decide(
        actor=chair,
        referral=referral,
        decision="no-further-action",
        reasons="Well handled.",
        decided_on=dt.date(2026, 12, 1),
    )
    page = client.get(link).content.decode()
    assert "No further action" in page
    assert "Well handled." in page


def test_an_unknown_status_link_answers_404(client, partnership, db):
    url = reverse("refer:status", kwargs={"partnership": partnership.slug, "token": "unknown"})
    assert client.get(url).status_code == 404


def test_a_status_link_does_not_open_another_partnerships_referral(client, other_partnership, confirmed):
    _, link = confirmed
    elsewhere = link.replace("/refer/northshire/", f"/refer/{other_partnership.slug}/")
    assert client.get(elsewhere).status_code == 404


def test_the_sent_page_needs_no_sign_in(client, partnership):
    assert client.get(reverse("refer:sent", kwargs={"partnership": partnership.slug})).status_code == 200
