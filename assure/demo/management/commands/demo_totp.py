from django.core.management.base import BaseCommand

from assure.demo.totp import current_code, seconds_left


class Command(BaseCommand):
    help = "Print the current six-digit code of the demo accounts' authenticator (for the demo only)."

    def handle(self, *args, **options):
        self.stdout.write(current_code())
        self.stderr.write(f"(valid for {seconds_left()} more seconds)")
