from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from assure.accounts.models import User
from assure.accounts.services import operator_grant, operator_revoke


class Command(BaseCommand):
    help = (
        "Make a person an operator of this installation (they import the published statistics "
        "every partnership shares), or with --revoke end it. The person must have an account; "
        "being an operator opens no partnership's records. Operators must set up two-step "
        "verification before they can use Assure."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The person's e-mail address.")
        parser.add_argument("--revoke", action="store_true", help="End the person's operator role.")

    def handle(self, *args, **options):
        user = User.objects.filter(email__iexact=options["email"].strip()).first()
        if user is None:
            raise CommandError(f"No one has the e-mail address {options['email']}.")
        service = operator_revoke if options["revoke"] else operator_grant
        try:
            service(actor=None, user=user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        done = "is no longer" if options["revoke"] else "is now"
        self.stdout.write(self.style.SUCCESS(f"{user} ({user.email}) {done} an operator of this installation."))
