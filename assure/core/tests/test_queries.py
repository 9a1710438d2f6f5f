"""What every page's shell needs (the session, the person, the partnership, their memberships and
roles, the roles library, their installation roles) is read once per request, in a fixed number
of queries however many partnerships they belong to, and never kept from one request to the next."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assure.accounts.models import Membership
from assure.accounts.tests.factories import MembershipFactory
from assure.partnerships.tests.factories import PartnershipFactory

# A page every role may open, whose own queries do not depend on who opens it.
MEETINGS = "partnerships:meetings"


def _queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def _roles_document_reads(queries: list[str]) -> int:
    return sum(1 for sql in queries if '"library_librarydocument"' in sql and "'role'" in sql)


@pytest.mark.parametrize("persona", ["business_unit", "viewer", "agency_lead"], indirect=True)
def test_a_page_reads_the_roles_library_once(client, persona, partnership):
    client.force_login(persona)
    url = reverse(MEETINGS, kwargs={"partnership": partnership.slug})
    client.get(url)  # the first request records the time of the last request in the session
    queries = _queries(client, url)
    assert _roles_document_reads(queries) == 1
    assert not any(sql.startswith('UPDATE "django_session"') for sql in queries)


def test_the_shell_takes_as_many_queries_for_many_partnerships(client, viewer, partnership):
    client.force_login(viewer)
    url = reverse(MEETINGS, kwargs={"partnership": partnership.slug})
    client.get(url)
    one = _queries(client, url)
    for _ in range(6):
        MembershipFactory(user=viewer, partnership=PartnershipFactory(), role="board-member")
    many = _queries(client, url)
    assert len(many) == len(one)
    assert _roles_document_reads(many) == 1


def test_permissions_are_read_afresh_on_every_request(client, viewer, partnership):
    client.force_login(viewer)
    actions = reverse("actions:tracker", kwargs={"partnership": partnership.slug})
    assert client.get(actions).status_code == 403
    Membership.objects.filter(user=viewer, partnership=partnership).update(role="board-member")
    assert client.get(actions).status_code == 200
    Membership.objects.filter(user=viewer, partnership=partnership).update(is_active=False)
    assert client.get(actions).status_code == 404
