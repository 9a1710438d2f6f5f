"""Assure sets one cookie, the session's: the messages shown after an action (which may name an
evidence file, and so a child) are kept in the session, never in a readable cookie of their own."""

from django.conf import settings
from django.urls import reverse

from assure.accounts.tests.factories import DEFAULT_PASSWORD
from assure.section11.tests.factories import CycleFactory, EvidenceFileFactory, ResponseFactory, ReturnFactory


def test_removing_evidence_keeps_its_message_in_the_session_not_in_a_cookie(client, agency_lead, partnership, agency):
    draft = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency)
    evidence = EvidenceFileFactory(
        response=ResponseFactory(return_record=draft), original_name="Strategy meeting about Jo Bloggs.pdf"
    )
    client.force_login(agency_lead)
    url = reverse("section11:evidence_delete", kwargs={"partnership": partnership.slug, "pk": evidence.pk})
    removed = client.post(url)
    assert removed.status_code == 302
    assert set(removed.cookies) <= {settings.SESSION_COOKIE_NAME}
    assert "“Strategy meeting about Jo Bloggs.pdf” removed." in client.get(removed.url).content.decode()


def test_signing_in_sets_the_session_cookie_and_no_other(client, viewer):
    signed_in = client.post(reverse("account_login"), {"login": viewer.email, "password": DEFAULT_PASSWORD})
    assert signed_in.status_code == 302
    assert set(signed_in.cookies) == {settings.SESSION_COOKIE_NAME}
    assert "messages" not in client.cookies
