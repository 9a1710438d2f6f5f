"""Where a themed audit is commissioned from: a link on the records that can prompt one (an
exception report's items, a challenge), shown to those who plan audits."""

import pytest
from django.urls import reverse

from assure.governance.tests.factories import ChallengeFactory
from assure.performance.tests.factories import ExceptionItemFactory, ExceptionReportFactory

pytestmark = pytest.mark.django_db


def _commission(partnership, key: str, pk: int) -> str:
    return f"{reverse('audits:themed_create', kwargs={'partnership': partnership.slug})}?from={key}:{pk}"


def _challenge_page(client, user, challenge) -> str:
    client.force_login(user)
    url = reverse("governance:challenge_detail", kwargs={"partnership": challenge.partnership.slug, "pk": challenge.pk})
    return client.get(url).content.decode()


def test_a_challenge_offers_the_business_unit_a_themed_audit_about_it(client, partnership, agency, business_unit):
    challenge = ChallengeFactory(partnership=partnership, agency=agency)
    assert _commission(partnership, "governance.challenge", challenge.pk) in _challenge_page(
        client, business_unit, challenge
    )


def test_a_board_member_is_not_offered_to_commission_an_audit(client, partnership, agency, board_member):
    challenge = ChallengeFactory(partnership=partnership, agency=agency)
    assert "Commission a themed audit" not in _challenge_page(client, board_member, challenge)


def test_an_exception_item_offers_a_themed_audit_about_it(client, partnership, business_unit):
    item = ExceptionItemFactory(report=ExceptionReportFactory(partnership=partnership))
    client.force_login(business_unit)
    url = reverse("performance:exception_detail", kwargs={"partnership": partnership.slug, "pk": item.report.pk})
    assert _commission(partnership, "performance.exception-item", item.pk) in client.get(url).content.decode()
