import pytest
from allauth.core.context import request_context
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.test import RequestFactory

from assure.accounts.tests.factories import MembershipFactory, UserFactory
from assure.partnerships.tests.factories import AgencyFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and used TOTP codes live in the cache: no test inherits another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def in_request():
    """Services that e-mail a link need the request being handled (for the site's address)."""
    request = RequestFactory().get("/")
    request.session = SessionStore()
    with request_context(request):
        yield request


@pytest.fixture
def foreign_agency(other_partnership):
    """An agency of the other partnership only."""
    return AgencyFactory(name="Southshire Youth Justice Service", partnerships=[other_partnership])


@pytest.fixture
def officer_without_mfa(partnership):
    """A business unit officer who has not set up an authenticator app yet."""
    user = UserFactory(full_name="Nell Ewman", email="nell@example.org")
    MembershipFactory(user=user, partnership=partnership, role="business-unit")
    return user
