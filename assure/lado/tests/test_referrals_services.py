"""Recording, referring, confirming, accepting, declining and correcting referrals: the rules of
what a referral holds (dates in order, library codes, children by age and a reference that is no
name and no date of birth), the statuses, the events and the e-mails, which never name the
person."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.audit.models import Event
from assure.lado.models import Person, Referral
from assure.lado.services import referrals as services
from assure.lado.services.referrals import (
    LinkNotValid,
    referral_accept,
    referral_by_status_token,
    referral_confirm,
    referral_decline,
    referral_record,
    referral_submit,
    referral_submit_public,
    referral_update,
)
from assure.lado.tests.factories import ChildFactory, ReferralFactory
from assure.notifications.models import Message

pytestmark = pytest.mark.django_db

TODAY = dt.date(2014, 6, 12)
NAME = ("Rowan", "Quillfeather")


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    """The services read today through django.utils.timezone: fix it on a Thursday."""
    monkeypatch.setattr(services.timezone, "localdate", lambda *args: TODAY)


def values(**changes) -> dict:
    data = {
        "date_known": dt.date(2014, 6, 9),
        "date_referred": dt.date(2014, 6, 10),
        "referrer_name": "Morgan Tillery",
        "referrer_role": "Head teacher",
        "referrer_organisation": "Severnside Primary School",
        "referrer_email": "head@severnside.example.org",
        "employer_name": "Severnside Primary School",
        "sector": "education",
        "given_names": NAME[0],
        "family_name": NAME[1],
        "date_of_birth": dt.date(1982, 5, 1),
        "person_role": "Teaching assistant",
        "employment_basis": "employed",
        "category": "physical",
        "harm_tests": ["harmed"],
        "context": "work",
        "description": "Grabbed a pupil's arm hard enough to leave a mark.",
    }
    data.update(changes)
    return data


CHILDREN = [{"age_years": 8, "agency_reference": "CSC-20417"}]


def record(officer, partnership, children=CHILDREN, **changes) -> Referral:
    return referral_record(actor=officer, partnership=partnership, values=values(**changes), children=children)


def problems(officer, partnership, children=CHILDREN, **changes) -> dict:
    with pytest.raises(ValidationError) as caught:
        record(officer, partnership, children=children, **changes)
    return caught.value.message_dict


def employer_values(**changes) -> dict:
    data = values(**changes)
    data.pop("date_referred")
    return data


# --- the officer's record ------------------------------------------------------------------------


def test_the_officer_records_an_open_referral_numbered_in_the_partnership(officer, partnership):
    referral = record(officer, partnership)
    assert (referral.reference, referral.status, referral.route) == ("LA-0001", "open", "officer")


def test_the_next_referral_takes_the_next_number(officer, partnership):
    record(officer, partnership)
    assert record(officer, partnership).reference == "LA-0002"


def test_the_person_is_recorded_with_the_referral(officer, partnership):
    person = record(officer, partnership).person
    assert (person.given_names, person.family_name, person.date_of_birth) == (*NAME, dt.date(1982, 5, 1))


def test_the_children_are_recorded_by_age_and_reference(officer, partnership):
    referral = record(officer, partnership, children=[*CHILDREN, {"age_years": 11, "agency_reference": ""}])
    assert list(referral.children.values_list("age_years", "agency_reference")) == [(8, "CSC-20417"), (11, "")]


def test_recording_a_referral_is_an_event_naming_no_one(officer, partnership):
    referral = record(officer, partnership)
    event = Event.objects.get(verb="lado.referral_recorded")
    assert event.target_id == str(referral.pk) and NAME[1] not in event.summary


def test_a_designated_officer_without_the_grant_records_nothing(designated_officer, partnership):
    with pytest.raises(PermissionDenied):
        record(designated_officer, partnership)


def test_the_figures_are_told_the_referrals_changed(officer, partnership, monkeypatch):
    told = []
    monkeypatch.setattr(services, "records_changed", lambda owner, **kwargs: told.append((owner, kwargs)))
    record(officer, partnership)
    assert told == [("lado", {"partnership_ids": [partnership.pk], "years": ["2014-15"]})]


# --- what a referral must hold ---------------------------------------------------------------------


def test_the_referral_cannot_come_before_the_employer_knew(officer, partnership):
    found = problems(officer, partnership, date_known=dt.date(2014, 6, 11), date_referred=dt.date(2014, 6, 10))
    assert "on or after the date the employer knew" in found["date_referred"][0]


def test_the_referral_cannot_be_in_the_future(officer, partnership):
    assert "date_referred" in problems(officer, partnership, date_referred=dt.date(2014, 6, 13))


def test_the_date_the_employer_knew_cannot_be_in_the_future(officer, partnership):
    assert "date_known" in problems(officer, partnership, date_known=dt.date(2014, 6, 13))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sector", "hospitality"),
        ("category", "theft"),
        ("employment_basis", "contractor"),
        ("context", "online"),
        ("harm_tests", ["harmed", "rude"]),
    ],
)
def test_codes_must_be_the_librarys(officer, partnership, field, value):
    assert field in problems(officer, partnership, **{field: value})


def test_an_allegation_meets_at_least_one_harm_test(officer, partnership):
    assert "harm_tests" in problems(officer, partnership, harm_tests=[])


def test_a_low_level_concern_needs_no_harm_test_and_no_child(officer, partnership):
    referral = record(officer, partnership, children=[], category="low-level-concern", harm_tests=[])
    assert referral.category == "low-level-concern" and not referral.children.exists()


def test_an_allegation_concerns_at_least_one_child(officer, partnership):
    assert "children" in problems(officer, partnership, children=[])


def test_a_child_is_under_eighteen(officer, partnership):
    found = problems(officer, partnership, children=[CHILDREN[0], {"age_years": 18, "agency_reference": ""}])
    assert "from 0 to 17" in found["child_2_age"][0]


def test_a_childs_age_is_needed(officer, partnership):
    assert "child_1_age" in problems(officer, partnership, children=[{"age_years": None, "agency_reference": "X1"}])


@pytest.mark.parametrize("reference", ["Jayden Smith", "03/04/2009", "2009-04-03", "DOB 3 April 2009"])
def test_a_childs_reference_is_never_a_name_or_a_date_of_birth(officer, partnership, reference):
    found = problems(officer, partnership, children=[{"age_years": 8, "agency_reference": reference}])
    assert "child_1_reference" in found


def test_the_persons_name_is_needed(officer, partnership):
    found = problems(officer, partnership, given_names=" ", family_name="")
    assert {"given_names", "family_name"} <= set(found)


def test_an_implausible_date_of_birth_is_refused(officer, partnership):
    assert "date_of_birth" in problems(officer, partnership, date_of_birth=dt.date(2005, 1, 1))


def test_an_unknown_date_of_birth_is_allowed(officer, partnership):
    assert record(officer, partnership, date_of_birth=None).person.date_of_birth is None


def test_what_was_alleged_is_needed(officer, partnership):
    assert "description" in problems(officer, partnership, description="  ")


def test_nothing_is_kept_when_something_is_wrong(officer, partnership):
    problems(officer, partnership, sector="hospitality")
    assert not Referral.objects.exists() and not Person.objects.exists()


# --- an agency lead's referral ---------------------------------------------------------------------


def submit(agency_lead, partnership, **changes) -> Referral:
    return referral_submit(
        actor=agency_lead, partnership=partnership, values=employer_values(**changes), children=CHILDREN
    )


def test_an_agency_leads_referral_is_a_draft_from_their_agency(agency_lead, agency, partnership):
    referral = submit(agency_lead, partnership)
    assert (referral.status, referral.route, referral.employer_agency) == ("draft", "member", agency)


def test_an_agency_leads_referral_is_referred_today(agency_lead, partnership):
    assert submit(agency_lead, partnership).date_referred == TODAY


def test_the_officers_are_told_of_a_draft_without_the_persons_name(officer, agency_lead, partnership):
    referral = submit(agency_lead, partnership)
    message = Message.objects.get(kind="lado.referral_draft")
    assert message.recipient == officer and message.path.endswith(f"/lado/referrals/{referral.pk}/")
    assert all(part not in message.subject + message.body for part in NAME)


def test_an_officer_without_the_grant_is_not_told_of_a_draft(designated_officer, agency_lead, partnership):
    submit(agency_lead, partnership)
    assert not Message.objects.filter(kind="lado.referral_draft", recipient=designated_officer).exists()


def test_only_an_agency_lead_refers_through_the_employers_form(officer, partnership):
    with pytest.raises(PermissionDenied):
        submit(officer, partnership)


# --- the public form -------------------------------------------------------------------------------


def submit_public(partnership, **changes) -> Referral:
    return referral_submit_public(partnership=partnership, values=employer_values(**changes), children=CHILDREN)


def link_token(kind: str) -> str:
    return Message.objects.get(kind=kind).path.rstrip("/").rsplit("/", 1)[-1]


def test_a_public_referral_awaits_its_referrers_confirmation(partnership):
    referral = submit_public(partnership)
    assert referral.status == "awaiting-confirmation" and referral.reference.startswith("P-")


def test_the_referrer_is_sent_a_confirmation_link_naming_no_one(partnership):
    submit_public(partnership)
    message = Message.objects.get(kind="lado.referral_confirm")
    assert message.address == "head@severnside.example.org" and "/confirm/" in message.path
    assert all(part not in message.body for part in NAME)


def test_a_public_referral_needs_the_referrers_address(partnership):
    with pytest.raises(ValidationError) as caught:
        submit_public(partnership, referrer_email="")
    assert "referrer_email" in caught.value.message_dict


def test_confirming_makes_a_numbered_draft_and_tells_the_officers(officer, partnership):
    submit_public(partnership)
    referral, _ = referral_confirm(partnership=partnership, token=link_token("lado.referral_confirm"))
    assert (referral.status, referral.reference) == ("draft", "LA-0001")
    assert Message.objects.filter(kind="lado.referral_draft", recipient=officer).exists()


def test_confirming_sends_the_referrer_the_status_link(partnership):
    submit_public(partnership)
    referral, status_token = referral_confirm(partnership=partnership, token=link_token("lado.referral_confirm"))
    assert link_token("lado.referral_received") == status_token
    assert referral_by_status_token(partnership=partnership, token=status_token) == referral


def test_a_confirmation_link_works_once(partnership):
    submit_public(partnership)
    token = link_token("lado.referral_confirm")
    referral_confirm(partnership=partnership, token=token)
    with pytest.raises(LinkNotValid):
        referral_confirm(partnership=partnership, token=token)


def test_a_confirmation_link_expires_after_48_hours(partnership):
    submit_public(partnership)
    later = timezone.now() + dt.timedelta(hours=49)
    with pytest.raises(LinkNotValid):
        referral_confirm(partnership=partnership, token=link_token("lado.referral_confirm"), now=later)


def test_a_status_link_of_another_partnership_finds_nothing(partnership, other_partnership):
    submit_public(partnership)
    _, status_token = referral_confirm(partnership=partnership, token=link_token("lado.referral_confirm"))
    with pytest.raises(LinkNotValid):
        referral_by_status_token(partnership=other_partnership, token=status_token)


# --- accepting and declining a draft ---------------------------------------------------------------


def test_the_officer_accepts_a_draft(officer, partnership):
    draft = ReferralFactory(partnership=partnership, status="draft", route="member")
    referral_accept(actor=officer, referral=draft)
    draft.refresh_from_db()
    assert (draft.status, draft.accepted_on, draft.accepted_by) == ("open", TODAY, officer)


def test_accepting_is_an_event(officer, partnership):
    draft = ReferralFactory(partnership=partnership, status="draft", route="member")
    referral_accept(actor=officer, referral=draft)
    assert Event.objects.filter(verb="lado.referral_accepted", target_id=str(draft.pk)).exists()


def test_an_open_referral_is_not_accepted_again(officer, referral):
    with pytest.raises(ValidationError) as caught:
        referral_accept(actor=officer, referral=referral)
    assert "status" in caught.value.message_dict


def test_an_officer_without_the_grant_accepts_nothing(designated_officer, partnership):
    draft = ReferralFactory(partnership=partnership, status="draft", route="member")
    with pytest.raises(PermissionDenied):
        referral_accept(actor=designated_officer, referral=draft)


def test_declining_needs_a_reason(officer, partnership):
    draft = ReferralFactory(partnership=partnership, status="draft", route="member")
    with pytest.raises(ValidationError) as caught:
        referral_decline(actor=officer, referral=draft, reason="  ")
    assert "reason" in caught.value.message_dict


def test_the_reason_for_declining_is_kept_on_the_referral(officer, partnership):
    draft = ReferralFactory(partnership=partnership, status="draft", route="member")
    referral_decline(actor=officer, referral=draft, reason="Already referred as LA-0001.")
    draft.refresh_from_db()
    assert (draft.status, draft.declined_reason) == ("declined", "Already referred as LA-0001.")


def test_a_public_referrer_is_told_their_referral_was_accepted(officer, partnership):
    draft = ReferralFactory(partnership=partnership, status="draft", route="public")
    referral_accept(actor=officer, referral=draft)
    message = Message.objects.get(kind="lado.referral_accepted")
    assert message.address == draft.referrer_email and draft.person.family_name not in message.body


# --- corrections -----------------------------------------------------------------------------------


def test_the_officer_corrects_a_referral(officer, referral):
    referral_update(actor=officer, referral=referral, values={"employer_name": "Severnside Academy"})
    referral.refresh_from_db()
    assert referral.employer_name == "Severnside Academy"


def test_a_correction_is_an_event_naming_the_fields(officer, referral):
    referral_update(actor=officer, referral=referral, values={"sector": "early-years"})
    assert Event.objects.get(verb="lado.referral_updated").data == {"fields": ["sector"]}


def test_nothing_changed_records_no_event(officer, referral):
    referral_update(actor=officer, referral=referral, values={"sector": referral.sector})
    assert not Event.objects.filter(verb="lado.referral_updated").exists()


def test_the_children_given_replace_those_recorded(officer, referral):
    referral_update(actor=officer, referral=referral, values={}, children=[{"age_years": 15, "agency_reference": ""}])
    assert list(referral.children.values_list("age_years", flat=True)) == [15]


def test_a_correction_is_checked_like_a_new_referral(officer, referral):
    with pytest.raises(ValidationError) as caught:
        referral_update(actor=officer, referral=referral, values={"date_referred": dt.date(2014, 5, 1)})
    assert "date_referred" in caught.value.message_dict


def test_a_closed_referral_is_not_corrected(officer, partnership):
    closed = ReferralFactory(partnership=partnership, status="closed", closed_on=dt.date(2014, 6, 11))
    ChildFactory(referral=closed)
    with pytest.raises(ValidationError) as caught:
        referral_update(actor=officer, referral=closed, values={"employer_name": "Elsewhere"})
    assert "status" in caught.value.message_dict
