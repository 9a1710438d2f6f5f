from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from assure.accounts.models import User
from assure.partnerships.models import Partnership
from assure.partnerships.services import business_unit_invite

from ._invite import add_site_argument, site_request


def operator_named(email: str) -> User:
    operator = User.objects.filter(email__iexact=(email or "").strip()).first()
    if operator is None:
        raise CommandError(f"No one has the e-mail address {email}.")
    return operator


class Command(BaseCommand):
    help = (
        "Give a person the business unit role in a partnership, with a new account, and e-mail them a "
        "link to choose their password. They set up two-step verification when they first sign in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partnership", required=True, help="The partnership's address name (slug).")
        parser.add_argument("--email", required=True, help="The person's e-mail address.")
        parser.add_argument("--name", required=True, help="The person's full name.")
        parser.add_argument(
            "--operator",
            help="Your e-mail address, if you are an operator, so the trail names you; else the trail names no one.",
        )
        add_site_argument(parser)

    def handle(self, *args, **options):
        operator = operator_named(options["operator"]) if options["operator"] else None
        partnership = Partnership.objects.filter(slug=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"There is no partnership at {options['partnership']}.")
        if not options["site"]:
            raise CommandError("Give --site: the invitation's link needs the site's address.")
        try:
            with site_request(options["site"]):
                membership = business_unit_invite(
                    actor=operator, partnership=partnership, email=options["email"], full_name=options["name"]
                )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        except PermissionDenied as error:
            raise CommandError(f"{operator} is not an operator of this installation.") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Invited {membership.user} ({membership.user.email}) as the business unit of {partnership}."
            )
        )
