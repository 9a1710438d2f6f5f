"""axe-core on every page of Assure: each URL of the project as it first appears, and again after
its form is sent empty (the page with its error messages), as the business unit — the persona who
can reach every partnership's page — as the operator for the pages of the whole installation,
anonymously for the sign-in pages, for the child death pages as the child death review manager
with the panel's grant or as an agency lead, and for the allegations pages as the designated
officer with the lado grant or as an agency lead."""

import pytest

from assure.accounts.tests.factories import RestrictedGrantFactory
from tests.urlwalk import project_routes
from tests.world import build_side, url_for

pytestmark = pytest.mark.browser

# Pages that cannot be shown on their own: signing out ends the session the sweep uses, and the
# second sign-in step exists only in the middle of signing in (its journey covers it).
# The return template, Section 11 evidence files, report documents, agenda papers, the child death
# data set's export and a scoring exchange's file are downloads, not pages.
NOT_SWEPT = {
    "account_logout",
    "mfa_authenticate",
    "performance:return_template",
    "section11:evidence_download",
    "reports:rendering_download",
    "governance:agenda_paper",
    "cdop:ncmd_export",
    "cdop:exchange_download",
    # The health check answers JSON to the proxy and monitoring, not a page.
    "core:healthz",
    # The public learning page's Atom feed is for feed readers, not a page.
    "learning:feed",
}
# The API answers JSON and CSV, not pages.
ROUTES = [
    r
    for r in project_routes()
    if r.access is not None and r.name not in NOT_SWEPT and not getattr(r.callback, "assure_api", False)
]


# Child death pages are the panel's, with its grant, or an agency lead's (notifying a death,
# answering a report); the business unit would see only the refusal.
CDOP_PANEL = {"cdop.review", "cdop.manage"}
CDOP_AGENCY = {"cdop.notify", "cdop.report"}
# Allegations: the cases are the designated officer's, with the lado grant; an agency's lead
# refers on the employer's form.
LADO_CASES = {"lado.manage"}
LADO_AGENCY = {"lado.refer"}


def _reader(route, partnership, business_unit, request):
    """Who the sweep signs in as to see the page itself rather than a refusal."""
    permission = route.access.permission
    if permission in CDOP_PANEL:
        manager = request.getfixturevalue("cdop_manager")
        RestrictedGrantFactory(user=manager, partnership=partnership, area="cdop")
        return manager
    if permission in CDOP_AGENCY | LADO_AGENCY:
        return request.getfixturevalue("agency_lead")
    if permission in LADO_CASES:
        officer = request.getfixturevalue("designated_officer")
        RestrictedGrantFactory(user=officer, partnership=partnership, area="lado")
        return officer
    return business_unit


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_page_and_its_errors_pass_axe(route, pages, partnership, agency, business_unit, request):
    RestrictedGrantFactory(user=business_unit, partnership=partnership, area="confidential-minutes")
    side = build_side(partnership, agency, business_unit)
    if route.access.kind == "installation":
        pages.sign_in_as(request.getfixturevalue("operator"))
    elif route.access.kind != "public":
        pages.sign_in_as(_reader(route, partnership, business_unit, request))
    page = pages.goto(url_for(route, side, partnership.slug))
    form = page.locator("main form[method=post]").first
    if form.count() and form.locator("button[type=submit], input[type=submit]").count():
        form.locator("button[type=submit], input[type=submit]").first.click()
        pages.check()
