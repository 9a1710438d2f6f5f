"""Fixtures shared by every test: the library loaded once per test database, two partnerships
(the persona's own and another) and one signed-in-able user per persona of docs/architecture.md."""

import pytest

from assure.accounts.tests.factories import MembershipFactory, UserFactory, enrol_totp
from assure.library.loader import load_library
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory

PERSONAS = (
    "business_unit",
    "board_member",
    "agency_lead",
    "auditor",
    "panel_member",
    "designated_officer",
    "viewer",
    "outsider",
    "operator",
)
ROLE_OF = {
    "business_unit": "business-unit",
    "board_member": "board-member",
    "agency_lead": "agency-lead",
    "auditor": "auditor",
    "panel_member": "panel-member",
    "designated_officer": "designated-officer",
    "viewer": "viewer",
    # Held over the installation, not through a membership: every partnership's page answers the
    # operator as it answers an outsider.
    "operator": "operator",
}
MFA_ROLES = {"business-unit", "panel-member", "designated-officer", "operator"}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_library()


@pytest.fixture(autouse=True)
def _library_present(request):
    """Transactional tests (browser journeys among them) empty the database when they finish,
    the library included, and a worker may run other database tests after them: make sure the
    library is there for every test that uses the database."""
    uses_db = request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
        "live_server",
        "persona",
    } & set(request.fixturenames)
    if not uses_db:
        return
    request.getfixturevalue("db")
    from assure.library.models import LibraryDocument

    if not LibraryDocument.objects.exists():
        load_library()


@pytest.fixture
def partnership(db):
    """The personas' own partnership."""
    return PartnershipFactory(name="Northshire Safeguarding Children Board", short_name="NSCB", slug="northshire")


@pytest.fixture
def other_partnership(db):
    return PartnershipFactory(name="Southshire Safeguarding Children Board", short_name="SSCB", slug="southshire")


@pytest.fixture
def agency(partnership):
    """The agency the agency lead acts for."""
    return AgencyFactory(name="Northshire Community Health Trust", partnerships=[partnership])


@pytest.fixture
def other_agency(partnership, other_partnership):
    """Another agency of the same partnership (and of the other one)."""
    return AgencyFactory(name="Mercian Police", partnerships=[partnership, other_partnership])


def make_member(role: str, partnership, agency=None, **user_fields):
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, partnership=partnership, role=role, agency=agency)
    if role in MFA_ROLES:
        enrol_totp(user)
    return user


@pytest.fixture
def business_unit(partnership):
    return make_member("business-unit", partnership, full_name="Bea Unitt", email="bea@example.org")


@pytest.fixture
def board_member(partnership, other_agency):
    return make_member("board-member", partnership, agency=other_agency, full_name="Bob Ord", email="bob@example.org")


@pytest.fixture
def agency_lead(partnership, agency):
    return make_member("agency-lead", partnership, agency=agency, full_name="Ada Leed", email="ada@example.org")


@pytest.fixture
def auditor(partnership):
    return make_member("auditor", partnership, full_name="Audra Tor", email="audra@example.org")


@pytest.fixture
def panel_member(partnership):
    return make_member("panel-member", partnership, full_name="Pan Ell", email="pan@example.org")


@pytest.fixture
def designated_officer(partnership):
    return make_member("designated-officer", partnership, full_name="Desi Nated", email="desi@example.org")


@pytest.fixture
def viewer(partnership):
    return make_member("viewer", partnership, full_name="Vi Ewer", email="vi@example.org")


@pytest.fixture
def outsider(other_partnership):
    """A business unit officer of another partnership: sees nothing of the personas' own."""
    return make_member("business-unit", other_partnership, full_name="Otto Sider", email="otto@example.org")


@pytest.fixture
def operator(db):
    """The installation's operator: imports the published statistics every partnership shares,
    and is a member of no partnership."""
    from assure.accounts.models import InstallationRole

    user = UserFactory(full_name="Opie Rator", email="opie@example.org")
    InstallationRole.objects.create(user=user, role="operator")
    enrol_totp(user)
    return user


@pytest.fixture
def persona(request, db, _library_present):
    """Indirect fixture: ``@pytest.mark.parametrize("persona", [...], indirect=True)``."""
    if request.param == "anonymous":
        return None
    return request.getfixturevalue(request.param)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Sign-in rate limits and used TOTP codes live in the cache: no test inherits another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
