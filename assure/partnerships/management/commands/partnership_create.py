from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from assure.partnerships.services import business_unit_invite, partnership_create

from ._invite import add_site_argument, site_request
from .business_unit_invite import operator_named


class Command(BaseCommand):
    help = (
        "Create a partnership for a local authority Assure holds (load the areas first with load_areas), "
        "and with --invite give its first business unit officer an account and e-mail them a link to "
        "choose their password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="The partnership's name.")
        parser.add_argument("--short-name", required=True, help="Its short name, used in headings, like SSCP.")
        parser.add_argument("--slug", default="", help="Its address name; made from the name when not given.")
        parser.add_argument("--area", required=True, help="The local authority's ONS code, like E06000051.")
        parser.add_argument(
            "--operator",
            help="Your e-mail address, if you are an operator, so the trail names you; else the trail names no one.",
        )
        parser.add_argument("--invite", help="The e-mail address of the partnership's first business unit officer.")
        parser.add_argument("--invite-name", help="Their full name.")
        add_site_argument(parser)

    def handle(self, *args, **options):
        operator = operator_named(options["operator"]) if options["operator"] else None
        if options["invite"] and not (options["invite_name"] and options["site"]):
            raise CommandError("With --invite, give --invite-name and --site as well.")
        try:
            with transaction.atomic():
                partnership = partnership_create(
                    actor=operator,
                    name=options["name"],
                    short_name=options["short_name"],
                    slug=options["slug"],
                    area_code=options["area"],
                )
                if options["invite"]:
                    with site_request(options["site"]):
                        business_unit_invite(
                            actor=operator,
                            partnership=partnership,
                            email=options["invite"],
                            full_name=options["invite_name"],
                        )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        except PermissionDenied as error:
            raise CommandError(f"{operator} is not an operator of this installation.") from error
        self.stdout.write(self.style.SUCCESS(f"Created {partnership} at /p/{partnership.slug}/."))
        if options["invite"]:
            self.stdout.write(f"Invited {options['invite']} as its business unit.")
