"""axe-core on every page of Assure: each URL of the project as it first appears, and again after
its form is sent empty (the page with its error messages), as the business unit — the persona who
can reach every partnership's page — as the operator for the pages of the whole installation, or
anonymously for the sign-in pages."""

import pytest

from assure.accounts.tests.factories import RestrictedGrantFactory
from tests.urlwalk import project_routes
from tests.world import build_side, url_for

pytestmark = pytest.mark.browser

# Pages that cannot be shown on their own: signing out ends the session the sweep uses, and the
# second sign-in step exists only in the middle of signing in (its journey covers it).
# The return template, Section 11 evidence files, report documents and agenda papers are downloads,
# not pages.
NOT_SWEPT = {
    "account_logout",
    "mfa_authenticate",
    "performance:return_template",
    "section11:evidence_download",
    "reports:rendering_download",
    "governance:agenda_paper",
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


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_page_and_its_errors_pass_axe(route, pages, partnership, agency, business_unit, request):
    RestrictedGrantFactory(user=business_unit, partnership=partnership, area="confidential-minutes")
    side = build_side(partnership, agency, business_unit)
    if route.access.kind == "installation":
        pages.sign_in_as(request.getfixturevalue("operator"))
    elif route.access.kind != "public":
        pages.sign_in_as(business_unit)
    page = pages.goto(url_for(route, side, partnership.slug))
    form = page.locator("main form[method=post]").first
    if form.count() and form.locator("button[type=submit], input[type=submit]").count():
        form.locator("button[type=submit], input[type=submit]").first.click()
        pages.check()
