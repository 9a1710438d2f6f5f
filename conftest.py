"""Fixtures shared by every test: the library loaded once per test database, two partnerships
(the persona's own and another) and one signed-in-able user per persona of docs/architecture.md."""

from io import StringIO

import pytest

from assure.accounts.tests.factories import MembershipFactory, UserFactory, enrol_totp
from assure.library.loader import load_library
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory

PERSONAS = (
    "business_unit",
    "board_member",
    "chair",
    "agency_lead",
    "auditor",
    "panel_member",
    "cdop_manager",
    "designated_officer",
    "viewer",
    "practitioner",
    "provider",
    "outsider",
    "operator",
)
ROLE_OF = {
    "business_unit": "business-unit",
    "board_member": "board-member",
    "chair": "chair",
    "agency_lead": "agency-lead",
    "auditor": "auditor",
    "panel_member": "panel-member",
    "cdop_manager": "cdop-manager",
    "designated_officer": "designated-officer",
    "viewer": "viewer",
    "practitioner": "practitioner",
    "provider": "provider",
    # Held over the installation, not through a membership: every partnership's page answers the
    # operator as it answers an outsider.
    "operator": "operator",
}
MFA_ROLES = {"business-unit", "chair", "panel-member", "cdop-manager", "designated-officer", "operator"}


# Whether this test process has the demo region committed (see ``demo_region``).
_DEMO_REGION = {"loaded": False}


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "demo_region_writes: commits changes to the shared demo region, so runs after every other test of its process",
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests on the shared demo region run after every other test, and those that write to it
    last of all. xdist's ``--dist load`` (the default) hands each worker its items in this order,
    so on every worker the tests before the demo find an empty database, as they expect."""

    def group(item) -> int:
        if "demo_region" not in getattr(item, "fixturenames", ()):
            return 0
        return 2 if item.get_closest_marker("demo_region_writes") else 1

    items.sort(key=group)


# The library's rows as first loaded into the test database, put back after a transactional test
# has emptied it: reading, validating and loading every document again costs far more.
_LIBRARY_ROWS: list[tuple[type, list[dict]]] = []


def _library_models() -> list[type]:
    """What loading the library writes, in the order its rows can be put back: the documents,
    their items, and the core dataset's indicators made from the indicator items."""
    from assure.library.models import LibraryDocument, LibraryItem
    from assure.performance.models import Indicator

    return [LibraryDocument, LibraryItem, Indicator]


def _library_restore() -> None:
    """Put the library back as first loaded (same keys, so nothing that read it goes stale), or
    load it when there is no copy yet."""
    if not _LIBRARY_ROWS:
        load_library()
        return
    for model, rows in _LIBRARY_ROWS:
        model.objects.bulk_create(model(**row) for row in rows)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_library()
        _LIBRARY_ROWS[:] = [(model, list(model.objects.order_by("pk").values())) for model in _library_models()]


@pytest.fixture(scope="session")
def demo_region(request, django_db_setup, django_db_blocker):
    """The West Mercia demo region, loaded by ``load_demo`` once per test process and committed;
    its value is what the command printed. A test takes it with ``db`` and so runs in a
    transaction of its own, rolled back after it; one that cannot (a live server's) is marked
    ``demo_region_writes``. A test database kept for the next run (``--reuse-db``) is emptied
    at the end of the session; any other is dropped then anyway."""
    from django.core.management import call_command
    from django.test import override_settings

    out = StringIO()
    with django_db_blocker.unblock(), override_settings(ASSURE_DEMO=True):
        call_command("load_demo", stdout=out)
    _DEMO_REGION["loaded"] = True
    yield out.getvalue()
    _DEMO_REGION["loaded"] = False
    if request.config.getoption("reuse_db"):
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)


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
    if _DEMO_REGION["loaded"] and "demo_region" not in request.fixturenames:
        pytest.fail(
            "The demo region is committed in this test process, so this test would find it: tests on the demo "
            "must run after every other (run pytest-xdist with --dist load, its default)."
        )
    request.getfixturevalue("db")
    from assure.library.models import LibraryDocument

    if not LibraryDocument.objects.exists():
        _library_restore()


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
def chair(partnership):
    """The partnership's independent chair: reads what the board reads and decides on case
    considerations."""
    return make_member("chair", partnership, full_name="Cher Ayre", email="cher@example.org")


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
def cdop_manager(partnership):
    """The child death review manager: runs the panel's business with the child death records."""
    return make_member("cdop-manager", partnership, full_name="Cora Dunn", email="cora@example.org")


@pytest.fixture
def designated_officer(partnership):
    return make_member("designated-officer", partnership, full_name="Desi Nated", email="desi@example.org")


@pytest.fixture
def viewer(partnership):
    return make_member("viewer", partnership, full_name="Vi Ewer", email="vi@example.org")


@pytest.fixture
def practitioner(partnership, agency):
    """A practitioner of the agency, signed up with a verified work e-mail: books the
    partnership's training and sees nothing of the board's records."""
    from assure.training.tests.factories import PractitionerFactory

    user = make_member("practitioner", partnership, full_name="Pat Tishner", email="pat@example.org")
    PractitionerFactory(user=user, partnership=partnership, agency=agency)
    return user


@pytest.fixture
def provider(partnership):
    """A private provider of children's homes, e-mail confirmed and verified by the business
    unit: notifies placements with their CSE risk assessment and sees only their own."""
    from assure.registers.tests.factories import ProviderFactory

    user = make_member("provider", partnership, full_name="Prue Vider", email="prue@example.org")
    ProviderFactory(user=user, partnership=partnership)
    return user


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
