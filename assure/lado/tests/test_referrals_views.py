"""The officer's pages of referrals: the grant they need, every read logged and never stored, the
officer's own record with its children's rows, accepting and declining a draft, corrections; and
the employer's form whose draft the agency lead cannot open again."""

import datetime as dt

import pytest
from django.urls import reverse

from assure.audit.models import AccessLog
from assure.lado.models import Referral
from assure.lado.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"lado:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def posted(**changes) -> dict:
    data = {
        "date_known": "2014-06-09",
        "date_referred": "2014-06-10",
        "referrer_name": "Morgan Tillery",
        "referrer_role": "Head teacher",
        "employer_name": "Severnside Primary School",
        "sector": "education",
        "given_names": "Rowan",
        "family_name": "Quillfeather",
        "person_role": "Teaching assistant",
        "employment_basis": "employed",
        "category": "physical",
        "harm_tests": ["harmed"],
        "context": "work",
        "description": "Grabbed a pupil's arm.",
        "child_rows": "1",
        "child_1_age": "8",
        "child_1_reference": "CSC-20417",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


# --- who may open the pages ------------------------------------------------------------------------


def test_the_officer_with_the_grant_opens_the_register(client, officer, partnership, referral):
    client.force_login(officer)
    assert client.get(url("referrals", partnership)).status_code == 200


@pytest.mark.parametrize("page", ["referrals", "referral_create"])
def test_a_designated_officer_without_the_grant_is_refused(client, designated_officer, partnership, page):
    client.force_login(designated_officer)
    assert client.get(url(page, partnership)).status_code == 403


def test_a_designated_officer_without_the_grant_is_refused_the_referral(
    client, designated_officer, partnership, referral
):
    client.force_login(designated_officer)
    assert client.get(url("referral_detail", partnership, pk=referral.pk)).status_code == 403


@pytest.mark.parametrize("persona", ["business_unit", "board_member", "chair", "agency_lead"])
def test_no_one_else_opens_a_referral(client, request, persona, partnership, referral):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url("referral_detail", partnership, pk=referral.pk)).status_code == 403


def test_a_referral_of_another_partnership_is_not_found(client, officer, partnership, other_partnership):
    stranger = ReferralFactory(partnership=other_partnership)
    client.force_login(officer)
    assert client.get(url("referral_detail", partnership, pk=stranger.pk)).status_code == 404


def test_a_referral_awaiting_its_referrers_confirmation_is_not_found(client, officer, partnership):
    waiting = ReferralFactory(partnership=partnership, status="awaiting-confirmation", reference="P-0a1b2c3d4e5f")
    client.force_login(officer)
    assert client.get(url("referral_detail", partnership, pk=waiting.pk)).status_code == 404


# --- the referral's page ---------------------------------------------------------------------------


def test_the_officer_reads_the_referral(client, officer, partnership, referral):
    client.force_login(officer)
    html = client.get(url("referral_detail", partnership, pk=referral.pk)).content.decode()
    assert referral.reference in html and "Grabbed a pupil" in html and "CSC-" in html


def test_the_referral_shows_the_librarys_titles(client, officer, partnership, referral):
    client.force_login(officer)
    html = client.get(url("referral_detail", partnership, pk=referral.pk)).content.decode()
    assert "Harmed a child" in html and "At work" in html


def test_each_read_of_a_referral_is_logged(client, officer, partnership, referral):
    client.force_login(officer)
    client.get(url("referral_detail", partnership, pk=referral.pk))
    client.get(url("referral_detail", partnership, pk=referral.pk))
    logged = AccessLog.objects.filter(
        user=officer, area="lado", record_id=str(referral.pk), record_label__contains="LA-"
    )
    assert logged.count() == 2


def test_a_referrals_page_is_not_stored(client, officer, partnership, referral):
    client.force_login(officer)
    response = client.get(url("referral_detail", partnership, pk=referral.pk))
    assert "no-store" in response["Cache-Control"]


def test_the_page_shows_a_late_referral(client, officer, partnership):
    # Known on a Monday, referred on the Thursday: two working days after the one allowed.
    late = ReferralFactory(partnership=partnership, date_known=dt.date(2014, 6, 2), date_referred=dt.date(2014, 6, 5))
    client.force_login(officer)
    html = client.get(url("referral_detail", partnership, pk=late.pk)).content.decode()
    assert "Referred 2 working days late" in html


def test_the_page_tells_its_history(client, officer, partnership):
    draft = ReferralFactory(partnership=partnership, status="draft", route="member")
    client.force_login(officer)
    client.post(url("referral_accept", partnership, pk=draft.pk))
    html = client.get(url("referral_detail", partnership, pk=draft.pk)).content.decode()
    assert f"Allegation referral {draft.reference} accepted" in html


# --- the officer's record and corrections ---------------------------------------------------------


def test_the_officer_records_a_referral(client, officer, partnership):
    client.force_login(officer)
    response = client.post(url("referral_create", partnership), posted())
    referral = Referral.objects.get()
    assert response.status_code == 302 and response.url == url("referral_detail", partnership, pk=referral.pk)
    assert referral.status == "open" and referral.person.family_name == "Quillfeather"


def test_add_another_child_shows_another_row_and_keeps_nothing(client, officer, partnership):
    client.force_login(officer)
    response = client.post(url("referral_create", partnership), posted(add_child="1"))
    html = response.content.decode()
    assert response.status_code == 200 and 'name="child_2_age"' in html and not Referral.objects.exists()
    assert "There is a problem" not in html


def test_a_childs_problem_is_shown_against_its_own_row(client, officer, partnership):
    client.force_login(officer)
    response = client.post(
        url("referral_create", partnership),
        posted(child_rows="3", child_1_age="", child_1_reference="", child_3_age="19"),
    )
    form = response.context["form"]
    assert "from 0 to 17" in form.errors["child_3_age"][0] and not Referral.objects.exists()


def test_an_empty_form_is_drawn_again_with_its_problems(client, officer, partnership):
    client.force_login(officer)
    response = client.post(url("referral_create", partnership), {})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()


def test_the_officer_corrects_a_referral(client, officer, partnership, referral):
    client.force_login(officer)
    response = client.post(
        url("referral_edit", partnership, pk=referral.pk),
        posted(employer_name="Severnside Academy", given_names=None, family_name=None),
    )
    referral.refresh_from_db()
    assert response.status_code == 302 and referral.employer_name == "Severnside Academy"


def test_the_correction_form_shows_each_child_recorded(client, officer, partnership, referral):
    client.force_login(officer)
    html = client.get(url("referral_edit", partnership, pk=referral.pk)).content.decode()
    assert referral.children.get().agency_reference in html and "given_names" not in html


# --- accepting and declining -----------------------------------------------------------------------


def test_the_officer_accepts_a_draft_on_its_page(client, officer, partnership):
    draft = ReferralFactory(partnership=partnership, status="draft", route="member")
    client.force_login(officer)
    client.post(url("referral_accept", partnership, pk=draft.pk))
    draft.refresh_from_db()
    assert draft.status == "open"


def test_the_officer_declines_a_draft_with_a_reason(client, officer, partnership):
    draft = ReferralFactory(partnership=partnership, status="draft", route="member")
    client.force_login(officer)
    client.post(url("referral_decline", partnership, pk=draft.pk), {"reason": "Not a matter for the officer."})
    draft.refresh_from_db()
    assert (draft.status, draft.declined_reason) == ("declined", "Not a matter for the officer.")


def test_declining_without_a_reason_is_refused(client, officer, partnership):
    draft = ReferralFactory(partnership=partnership, status="draft", route="member")
    client.force_login(officer)
    response = client.post(url("referral_decline", partnership, pk=draft.pk), {"reason": ""})
    draft.refresh_from_db()
    assert response.status_code == 200 and draft.status == "draft"


def test_an_open_referral_has_no_accept_button(client, officer, partnership, referral):
    client.force_login(officer)
    html = client.get(url("referral_detail", partnership, pk=referral.pk)).content.decode()
    assert url("referral_accept", partnership, pk=referral.pk) not in html


# --- the employer's form ---------------------------------------------------------------------------


def test_an_agency_lead_refers_and_sees_the_reference_only(client, agency_lead, partnership):
    client.force_login(agency_lead)
    data = posted(date_referred=None)
    response = client.post(url("refer", partnership), data, follow=True)
    html = response.content.decode()
    referral = Referral.objects.get()
    assert referral.status == "draft" and referral.reference in html
    assert "Quillfeather" not in html and "Grabbed a pupil" not in html


def test_the_agency_lead_cannot_open_the_draft(client, agency_lead, partnership):
    client.force_login(agency_lead)
    client.post(url("refer", partnership), posted(date_referred=None))
    draft = Referral.objects.get()
    assert client.get(url("referral_detail", partnership, pk=draft.pk)).status_code == 403


def test_the_officer_does_not_use_the_employers_form(client, officer, partnership):
    client.force_login(officer)
    assert client.get(url("refer", partnership)).status_code == 403
