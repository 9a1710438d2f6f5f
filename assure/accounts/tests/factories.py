import time

import factory
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from factory.django import DjangoModelFactory

from assure.accounts.models import Membership, RestrictedGrant, User

DEFAULT_PASSWORD = "correct horse battery staple"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory("assure.partnerships.tests.factories.PartnershipFactory")
    role = "viewer"
    agency = None


class RestrictedGrantFactory(DjangoModelFactory):
    class Meta:
        model = RestrictedGrant

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory("assure.partnerships.tests.factories.PartnershipFactory")
    area = "confidential-minutes"
    reason = "Minute-taker for the board"


TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXP"


def enrol_totp(user: User, secret: str = TEST_TOTP_SECRET) -> Authenticator:
    """Give the user a TOTP authenticator with a known secret (as the demo does)."""
    return TOTP.activate(user, secret).instance


def totp_code(secret: str = TEST_TOTP_SECRET) -> str:
    """The current six-digit code for a secret."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
