"""axe-core on every page of Assure: each URL of the project as it first appears, and again after
its form is sent empty (the page with its error messages), as the business unit — the persona who
can reach every partnership's page — as the operator for the pages of the whole installation,
anonymously for the sign-in pages, for the child death pages as the child death review manager
with the panel's grant or as an agency lead, and for the allegations pages as the designated
officer with the lado grant or as an agency lead.

Building a partnership's records and emptying the database again cost more than checking a page,
so one test checks a group of routes (an app's, or a part of a big app's) in one world and one
browser, each route a subtest named by its URL name: ``-k reviews`` runs the case review pages.
A form sent empty usually comes back with its errors and changes nothing; one that went through
(the server redirected, or answered without an error summary) may have changed or removed records
the next routes need, so the next route gets a new world: another partnership with a record of
every kind and people of its own."""

import math

import pytest

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory
from assure.registers.tests.factories import ProviderFactory
from assure.training.tests.factories import PractitionerFactory
from conftest import ROLE_OF, make_member
from tests.browser.conftest import AXE
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
    # A delegate's training certificate is a PDF.
    "training:certificate",
    "training:certificate_copy",
    # An agency's single-agency training return template is an Excel download.
    "training:return_template",
    # The training figures' download is a spreadsheet; a booking's calendar entry is an .ics file.
    "training:figures_download",
    "training:booking_ics",
    # A register's upload template and its year's figures, and the year's engagement summary, are
    # spreadsheets.
    "registers:upload_template",
    "registers:kind_figures_download",
    "engagement:summary_download",
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
# Training: a practitioner's own pages; an agency's lead makes the single-agency training return.
TRAINING_PRACTITIONER = {"training.book"}
TRAINING_AGENCY = {"training.return"}
# Registers: a private provider's own notifications.
REGISTERS_PROVIDER = {"registers.notify"}


class World:
    """A partnership with a record of every kind (``build_side``) and the people who read its
    pages. The first is the fixtures' partnership and personas; a later one is a new partnership
    with people of its own, made as the persona fixtures make theirs."""

    def __init__(self, request, first: bool):
        self.request = request
        self.first = first
        if first:
            self.partnership = request.getfixturevalue("partnership")
            self.agency = request.getfixturevalue("agency")
            self.business_unit = request.getfixturevalue("business_unit")
        else:
            self.partnership = PartnershipFactory()
            self.agency = AgencyFactory(partnerships=[self.partnership])
            self.business_unit = make_member("business-unit", self.partnership)
        RestrictedGrantFactory(user=self.business_unit, partnership=self.partnership, area="confidential-minutes")
        self.side = build_side(self.partnership, self.agency, self.business_unit)
        self.changed = False
        self._people = {}

    def person(self, name: str):
        """The persona ``name`` of this world's partnership (the operator is the installation's)."""
        if name not in self._people:
            if self.first or name == "operator":
                user = self.request.getfixturevalue(name)
            else:
                agency = self.agency if name == "agency_lead" else None
                user = make_member(ROLE_OF[name], self.partnership, agency=agency)
                if name == "practitioner":
                    PractitionerFactory(user=user, partnership=self.partnership, agency=self.agency)
                if name == "provider":
                    ProviderFactory(user=user, partnership=self.partnership)
            if name == "cdop_manager":
                RestrictedGrantFactory(user=user, partnership=self.partnership, area="cdop")
            if name == "designated_officer":
                RestrictedGrantFactory(user=user, partnership=self.partnership, area="lado")
            self._people[name] = user
        return self._people[name]

    def url(self, route) -> str:
        return url_for(route, self.side, self.partnership.slug)


def _reader(route, world: World):
    """Who the sweep signs in as to see the page itself rather than a refusal (None: nobody)."""
    if route.access.kind == "public":
        return None
    if route.access.kind == "installation":
        return world.person("operator")
    permission = route.access.permission
    if permission in CDOP_PANEL:
        return world.person("cdop_manager")
    if permission in TRAINING_PRACTITIONER:
        return world.person("practitioner")
    if permission in REGISTERS_PROVIDER:
        return world.person("provider")
    if permission in CDOP_AGENCY | LADO_AGENCY | TRAINING_AGENCY:
        return world.person("agency_lead")
    if permission in LADO_CASES:
        return world.person("designated_officer")
    return world.business_unit


# Routes per test: enough that a world and a browser serve many pages, few enough that the tests
# share out evenly between the suite's workers. An app with fewer routes than SMALL_APP shares its
# group with the other small ones (and the sign-in pages, which have no app's name).
GROUP_SIZE = 14
SMALL_APP = 8


def _groups(routes) -> list:
    by_app: dict[str, list] = {}
    for route in routes:
        app, _, rest = route.name.partition(":")
        by_app.setdefault(app if rest else "signin", []).append(route)
    bins = {app: members for app, members in by_app.items() if len(members) >= SMALL_APP}
    pooled = [route for app, members in by_app.items() if len(members) < SMALL_APP for route in members]
    if pooled:
        bins["others"] = pooled
    groups = []
    for app, members in bins.items():
        count = math.ceil(len(members) / GROUP_SIZE)
        for n in range(count):
            chunk = members[len(members) * n // count : len(members) * (n + 1) // count]
            groups.append(pytest.param(chunk, id=f"{app}-{n + 1}"))
    return groups


def _check_route(route, world: World, pages) -> bool:
    """Check the route's page and, when it has one, its first form sent empty; whether sending
    it may have changed the world."""
    from django.core.cache import cache

    # As a test of its own would: no sign-in rate limit or session carried over from the last.
    cache.clear()
    pages.page.context.clear_cookies()
    reader = _reader(route, world)
    if reader is not None:
        pages.sign_in_as(reader)
    pages.csp_errors.clear()
    page = pages.goto(world.url(route))
    form = page.locator("main form[method=post]").first
    submit = form.locator("button[type=submit], input[type=submit]")
    if not (form.count() and submit.count()):
        return False
    # What the server answered to the form (a redirect's answer too): refused (4xx), or the page
    # again with its errors, changed nothing; anything else may have.
    answers = []

    def answered(response) -> None:
        if response.request.method != "GET":
            answers.append(response.status)

    page.on("response", answered)
    try:
        submit.first.click()
        pages.check()
    finally:
        page.remove_listener("response", answered)
    refused = all(400 <= status < 500 for status in answers)
    with_errors = answers == [200] and page.locator(".govuk-error-summary").count() > 0
    return not (refused or with_errors)


@pytest.mark.parametrize("routes", _groups(ROUTES))
def test_pages_and_their_errors_pass_axe(routes, pages, request, subtests):
    # axe-core in every page from its start: cheaper than sending it to each page after it loads.
    pages.page.context.add_init_script(path=str(AXE))
    world = None
    for route in routes:
        if world is None or world.changed:
            world = World(request, first=world is None)
        with subtests.test(msg=route.name):
            # Until the route is through: a failure part way leaves the world in doubt.
            world.changed = True
            world.changed = _check_route(route, world, pages)
