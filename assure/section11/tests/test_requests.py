"""What Section 11 asks of people reaches them: one e-mail each, with a link to the thing."""

import datetime as dt

import pytest
from django.core import mail

from assure.accounts.tests.factories import MembershipFactory
from assure.library.selectors import current_item
from assure.partnerships.models import PartnershipAgency
from assure.partnerships.tests.factories import AgencyFactory
from assure.section11.models import Response, Return
from assure.section11.services.cycles import cycle_open
from assure.section11.services.moderation import response_answer, response_challenge, return_reopen
from assure.section11.services.requests import return_reopened_notify
from conftest import make_member

from .factories import CycleFactory, ReturnFactory
from .mailbox import link_of, page_of, sent_to


@pytest.fixture
def submitted(partnership, agency):
    return_record = ReturnFactory(
        cycle=CycleFactory(lead_partnership=partnership), agency=agency, status=Return.Status.SUBMITTED
    )
    return_record.responses.filter(not_applicable=False).update(self_rating="amber")
    return return_record


def test_opening_a_cycle_asks_each_agency_lead_for_the_return_once(
    business_unit, agency_lead, partnership, other_partnership, agency, django_capture_on_commit_callbacks
):
    # The cycle is a region's: the lead is a member of both partnerships, and mailed once.
    PartnershipAgency.objects.create(partnership=other_partnership, agency=agency)
    MembershipFactory(user=agency_lead, partnership=other_partnership, role="agency-lead", agency=agency)
    MembershipFactory(user=business_unit, partnership=other_partnership, role="business-unit")
    second = make_member("agency-lead", partnership, agency=agency, email="second@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        cycle = cycle_open(
            actor=business_unit,
            partnership=partnership,
            partnerships=[other_partnership],
            title="Section 11 audit 2015-16",
            year="2015-16",
            framework=current_item(kind="section11-framework", code="section11-classic-2007"),
            opens_on=dt.date.today(),
            deadline=dt.date.today() + dt.timedelta(days=60),
            agencies=[agency],
        )
    assert sent_to("Section 11 self-assessment") == sorted([agency_lead.email, second.email])
    match = page_of(mail.outbox[0])
    assert match.url_name == "return_detail"
    assert match.kwargs == {"partnership": partnership.slug, "pk": cycle.returns.get().pk}


def test_a_challenge_asks_the_agency_lead_with_a_link_to_the_criterion(
    auditor, agency_lead, partnership, submitted, django_capture_on_commit_callbacks
):
    response = submitted.responses.get(criterion="1.2")
    with django_capture_on_commit_callbacks(execute=True):
        response_challenge(actor=auditor, partnership=partnership, response=response, question="Which audit?")
    assert sent_to() == [agency_lead.email]
    message = mail.outbox[0]
    assert "criterion 1.2" in message.subject
    assert "Which audit?" not in message.body  # what was written stays inside Assure
    assert link_of(message) == f"/p/{partnership.slug}/section11/returns/{submitted.pk}/#criterion-1.2"
    assert page_of(message).url_name == "return_detail"


def test_another_agencys_lead_is_not_asked(
    auditor, agency_lead, partnership, other_agency, submitted, django_capture_on_commit_callbacks
):
    make_member("agency-lead", partnership, agency=other_agency, email="other@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response_challenge(
            actor=auditor, partnership=partnership, response=submitted.responses.get(criterion="1.1"), question="Why?"
        )
    assert sent_to() == [agency_lead.email]


def test_an_answer_tells_the_moderator_who_asked_and_the_business_unit(
    auditor, business_unit, agency_lead, partnership, submitted, django_capture_on_commit_callbacks
):
    other_auditor = make_member("auditor", partnership, email="other-auditor@example.org")
    response = submitted.responses.get(criterion="1.1")
    response_challenge(actor=auditor, partnership=partnership, response=response, question="Which audit?")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response_answer(actor=agency_lead, partnership=partnership, response=response, answer="The March one.")
    assert sent_to() == sorted([auditor.email, business_unit.email])
    assert other_auditor.email not in sent_to()
    match = page_of(mail.outbox[0])
    assert (match.url_name, match.kwargs["pk"]) == ("response_moderate", response.pk)


def test_a_return_given_back_tells_the_agency_lead(
    auditor, agency_lead, partnership, submitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        return_reopen(actor=auditor, partnership=partnership, return_record=submitted, reason="Evidence missing.")
    assert sent_to("given back") == [agency_lead.email]
    assert "Evidence missing" not in mail.outbox[0].body
    match = page_of(mail.outbox[0])
    assert (match.url_name, match.kwargs["pk"]) == ("return_detail", submitted.pk)


def test_an_inactive_lead_is_not_mailed(
    auditor, agency_lead, partnership, submitted, django_capture_on_commit_callbacks
):
    agency_lead.is_active = False
    agency_lead.save()
    with django_capture_on_commit_callbacks(execute=True):
        response_challenge(
            actor=auditor, partnership=partnership, response=submitted.responses.get(criterion="1.1"), question="Why?"
        )
    assert mail.outbox == []


def test_a_lead_of_the_agency_in_another_partnership_gets_its_own_address(
    business_unit, partnership, other_partnership, django_capture_on_commit_callbacks
):
    shared = AgencyFactory(partnerships=[partnership, other_partnership])
    elsewhere = make_member("agency-lead", other_partnership, agency=shared, email="elsewhere@example.org")
    cycle = CycleFactory(lead_partnership=partnership, partnerships=[partnership, other_partnership])
    return_record = ReturnFactory(cycle=cycle, agency=shared, status=Return.Status.UNDER_CHALLENGE)
    response = return_record.responses.get(criterion="1.1")
    Response.objects.filter(pk=response.pk).update(moderation=Response.Moderation.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        return_reopened_notify(return_record=return_record)
    assert sent_to() == [elsewhere.email]
    assert page_of(mail.outbox[0]).kwargs["partnership"] == other_partnership.slug
