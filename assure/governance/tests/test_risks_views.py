"""The risk register's pages: the register and its export, a risk's page with its trend and
actions, the review form, and the heat map with its table alternative."""

import datetime as dt

import pytest
from django.utils import timezone

from assure.core.navigation import partnership_url
from assure.governance.models import Risk

from .factories import RiskFactory, RiskReviewFactory

pytestmark = pytest.mark.django_db


def _client(client, user):
    client.force_login(user)
    return client


def test_the_register_lists_the_partnerships_risks_only(client, business_unit, partnership, other_partnership):
    RiskFactory(partnership=partnership, title="Partner funding cut")
    RiskFactory(partnership=other_partnership, title="Someone else's risk")
    page = _client(client, business_unit).get(partnership_url("governance:risks", partnership)).content.decode()
    assert "Partner funding cut" in page and "Someone else" not in page


def test_the_register_filters_by_level(client, business_unit, partnership):
    RiskFactory(partnership=partnership, title="A high risk", current_likelihood=3, current_impact=4)
    RiskFactory(partnership=partnership, title="A low risk", current_likelihood=1, current_impact=2)
    url = partnership_url("governance:risks", partnership) + "?level=high"
    page = _client(client, business_unit).get(url).content.decode()
    assert "A high risk" in page and "A low risk" not in page


def test_the_register_exports_scores_with_their_level_in_words(client, business_unit, partnership):
    RiskFactory(partnership=partnership, reference="R-01", current_likelihood=3, current_impact=4)
    url = partnership_url("governance:risks", partnership) + "?_export=csv"
    assert "12 (High)" in _client(client, business_unit).get(url).content.decode()


def test_a_risks_page_shows_its_trend(client, business_unit, partnership):
    risk = RiskFactory(partnership=partnership)
    RiskReviewFactory(risk=risk, reviewed_on=timezone.localdate() - dt.timedelta(days=90), likelihood=4, impact=4)
    RiskReviewFactory(risk=risk, reviewed_on=timezone.localdate(), likelihood=3, impact=3)
    page = _client(client, business_unit).get(risk.get_absolute_url()).content.decode()
    assert "Down from 16" in page and "fallen from 16 to 9" in page


def test_the_business_unit_records_a_review(client, business_unit, partnership):
    risk = RiskFactory(partnership=partnership)
    next_review = timezone.localdate() + dt.timedelta(days=91)
    response = _client(client, business_unit).post(
        partnership_url("governance:risk_review", partnership, pk=risk.pk),
        {
            "reviewed_on": timezone.localdate().isoformat(),
            "likelihood": "2",
            "impact": "3",
            "note": "Funding agreed.",
            "next_review_on": next_review.isoformat(),
        },
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.current_score, risk.reviews.get().note) == (6, "Funding agreed.")


def test_a_review_off_the_scale_is_shown_against_its_field(client, business_unit, partnership):
    risk = RiskFactory(partnership=partnership)
    response = _client(client, business_unit).post(
        partnership_url("governance:risk_review", partnership, pk=risk.pk),
        {"reviewed_on": timezone.localdate().isoformat(), "likelihood": "2", "impact": "3", "next_review_on": ""},
    )
    assert "Enter the date of the next review." in response.content.decode()


def test_the_heat_map_places_each_open_risk_in_its_cell(client, business_unit, partnership):
    RiskFactory(partnership=partnership, reference="R-07", current_likelihood=4, current_impact=5)
    RiskFactory(partnership=partnership, reference="R-08", status=Risk.Status.CLOSED)
    response = _client(client, business_unit).get(partnership_url("governance:risk_heat_map", partnership))
    cell = next(c for row in response.context["map"].rows for c in row if c.risks)
    assert (cell.likelihood, cell.impact, cell.band.label, [r.reference for r in cell.risks]) == (
        4,
        5,
        "Very high",
        ["R-07"],
    )
    assert "R-08" not in response.content.decode()


def test_the_heat_map_is_not_shown_to_an_agency_lead(client, agency_lead, partnership):
    response = _client(client, agency_lead).get(partnership_url("governance:risk_heat_map", partnership))
    assert response.status_code == 403
