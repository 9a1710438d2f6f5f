"""Case considerations' services: a member's referral, the business unit's acknowledgement and
record of the subgroup's consideration, the chair's decision with its letter and the review it
commissions, and withdrawal; each rule, each event and each message."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from assure.audit.models import Event
from assure.notifications.models import Message
from assure.partnerships.tests.factories import AgencyFactory, MeetingFactory
from assure.reviews.models import Referral, Review
from assure.reviews.services.referrals import (
    case_reference_problem,
    referral_acknowledge,
    referral_consider,
    referral_decide,
    referral_submit,
    referral_withdraw,
)

DECIDED_ON = dt.date(2026, 12, 1)


@pytest.fixture
def submit(partnership, case_values):
    def _submit(actor, **changes):
        return referral_submit(actor=actor, partnership=partnership, **{**case_values, **changes})

    return _submit


def problems_of(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


# --- submitting ------------------------------------------------------------------------------------


def test_a_member_refers_a_case_numbered_in_the_partnership(submit, agency_lead):
    first, second = submit(agency_lead), submit(agency_lead)
    assert (first.reference, second.reference) == ("CC-001", "CC-002")
    assert first.status == Referral.Status.SUBMITTED and first.submitted_at is not None


def test_the_referrer_defaults_to_the_member(submit, agency_lead):
    referral = submit(agency_lead)
    assert (referral.referred_by, referral.referrer_name, referral.referrer_email) == (
        agency_lead,
        agency_lead.full_name,
        agency_lead.email,
    )


def test_a_viewer_may_not_refer(submit, viewer):
    with pytest.raises(PermissionDenied):
        submit(viewer)


def test_the_business_unit_is_told_of_a_referral(
    submit, agency_lead, business_unit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral = submit(agency_lead)
    assert [m.to for m in mail.outbox] == [[business_unit.email]]
    assert f"/referrals/{referral.pk}/" in mail.outbox[0].body


def test_a_referral_records_its_event(submit, agency_lead):
    referral = submit(agency_lead)
    assert Event.objects.filter(verb="reviews.referral_submitted", target_id=str(referral.pk)).exists()


def test_the_lead_agency_must_be_one_of_the_partnerships(submit, agency_lead):
    elsewhere = AgencyFactory(name="Far Away Trust")
    assert "lead_agency" in problems_of(lambda: submit(agency_lead, lead_agency=elsewhere))


def test_agencies_involved_must_be_the_partnerships(submit, agency_lead):
    elsewhere = AgencyFactory(name="Far Away Trust")
    assert "agencies_involved" in problems_of(lambda: submit(agency_lead, agencies_involved=[elsewhere]))


@pytest.mark.parametrize("age", [-1, 18])
def test_the_child_is_aged_0_to_17(submit, agency_lead, age):
    assert "child_age_years" in problems_of(lambda: submit(agency_lead, child_age_years=age))


@pytest.mark.parametrize("age", [0, 17])
def test_ages_0_and_17_are_children(submit, agency_lead, age):
    assert submit(agency_lead, child_age_years=age).child_age_years == age


def test_the_route_is_one_of_the_schemes(submit, agency_lead):
    assert "route" in problems_of(lambda: submit(agency_lead, route="serious-enough"))


@pytest.mark.parametrize("reference", ["Jane Smith", "child Amy Brown", "03/04/2012", "DOB 3 April 2012", "2012-04-03"])
def test_a_case_reference_like_a_name_or_a_date_of_birth_is_refused(submit, agency_lead, reference):
    assert "case_reference" in problems_of(lambda: submit(agency_lead, case_reference=reference))


@pytest.mark.parametrize("reference", ["CSC-20418", "WMP-CAIU-0917", "HV 55102", "LA/2014/0042"])
def test_an_agencys_case_reference_is_kept(reference):
    assert case_reference_problem(reference) is None


def test_reasons_and_chronology_are_needed(submit, agency_lead):
    problems = problems_of(lambda: submit(agency_lead, reasons=" ", chronology=""))
    assert {"reasons", "chronology"} <= set(problems)


def test_an_organisation_not_listed_is_named(submit, agency_lead):
    assert "referrer_agency" in problems_of(lambda: submit(agency_lead, referrer_agency=None))
    referral = submit(agency_lead, referrer_agency=None, referrer_agency_other="St Mary's Academy")
    assert referral.referrer_organisation == "St Mary's Academy"


# --- acknowledging ---------------------------------------------------------------------------------


def test_the_business_unit_acknowledges_and_the_member_is_told(
    received_referral, business_unit, agency_lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral_acknowledge(actor=business_unit, referral=received_referral)
    received_referral.refresh_from_db()
    assert received_referral.status == Referral.Status.ACKNOWLEDGED
    assert received_referral.acknowledged_by == business_unit
    assert [m.to for m in mail.outbox] == [[agency_lead.email]]
    assert "/referrals/mine/" in mail.outbox[0].body


def test_only_the_business_unit_acknowledges(received_referral, chair):
    with pytest.raises(PermissionDenied):
        referral_acknowledge(actor=chair, referral=received_referral)


def test_a_referral_is_acknowledged_once(received_referral, business_unit):
    referral_acknowledge(actor=business_unit, referral=received_referral)
    with pytest.raises(PermissionDenied):
        referral_acknowledge(actor=business_unit, referral=received_referral)


# --- considering -----------------------------------------------------------------------------------


@pytest.fixture
def acknowledged(received_referral, business_unit):
    return referral_acknowledge(actor=business_unit, referral=received_referral)


def test_the_subgroups_consideration_is_recorded_and_the_chair_told(
    acknowledged, business_unit, chair, subgroup_meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral_consider(
            actor=business_unit, referral=acknowledged, meeting=subgroup_meeting, recommendation="audit", notes="Audit"
        )
    acknowledged.refresh_from_db()
    assert (acknowledged.status, acknowledged.considered_at, acknowledged.recommendation) == (
        Referral.Status.CONSIDERED,
        subgroup_meeting,
        "audit",
    )
    assert [m.to for m in mail.outbox] == [[chair.email]]
    assert f"/referrals/{acknowledged.pk}/decide/" in mail.outbox[0].body


def test_the_meeting_must_be_the_partnerships(acknowledged, business_unit, other_partnership):
    elsewhere = MeetingFactory(partnership=other_partnership, held_on=dt.date(2026, 11, 26))
    problems = problems_of(
        lambda: referral_consider(actor=business_unit, referral=acknowledged, meeting=elsewhere, recommendation="audit")
    )
    assert "meeting" in problems


def test_the_meeting_cannot_come_before_the_referral(acknowledged, business_unit, partnership):
    earlier = MeetingFactory(partnership=partnership, held_on=dt.date(2026, 10, 1))
    problems = problems_of(
        lambda: referral_consider(actor=business_unit, referral=acknowledged, meeting=earlier, recommendation="audit")
    )
    assert "meeting" in problems


def test_the_recommendation_is_a_decision_of_the_scheme(acknowledged, business_unit, subgroup_meeting):
    problems = problems_of(
        lambda: referral_consider(
            actor=business_unit, referral=acknowledged, meeting=subgroup_meeting, recommendation="ignore"
        )
    )
    assert "recommendation" in problems


def test_a_referral_not_acknowledged_is_not_considered(received_referral, business_unit, subgroup_meeting):
    with pytest.raises(PermissionDenied):
        referral_consider(
            actor=business_unit, referral=received_referral, meeting=subgroup_meeting, recommendation="audit"
        )


# --- deciding --------------------------------------------------------------------------------------


def decide(referral, chair, **changes):
    values = {"decision": "no-further-action", "reasons": "Agencies worked well together.", "decided_on": DECIDED_ON}
    return referral_decide(actor=chair, referral=referral, **{**values, **changes})


def test_the_chair_decides_with_reasons(considered_referral, chair):
    decide(considered_referral, chair)
    considered_referral.refresh_from_db()
    assert (considered_referral.status, considered_referral.decision, considered_referral.decided_by) == (
        Referral.Status.DECIDED,
        "no-further-action",
        chair,
    )


def test_reasons_are_required(considered_referral, chair):
    assert "reasons" in problems_of(lambda: decide(considered_referral, chair, reasons="  "))


def test_the_decision_is_one_of_the_schemes(considered_referral, chair):
    assert "decision" in problems_of(lambda: decide(considered_referral, chair, decision="maybe"))


def test_the_decision_cannot_come_before_the_meeting(considered_referral, chair):
    problems = problems_of(lambda: decide(considered_referral, chair, decided_on=dt.date(2026, 11, 1)))
    assert "decided_on" in problems


def test_only_the_chair_decides(considered_referral, business_unit):
    with pytest.raises(PermissionDenied):
        decide(considered_referral, business_unit)


def test_a_referral_not_considered_is_not_decided(received_referral, chair):
    with pytest.raises(PermissionDenied):
        decide(received_referral, chair)


def test_the_letter_is_made_from_the_library_template_and_keeps_its_version(considered_referral, chair):
    decide(considered_referral, chair)
    considered_referral.refresh_from_db()
    assert considered_referral.letter_template.code == "case-consideration-decision"
    assert "Dear Ada Leed," in considered_referral.letter
    assert "The decision: No further action" in considered_referral.letter
    assert "Agencies worked well together." in considered_referral.letter
    assert "1 December 2026" in considered_referral.letter


def test_the_referrer_is_sent_the_letter(considered_referral, chair, agency_lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        decide(considered_referral, chair)
    assert [m.to for m in mail.outbox] == [[agency_lead.email]]
    assert "Agencies worked well together." in mail.outbox[0].body
    assert f"/referrals/{considered_referral.pk}/letter/" in mail.outbox[0].body


def test_a_decision_commissioning_a_review_commissions_it(considered_referral, chair, agency):
    considered_referral.agencies_involved.set([agency])
    decide(considered_referral, chair, decision="audit")
    review = Review.objects.get(referral=considered_referral)
    assert (review.kind, review.reference, review.decided_on) == ("multi-agency-audit", "RV-001", DECIDED_ON)
    assert review.title == "Multi-agency audit following case consideration CC-001"
    assert list(review.agencies.all()) == [agency]


def test_the_chair_may_title_the_review(considered_referral, chair):
    decide(considered_referral, chair, decision="learning-review", title="A young person missing education")
    assert Review.objects.get(referral=considered_referral).title == "A young person missing education"


def test_a_decision_commissioning_nothing_commissions_nothing(considered_referral, chair):
    decide(considered_referral, chair)
    assert not Review.objects.exists()


def test_the_decision_records_its_event(considered_referral, chair):
    decide(considered_referral, chair)
    event = Event.objects.get(verb="reviews.referral_decided")
    assert event.data["decision"] == "no-further-action"
    assert "Ada" not in event.summary


# --- withdrawing -----------------------------------------------------------------------------------


def test_the_business_unit_withdraws_with_a_reason(received_referral, business_unit):
    referral_withdraw(actor=business_unit, referral=received_referral, reason="Sent twice by mistake.")
    received_referral.refresh_from_db()
    assert (received_referral.status, received_referral.decision_reasons) == (
        Referral.Status.WITHDRAWN,
        "Sent twice by mistake.",
    )


def test_a_withdrawal_needs_a_reason(received_referral, business_unit):
    problems = problems_of(lambda: referral_withdraw(actor=business_unit, referral=received_referral, reason=""))
    assert "reason" in problems


def test_a_decided_referral_is_not_withdrawn(considered_referral, chair, business_unit):
    decide(considered_referral, chair)
    with pytest.raises(PermissionDenied):
        referral_withdraw(actor=business_unit, referral=considered_referral, reason="Too late.")


def test_messages_to_a_member_go_through_notify(received_referral, business_unit, agency_lead):
    referral_acknowledge(actor=business_unit, referral=received_referral)
    assert Message.objects.filter(recipient=agency_lead, kind="reviews.referral_acknowledged").exists()
