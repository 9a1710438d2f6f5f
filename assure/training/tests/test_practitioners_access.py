"""A practitioner sees their own training page and nothing of the board's: the partnership's
overview sends them to "My training", the board's pages refuse them, and a refused organisation
is explained on their page."""

import pytest
from django.urls import reverse

from assure.training.models import Practitioner

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(name, kwargs={"partnership": partnership.slug, **kwargs})


def test_the_overview_sends_a_practitioner_to_their_training(client, partnership, practitioner):
    client.force_login(practitioner)
    response = client.get(url("partnerships:home", partnership))
    assert response.status_code == 302 and response.url == url("training:mine", partnership)


def test_signing_in_lands_a_practitioner_on_their_training(client, partnership, practitioner):
    client.force_login(practitioner)
    response = client.get(reverse("core:home"), follow=True)
    assert response.redirect_chain[-1][0] == url("training:mine", partnership)


def test_the_overview_still_opens_for_a_board_member(client, partnership, board_member):
    client.force_login(board_member)
    assert client.get(url("partnerships:home", partnership)).status_code == 200


def test_the_action_tracker_refuses_a_practitioner(client, partnership, practitioner):
    client.force_login(practitioner)
    assert client.get(url("actions:tracker", partnership)).status_code == 403


def test_the_register_of_practitioners_refuses_a_practitioner(client, partnership, practitioner):
    client.force_login(practitioner)
    assert client.get(url("training:practitioners", partnership)).status_code == 403


def test_my_training_shows_the_practitioners_own_details(client, partnership, practitioner, profile):
    client.force_login(practitioner)
    html = client.get(url("training:mine", partnership)).content.decode()
    assert "pat@example.org" in html and profile.job_role in html


def test_my_training_refuses_a_board_member(client, partnership, board_member):
    client.force_login(board_member)
    assert client.get(url("training:mine", partnership)).status_code == 403


def test_a_refused_organisation_is_explained(client, partnership, practitioner, profile):
    Practitioner.objects.filter(pk=profile.pk).update(
        agency=None,
        other_organisation="Sunny Days Club",
        agency_status=Practitioner.AgencyStatus.REFUSED,
        refused_reason="It does not work with children in the area.",
    )
    client.force_login(practitioner)
    html = client.get(url("training:mine", partnership)).content.decode()
    assert "You cannot book training" in html and "does not work with children in the area" in html


def test_a_refused_practitioner_may_not_book(profile):
    profile.agency_status = Practitioner.AgencyStatus.REFUSED
    assert profile.may_book is False


def test_changing_to_another_organisation_goes_back_to_review(client, partnership, practitioner, profile):
    client.force_login(practitioner)
    client.post(
        url("training:profile", partnership),
        {"organisation": "other", "other_organisation": "Brightwater Academy", "job_role": "Teacher"},
    )
    profile.refresh_from_db()
    assert (profile.agency, profile.agency_status) == (None, Practitioner.AgencyStatus.TO_REVIEW)


def test_changing_the_role_keeps_the_agency(client, partnership, practitioner, profile, agency):
    client.force_login(practitioner)
    client.post(
        url("training:profile", partnership),
        {"organisation": str(agency.pk), "job_role": "Team leader", "manager_email": "lead@health.example.org"},
    )
    profile.refresh_from_db()
    assert (profile.job_role, profile.agency, profile.manager_email) == (
        "Team leader",
        agency,
        "lead@health.example.org",
    )
