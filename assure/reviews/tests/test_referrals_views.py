"""Case considerations' pages for members: the form, their own referrals, the register (no case
content), one referral (its case content only with the case-review grant, every read logged, never
stored by a cache), each step's page, and the decision letter."""

import datetime as dt

import pytest
from django.urls import reverse

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.audit.models import AccessLog
from assure.reviews.models import Referral, Review
from assure.reviews.tests.factories import ReferralFactory


def url(name, partnership, **kwargs):
    return reverse(f"reviews:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def decided_referral(considered_referral, chair):
    from assure.reviews.services.referrals import referral_decide

    return referral_decide(
        actor=chair,
        referral=considered_referral,
        decision="no-further-action",
        reasons="Agencies worked well together.",
        decided_on=dt.date(2026, 12, 1),
    )


# --- the form and a member's own referrals ---------------------------------------------------------


def test_the_form_starts_from_the_member_and_their_agency(client, partnership, agency_lead, agency):
    page = signed_in(client, agency_lead).get(url("referral_create", partnership)).content.decode()
    assert 'value="Ada Leed"' in page and 'value="ada@example.org"' in page
    assert f'<option value="{agency.pk}" selected>' in page


def test_a_member_refers_a_case(client, partnership, agency_lead, agency, other_agency):
    data = {
        "referrer_name": "Ada Leed",
        "referrer_email": "ada@example.org",
        "referrer_role": "Named nurse",
        "referrer_agency": str(agency.pk),
        "route": "audit",
        "lead_agency": str(agency.pk),
        "case_reference": "CSC-20418",
        "child_age_years": "6",
        "agencies_involved": [str(other_agency.pk)],
        "reasons": "The agencies' records do not agree about who was told what.",
        "chronology": "May: the nursery raised concerns.\nJune: a health appointment was missed.",
    }
    response = signed_in(client, agency_lead).post(url("referral_create", partnership), data)
    assert response.status_code == 302 and response.url == url("referrals_mine", partnership)
    referral = Referral.objects.get()
    assert (referral.reference, referral.referred_by) == ("CC-001", agency_lead)


def test_your_referrals_lists_only_your_own(client, partnership, agency, agency_lead, board_member):
    mine = ReferralFactory(partnership=partnership, lead_agency=agency, referred_by=agency_lead, reference="CC-001")
    theirs = ReferralFactory(partnership=partnership, lead_agency=agency, referred_by=board_member, reference="CC-002")
    page = signed_in(client, agency_lead).get(url("referrals_mine", partnership)).content.decode()
    assert mine.reference in page and theirs.reference not in page
    assert mine.case_reference not in page


def test_your_referrals_links_the_letter_once_decided(client, partnership, agency_lead, decided_referral):
    page = signed_in(client, agency_lead).get(url("referrals_mine", partnership)).content.decode()
    assert url("referral_letter", partnership, pk=decided_referral.pk) in page


# --- the register ----------------------------------------------------------------------------------


def test_the_register_shows_no_case_content(client, partnership, board_member, received_referral):
    page = signed_in(client, board_member).get(url("referrals", partnership)).content.decode()
    assert received_referral.reference in page
    assert received_referral.case_reference not in page
    assert received_referral.reasons not in page


def test_the_register_leaves_out_referrals_awaiting_confirmation(client, partnership, agency, business_unit):
    ReferralFactory(
        partnership=partnership,
        lead_agency=agency,
        reference="P-abc",
        status=Referral.Status.AWAITING_CONFIRMATION,
        referred_by=None,
    )
    page = signed_in(client, business_unit).get(url("referrals", partnership)).content.decode()
    assert "P-abc" not in page


def test_the_register_filters_by_status(client, partnership, agency, business_unit, received_referral):
    ReferralFactory(partnership=partnership, lead_agency=agency, reference="CC-009", status=Referral.Status.DECIDED)
    page = signed_in(client, business_unit).get(url("referrals", partnership) + "?status=decided").content.decode()
    assert "CC-009" in page and "CC-001" not in page


def test_the_register_downloads_as_a_spreadsheet(client, partnership, business_unit, received_referral):
    response = signed_in(client, business_unit).get(url("referrals", partnership) + "?_export=csv")
    text = response.content.decode()
    assert response.status_code == 200
    assert "CC-001" in text and "Below the threshold" in text and received_referral.case_reference not in text


# --- one referral ----------------------------------------------------------------------------------


def test_without_the_grant_the_case_is_not_shown_nor_logged(client, partnership, board_member, received_referral):
    page = signed_in(client, board_member).get(url("referral_detail", partnership, pk=received_referral.pk))
    text = page.content.decode()
    assert page.status_code == 200
    assert received_referral.case_reference not in text and received_referral.reasons not in text
    assert "needs a case-review grant" in text
    assert not AccessLog.objects.exists()


def test_with_the_grant_the_case_is_shown_and_the_read_logged(client, partnership, case_reader, received_referral):
    response = signed_in(client, case_reader).get(url("referral_detail", partnership, pk=received_referral.pk))
    text = response.content.decode()
    assert received_referral.case_reference in text
    log = AccessLog.objects.get()
    assert (log.user, log.area, log.record_id) == (case_reader, "case-review", str(received_referral.pk))
    assert "no-store" in response["Cache-Control"]


def test_the_business_unit_is_offered_the_next_step(client, partnership, business_unit, received_referral):
    page = signed_in(client, business_unit).get(url("referral_detail", partnership, pk=received_referral.pk))
    assert url("referral_acknowledge", partnership, pk=received_referral.pk) in page.content.decode()


def test_a_referral_of_another_partnership_is_not_found(client, partnership, other_partnership, business_unit):
    elsewhere = ReferralFactory(partnership=other_partnership)
    response = signed_in(client, business_unit).get(url("referral_detail", partnership, pk=elsewhere.pk))
    assert response.status_code == 404


# --- the steps -------------------------------------------------------------------------------------


def test_acknowledging_on_its_page(client, partnership, business_unit, received_referral):
    response = signed_in(client, business_unit).post(url("referral_acknowledge", partnership, pk=received_referral.pk))
    assert response.status_code == 302
    received_referral.refresh_from_db()
    assert received_referral.status == Referral.Status.ACKNOWLEDGED


def test_an_acknowledged_referral_has_no_acknowledge_page(client, partnership, business_unit, received_referral):
    received_referral.status = Referral.Status.ACKNOWLEDGED
    received_referral.save()
    response = signed_in(client, business_unit).get(url("referral_acknowledge", partnership, pk=received_referral.pk))
    assert response.status_code == 404


def test_recording_the_consideration(client, partnership, business_unit, received_referral, subgroup_meeting):
    received_referral.status = Referral.Status.ACKNOWLEDGED
    received_referral.save()
    response = signed_in(client, business_unit).post(
        url("referral_consider", partnership, pk=received_referral.pk),
        {"meeting": str(subgroup_meeting.pk), "recommendation": "learning-review", "notes": "Worth a review."},
    )
    assert response.status_code == 302
    received_referral.refresh_from_db()
    assert (received_referral.status, received_referral.recommendation) == ("considered", "learning-review")


def test_the_chair_decides_on_the_page_and_a_review_is_commissioned(client, partnership, chair, considered_referral):
    response = signed_in(client, chair).post(
        url("referral_decide", partnership, pk=considered_referral.pk),
        {"decision": "audit", "reasons": "The agencies can learn together.", "decided_on": "2026-12-01", "title": ""},
    )
    assert response.status_code == 302
    assert Review.objects.get().referral == considered_referral


def test_the_decision_page_shows_the_services_errors(client, partnership, chair, considered_referral):
    response = signed_in(client, chair).post(
        url("referral_decide", partnership, pk=considered_referral.pk),
        {"decision": "audit", "reasons": "Too early.", "decided_on": "2026-10-01"},
    )
    assert response.status_code == 200
    assert "cannot come before the subgroup considered" in response.content.decode()


def test_withdrawing_asks_for_a_reason(client, partnership, business_unit, received_referral):
    page = signed_in(client, business_unit).post(url("referral_withdraw", partnership, pk=received_referral.pk), {})
    assert "Say why the referral is withdrawn" in page.content.decode()
    done = client.post(url("referral_withdraw", partnership, pk=received_referral.pk), {"reason": "Sent twice."})
    assert done.status_code == 302
    received_referral.refresh_from_db()
    assert received_referral.status == Referral.Status.WITHDRAWN


# --- the letter ------------------------------------------------------------------------------------


def test_the_referring_member_reads_the_letter(client, partnership, agency_lead, decided_referral):
    response = signed_in(client, agency_lead).get(url("referral_letter", partnership, pk=decided_referral.pk))
    assert response.status_code == 200
    assert "Agencies worked well together." in response.content.decode()
    assert "letter-print.css" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_reader_with_the_grant_reads_the_letter_and_it_is_logged(client, partnership, case_reader, decided_referral):
    response = signed_in(client, case_reader).get(url("referral_letter", partnership, pk=decided_referral.pk))
    assert response.status_code == 200
    assert AccessLog.objects.filter(user=case_reader, record_id=str(decided_referral.pk)).exists()


def test_a_reader_without_the_grant_is_refused_the_letter(client, partnership, board_member, decided_referral):
    response = signed_in(client, board_member).get(url("referral_letter", partnership, pk=decided_referral.pk))
    assert response.status_code == 403


def test_another_member_does_not_find_the_letter(client, partnership, panel_member, decided_referral):
    response = signed_in(client, panel_member).get(url("referral_letter", partnership, pk=decided_referral.pk))
    assert response.status_code == 404


def test_the_chair_may_decide_without_the_grant(client, partnership, chair, considered_referral):
    response = signed_in(client, chair).get(url("referral_decide", partnership, pk=considered_referral.pk))
    assert response.status_code == 200
    assert considered_referral.case_reference not in response.content.decode()


def test_the_grant_of_another_area_does_not_open_the_case(client, partnership, business_unit, received_referral):
    RestrictedGrantFactory(user=business_unit, partnership=partnership, area="confidential-minutes")
    page = signed_in(client, business_unit).get(url("referral_detail", partnership, pk=received_referral.pk))
    assert received_referral.case_reference not in page.content.decode()
