"""The installation's operator: a role held over the whole installation, not in a partnership."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from assure.accounts.models import InstallationRole
from assure.accounts.permissions import (
    can_import_published,
    forget_permissions,
    permissions_of,
    requires_mfa,
)
from assure.accounts.selectors import role_choices
from assure.accounts.services import member_add, operator_grant, operator_revoke
from assure.accounts.tests.factories import MembershipFactory, UserFactory
from assure.audit.models import Event

pytestmark = pytest.mark.django_db


def test_only_the_operator_may_import_published_statistics(operator, business_unit):
    assert can_import_published(user=operator)
    assert not can_import_published(user=business_unit)


def test_the_operator_sees_no_partnership(operator, partnership):
    assert permissions_of(user=operator, partnership=partnership) == frozenset()


def test_the_operator_must_use_two_step_verification(operator):
    assert requires_mfa(user=operator)


def test_the_operators_role_is_not_one_a_partnership_can_give(business_unit, partnership):
    assert "operator" not in dict(role_choices())
    with pytest.raises(ValidationError):
        member_add(
            actor=business_unit, partnership=partnership, email="new@example.org", full_name="New", role="operator"
        )


def test_a_membership_naming_the_operators_role_grants_nothing(partnership):
    member = MembershipFactory(partnership=partnership, role="operator").user
    assert permissions_of(user=member, partnership=partnership) == frozenset()
    assert not can_import_published(user=member)


def test_granting_and_revoking_are_recorded(capsys):
    person = UserFactory(email="ops@example.org", full_name="Ops Person")
    call_command("grant_operator", email="OPS@example.org")
    assert "is now an operator" in capsys.readouterr().out
    assert can_import_published(user=person)
    granted = Event.objects.get(verb="accounts.operator_granted")
    assert (granted.partnership, granted.actor) == (None, None)
    call_command("grant_operator", email="ops@example.org", revoke=True)
    forget_permissions(user=person)
    assert not can_import_published(user=person)
    assert Event.objects.filter(verb="accounts.operator_revoked").exists()
    assert InstallationRole.objects.get().revoked_at is not None


def test_the_command_refuses_an_unknown_person_and_a_second_grant():
    with pytest.raises(CommandError, match="No one has"):
        call_command("grant_operator", email="nobody@example.org")
    UserFactory(email="ops@example.org")
    call_command("grant_operator", email="ops@example.org")
    with pytest.raises(CommandError, match="already an operator"):
        call_command("grant_operator", email="ops@example.org")


def test_only_an_operator_names_another_in_the_application(operator, business_unit):
    newcomer = UserFactory()
    with pytest.raises(PermissionDenied):
        operator_grant(actor=business_unit, user=newcomer)
    operator_grant(actor=operator, user=newcomer)
    with pytest.raises(PermissionDenied):
        operator_revoke(actor=business_unit, user=newcomer)
