import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from assure.core.access import requires


@requires("partnerships.manage")
def manage_view(request):
    return HttpResponse(request.partnership.slug)


def _request(user):
    request = RequestFactory().get("/p/x/")
    request.user = user
    request.session = {}
    return request


def test_requires_lets_a_member_with_the_permission_in(business_unit, partnership):
    assert manage_view(_request(business_unit), partnership=partnership.slug).content == b"northshire"


def test_requires_refuses_a_member_without_the_permission(viewer, partnership):
    with pytest.raises(PermissionDenied):
        manage_view(_request(viewer), partnership=partnership.slug)


def test_requires_does_not_confirm_a_partnership_to_a_non_member(outsider, partnership):
    with pytest.raises(Http404):
        manage_view(_request(outsider), partnership=partnership.slug)


def test_requires_sends_anonymous_people_to_sign_in(partnership):
    from django.contrib.auth.models import AnonymousUser

    response = manage_view(_request(AnonymousUser()), partnership=partnership.slug)
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_an_ended_membership_grants_nothing(business_unit, partnership):
    business_unit.memberships.update(is_active=False)
    with pytest.raises(Http404):
        manage_view(_request(business_unit), partnership=partnership.slug)


def test_declaration_is_readable_by_the_permission_matrix():
    assert manage_view.assure_access.permission == "partnerships.manage"
