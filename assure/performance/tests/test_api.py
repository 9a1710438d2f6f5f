"""The read-only API: who may read it, with a token or a session, and what it serves."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assure.accounts.services import api_token_create, api_token_revoke
from assure.partnerships.tests.factories import AgencyFactory
from assure.performance.models import Area, DataReturn, Indicator, Observation, ReturnRound, StatisticalNeighbour
from assure.performance.periods import period_for_year
from assure.performance.tests.factories import (
    AreaFactory,
    DataReturnFactory,
    ObservationFactory,
    PriorityFactory,
    ReturnRoundFactory,
    ScorecardLineFactory,
)

pytestmark = pytest.mark.django_db


def url(name: str, partnership, **query) -> str:
    address = reverse(f"performance:{name}", kwargs={"partnership": partnership.slug})
    if query:
        address += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return address


def token_headers(user) -> dict:
    """A new token for the person (made where they are a member), sent as a program sends it."""
    partnership = user.memberships.select_related("partnership").first().partnership
    key = api_token_create(actor=user, partnership=partnership).key
    return {"HTTP_AUTHORIZATION": f"Token {key}"}


def first_indicator() -> Indicator:
    return Indicator.objects.order_by("code").first()


def second_indicator() -> Indicator:
    return Indicator.objects.order_by("code")[1]


@pytest.fixture
def areas(partnership):
    """England, the region, the partnership's local authority, one neighbour and one stranger."""
    england = AreaFactory(level=Area.Level.NATIONAL, code="E92000001", name="England")
    region = AreaFactory(level=Area.Level.REGIONAL, code="E12000005", name="West Midlands")
    la = AreaFactory(code="E06900001", old_la_code="901", name="Northshire", region=region)
    neighbour = AreaFactory(code="E06900002", old_la_code="902", name="Eastshire", region=region)
    stranger = AreaFactory(code="E06900003", old_la_code="903", name="Farshire")
    StatisticalNeighbour.objects.create(area=la, neighbour=neighbour, model="April 2021", rank=1)
    partnership.ons_code, partnership.old_la_code = la.code, la.old_la_code
    partnership.save()
    return {"england": england, "region": region, "la": la, "neighbour": neighbour, "stranger": stranger}


def published(area, value, indicator=None, period="2014-15", **fields) -> Observation:
    return ObservationFactory(
        indicator=indicator or first_indicator(),
        area=area,
        period=period_for_year(period),
        source=Observation.Source.PUBLICATION,
        value=Decimal(value) if value is not None else None,
        **fields,
    )


def returned(
    partnership, agency, value, status=DataReturn.Status.VALIDATED, indicator=None, period="2014-15"
) -> Observation:
    period = period_for_year(period)
    round_ = ReturnRound.objects.filter(partnership=partnership, period=period).first()
    round_ = round_ or ReturnRoundFactory(partnership=partnership, period=period)
    data_return = DataReturnFactory(round=round_, agency=agency, status=status)
    return ObservationFactory(
        indicator=indicator or first_indicator(),
        period=period,
        source=Observation.Source.AGENCY_RETURN,
        partnership=partnership,
        agency=agency,
        data_return=data_return,
        value=Decimal(value),
    )


def ids(response) -> set[int]:
    return {row["id"] for row in response.json()["results"]}


# --- who may read it -----------------------------------------------------------------------------


def test_a_token_reads_the_observations(client, board_member, partnership, areas):
    mine = published(areas["la"], "2722")
    response = client.get(url("api_observations", partnership), **token_headers(board_member))
    assert response.status_code == 200
    assert ids(response) == {mine.pk}


def test_the_session_reads_the_observations(client, board_member, partnership, areas):
    mine = published(areas["la"], "2722")
    client.force_login(board_member)
    response = client.get(url("api_observations", partnership))
    assert response.status_code == 200
    rows = [(row["id"], row["area"], row["value"]) for row in response.json()["results"]]
    assert rows == [(mine.pk, areas["la"].code, 2722)]


def test_no_credentials_are_answered_401(client, partnership):
    response = client.get(url("api_observations", partnership))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_an_unknown_token_is_answered_401(client, partnership):
    response = client.get(url("api_observations", partnership), HTTP_AUTHORIZATION="Token not-a-real-key")
    assert response.status_code == 401


def test_a_revoked_token_is_refused(client, board_member, partnership):
    headers = token_headers(board_member)
    api_token_revoke(actor=board_member, partnership=partnership)
    assert client.get(url("api_observations", partnership), **headers).status_code == 401


def test_a_token_of_an_inactive_person_is_refused(client, board_member, partnership):
    headers = token_headers(board_member)
    board_member.is_active = False
    board_member.save()
    assert client.get(url("api_observations", partnership), **headers).status_code == 401


def test_a_viewer_token_is_refused_403(client, viewer, partnership):
    assert client.get(url("api_observations", partnership), **token_headers(viewer)).status_code == 403


def test_another_partnerships_token_is_answered_404(client, outsider, partnership):
    assert client.get(url("api_observations", partnership), **token_headers(outsider)).status_code == 404


def test_an_ended_membership_stops_the_token(client, board_member, partnership):
    headers = token_headers(board_member)
    board_member.memberships.update(is_active=False)
    assert client.get(url("api_observations", partnership), **headers).status_code == 404


@pytest.mark.parametrize("name", ["api_observations", "api_scorecard", "api_schema"])
def test_every_endpoint_refuses_a_viewer(client, viewer, partnership, name):
    assert client.get(url(name, partnership), **token_headers(viewer)).status_code == 403


@pytest.mark.parametrize("name", ["api_observations", "api_scorecard", "api_schema"])
def test_every_endpoint_refuses_a_post(client, board_member, partnership, name):
    assert client.post(url(name, partnership), {}, **token_headers(board_member)).status_code == 405


def test_every_endpoint_carries_an_access_declaration():
    from django.urls import resolve

    for name in (
        "performance:api_observations",
        "performance:api_scorecard",
        "performance:api_schema",
        "performance:api_docs",
        "accounts:api_token",
        "accounts:api_token_revoke",
    ):
        match = resolve(reverse(name, kwargs={"partnership": "x"}))
        assert str(match.func.assure_access) == "performance.view", name


@pytest.mark.parametrize("name", ["api_observations", "api_scorecard", "api_schema"])
def test_endpoints_tell_the_permission_matrix_they_answer_401(name):
    from django.urls import resolve

    assert resolve(reverse(f"performance:{name}", kwargs={"partnership": "x"})).func.assure_api is True


def test_nothing_is_allowed_by_default():
    from django.conf import settings

    assert settings.REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"] == ["assure.performance.api.permissions.DenyAll"]


# --- what it serves ------------------------------------------------------------------------------


def test_published_figures_of_the_comparison_areas_are_served(client, board_member, partnership, areas):
    served = {published(areas[key], "1").pk for key in ("england", "region", "la", "neighbour")}
    published(areas["stranger"], "1")
    response = client.get(url("api_observations", partnership), **token_headers(board_member))
    assert ids(response) == served


def test_only_validated_returns_are_served(client, board_member, partnership, agency, areas):
    validated = returned(partnership, agency, "2626")
    for status in (DataReturn.Status.DRAFT, DataReturn.Status.SUBMITTED, DataReturn.Status.RETURNED):
        returned(partnership, AgencyFactory(partnerships=[partnership]), "1", status=status)
    response = client.get(url("api_observations", partnership), **token_headers(board_member))
    assert ids(response) == {validated.pk}


def test_another_partnerships_returns_are_not_served(
    client, board_member, partnership, other_partnership, other_agency, areas
):
    returned(other_partnership, other_agency, "12")
    response = client.get(url("api_observations", partnership), **token_headers(board_member))
    assert ids(response) == set()


def test_an_agency_lead_sees_every_agencys_validated_figures(
    client, agency_lead, partnership, agency, other_agency, areas
):
    mine, theirs = returned(partnership, agency, "1"), returned(partnership, other_agency, "2")
    response = client.get(url("api_observations", partnership), **token_headers(agency_lead))
    assert ids(response) == {mine.pk, theirs.pk}


def test_local_and_published_figures_show_side_by_side_with_their_source(
    client, board_member, partnership, agency, areas
):
    returned(partnership, agency, "2626")
    published(areas["la"], "2722")
    response = client.get(url("api_observations", partnership, period="2014-15"), **token_headers(board_member))
    rows = {row["source"]: row for row in response.json()["results"]}
    assert rows["agency_return"]["value"] == 2626
    assert rows["agency_return"]["agency"] == agency.name
    assert rows["agency_return"]["source_label"] == "Agency return"
    assert rows["publication"]["value"] == 2722
    assert rows["publication"]["area"] == areas["la"].code
    assert rows["publication"]["source_label"] == "DfE publication"


def test_a_suppressed_figure_keeps_its_reason(client, board_member, partnership, areas):
    published(areas["la"], None, missing=Observation.Missing.CONFIDENTIAL)
    row = client.get(url("api_observations", partnership), **token_headers(board_member)).json()["results"][0]
    assert row["value"] is None
    assert row["missing"] == "c"
    assert row["missing_label"] == "Suppressed to protect confidentiality"


def test_a_decimal_value_is_a_plain_number(client, board_member, partnership, areas):
    published(areas["la"], "27.2000")
    row = client.get(url("api_observations", partnership), **token_headers(board_member)).json()["results"][0]
    assert row["value"] == 27.2


def test_observations_filter_by_indicator(client, board_member, partnership, areas):
    wanted = published(areas["la"], "1", indicator=first_indicator())
    published(areas["la"], "2", indicator=second_indicator())
    response = client.get(
        url("api_observations", partnership, indicator=first_indicator().code), **token_headers(board_member)
    )
    assert ids(response) == {wanted.pk}


def test_observations_filter_by_period(client, board_member, partnership, areas):
    wanted = published(areas["la"], "1", period="2013-14")
    published(areas["la"], "2", period="2014-15")
    response = client.get(url("api_observations", partnership, period="2013-14"), **token_headers(board_member))
    assert ids(response) == {wanted.pk}


def test_observations_filter_by_source(client, board_member, partnership, agency, areas):
    local = returned(partnership, agency, "2626")
    published(areas["la"], "2722")
    response = client.get(url("api_observations", partnership, source="agency_return"), **token_headers(board_member))
    assert ids(response) == {local.pk}


def test_an_unknown_source_is_a_400_naming_the_filter(client, board_member, partnership):
    response = client.get(url("api_observations", partnership, source="rumour"), **token_headers(board_member))
    assert response.status_code == 400
    assert "source" in response.json()


def test_observations_come_in_pages(client, board_member, partnership, areas):
    for year in ("2012-13", "2013-14", "2014-15"):
        published(areas["la"], "1", period=year)
    body = client.get(url("api_observations", partnership, page_size=2), **token_headers(board_member)).json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"]


# --- CSV -----------------------------------------------------------------------------------------


def read_csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_observations_as_csv(client, board_member, partnership, areas):
    published(areas["la"], "2722.0000")
    response = client.get(url("api_observations", partnership, format="csv"), **token_headers(board_member))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == f'attachment; filename="{partnership.slug}-observations.csv"'
    rows = read_csv(response)
    assert rows[0]["value"] == "2722"
    assert rows[0]["area_name"] == "Northshire"


def test_csv_is_chosen_by_the_accept_header(client, board_member, partnership, areas):
    published(areas["la"], "1")
    response = client.get(url("api_observations", partnership), HTTP_ACCEPT="text/csv", **token_headers(board_member))
    assert response["Content-Type"].startswith("text/csv")


def test_csv_comes_whole(client, board_member, partnership, areas):
    for year in ("2012-13", "2013-14", "2014-15"):
        published(areas["la"], "1", period=year)
    response = client.get(
        url("api_observations", partnership, format="csv", page_size=1), **token_headers(board_member)
    )
    assert len(read_csv(response)) == 3


def test_an_empty_csv_still_has_its_header(client, board_member, partnership):
    response = client.get(url("api_observations", partnership, format="csv"), **token_headers(board_member))
    assert response.content.decode().splitlines()[0].startswith("id,indicator,indicator_title")


def test_a_comment_cannot_become_a_spreadsheet_formula(client, board_member, partnership, agency, areas):
    observation = returned(partnership, agency, "1")
    observation.comment = '=HYPERLINK("http://example.org")'
    observation.save()
    response = client.get(url("api_observations", partnership, format="csv"), **token_headers(board_member))
    assert read_csv(response)[0]["comment"].startswith("'=")


# --- schema and documentation --------------------------------------------------------------------


def test_the_schema_is_openapi_3_and_lists_the_endpoints(client, board_member, partnership):
    response = client.get(url("api_schema", partnership, format="json"), **token_headers(board_member))
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    assert "/p/{partnership}/performance/api/observations/" in paths
    assert "/p/{partnership}/performance/api/scorecard/" in paths


def test_the_schema_documents_the_filters(client, board_member, partnership):
    schema = client.get(url("api_schema", partnership, format="json"), **token_headers(board_member)).json()
    operation = schema["paths"]["/p/{partnership}/performance/api/observations/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"indicator", "period", "source", "area", "format"} <= names


def test_the_schema_declares_token_authentication(client, board_member, partnership):
    schema = client.get(url("api_schema", partnership, format="json"), **token_headers(board_member)).json()
    schemes = schema["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" or s.get("name") == "Authorization" for s in schemes.values())


def test_the_docs_page_lists_the_endpoints(client, board_member, partnership):
    client.force_login(board_member)
    response = client.get(url("api_docs", partnership))
    assert response.status_code == 200
    page = response.content.decode()
    assert "/performance/api/observations/" in page
    assert "/performance/api/scorecard/" in page
    assert "Authorization: Token" in page


def test_the_docs_page_has_no_inline_script(client, board_member, partnership):
    client.force_login(board_member)
    page = client.get(url("api_docs", partnership)).content.decode()
    assert "<script>" not in page
    assert "swagger" not in page.lower()


# --- the scorecard -------------------------------------------------------------------------------


@pytest.fixture
def scorecard_line(partnership, agency, areas):
    """A line under a priority, with a target, and the agency's validated figure for 2014-15."""
    indicator = Indicator.objects.get(code="csc-rereferrals-percent")
    priority = PriorityFactory(partnership=partnership, title="High quality safeguarding practice")
    line = ScorecardLineFactory(
        priority=priority, indicator=indicator, target=Decimal("22"), tolerance=Decimal("3"), owner_agency=agency
    )
    returned(partnership, agency, "21", indicator=indicator, period="2013-14")
    returned(partnership, agency, "27.2", indicator=indicator, period="2014-15")
    return line


def test_the_scorecard_lists_each_line_under_its_priority(client, board_member, partnership, scorecard_line):
    response = client.get(url("api_scorecard", partnership, period="2014-15"), **token_headers(board_member))
    assert response.status_code == 200
    body = response.json()
    assert body["period"] == "2014-15"
    [row] = body["rows"]
    assert row["priority"] == "High quality safeguarding practice"
    assert row["indicator"] == "csc-rereferrals-percent"
    assert row["value"] == 27.2
    assert row["previous_value"] == 21
    assert row["target"] == 22
    assert row["rag"] == "red"
    assert row["direction"] == "worsening"


def test_the_scorecard_defaults_to_the_newest_period_with_figures(client, board_member, partnership, scorecard_line):
    body = client.get(url("api_scorecard", partnership), **token_headers(board_member)).json()
    assert body["period"] == "2014-15"
    assert body["periods"][:2] == ["2014-15", "2013-14"]


def test_an_unknown_period_is_a_400(client, board_member, partnership):
    response = client.get(url("api_scorecard", partnership, period="1999-00"), **token_headers(board_member))
    assert response.status_code == 400
    assert "period" in response.json()


def test_the_scorecard_as_csv_is_its_rows(client, board_member, partnership, scorecard_line):
    response = client.get(
        url("api_scorecard", partnership, period="2014-15", format="csv"), **token_headers(board_member)
    )
    assert response["Content-Disposition"] == f'attachment; filename="{partnership.slug}-scorecard.csv"'
    [row] = read_csv(response)
    assert row["indicator"] == "csc-rereferrals-percent"
    assert row["value"] == "27.2"
    assert row["rag"] == "red"


def test_an_empty_scorecard_csv_has_its_header(client, board_member, partnership):
    response = client.get(url("api_scorecard", partnership, format="csv"), **token_headers(board_member))
    assert response.content.decode().splitlines()[0].startswith("priority,indicator,indicator_title")


def test_the_scorecard_shows_the_published_benchmarks(client, board_member, partnership, areas):
    indicator = Indicator.objects.get(code="dfe-rereferrals-percent")
    ScorecardLineFactory(priority=PriorityFactory(partnership=partnership), indicator=indicator)
    published(areas["la"], "24.3", indicator=indicator)
    published(areas["england"], "24.0", indicator=indicator)
    published(areas["region"], "23.1", indicator=indicator)
    published(areas["neighbour"], "20", indicator=indicator)
    row = client.get(url("api_scorecard", partnership, period="2014-15"), **token_headers(board_member)).json()["rows"][
        0
    ]
    assert row["value"] == 24.3
    assert row["published_value"] == 24.3
    assert (row["england"], row["region"], row["neighbours_mean"]) == (24, 23.1, 20)
    assert row["quartile_band"] in {"A", "B", "C", "D"}


def test_observations_take_the_same_number_of_queries_however_many(
    client, board_member, partnership, agency, areas, django_assert_num_queries
):
    headers = token_headers(board_member)
    published(areas["la"], "1")
    returned(partnership, agency, "2")
    client.get(url("api_observations", partnership), **headers)  # warms what is cached per process
    with CaptureQueriesContext(connection) as few:
        client.get(url("api_observations", partnership), **headers)
    for year in ("2010-11", "2011-12", "2012-13", "2013-14"):
        published(areas["la"], "1", period=year)
        published(areas["england"], "1", period=year)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url("api_observations", partnership), **headers)
