from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assure.demo.load import DemoRefused, demo_load
from assure.demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET
from assure.demo.totp import current_code, seconds_left
from assure.library.loader import LibraryInvalid


class Command(BaseCommand):
    help = (
        "Load the West Mercia demo region (four partnerships, their agencies, meetings, budget, actions, one "
        "demo user per role and the installation's operator) into an empty database, and print the demo sign-ins."
    )

    def handle(self, *args, **options):
        # The demo's sign-ins are published; they must never reach a real installation.
        if not (settings.DEBUG or settings.ASSURE_DEMO):
            raise CommandError("load_demo runs only for a demo: set ASSURE_DEMO=1 (make demo does).")
        try:
            report = demo_load()
        except DemoRefused as exc:
            raise CommandError(str(exc)) from exc
        except LibraryInvalid as exc:
            raise CommandError(f"The library could not be loaded:\n{exc}") from exc

        counts = ", ".join(f"{number} {name}" for name, number in report.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo region loaded: {counts}."))
        self.stdout.write("")
        self._sign_ins(report.sign_ins)
        self.stdout.write("")
        self.stdout.write(f"Password for every demo sign-in: {DEMO_PASSWORD}")
        self.stdout.write("")
        self.stdout.write("Accounts marked MFA ask for a six-digit code after the password (demo only):")
        self.stdout.write(f"  TOTP secret, shared by every demo account: {DEMO_TOTP_SECRET}")
        self.stdout.write(f"  Current code: {current_code()} (valid for {seconds_left()} more seconds)")
        self.stdout.write("  Add the secret to any authenticator app, or print the current code at any time with:")
        self.stdout.write("    python manage.py demo_totp")
        for email, codes in report.recovery_codes.items():
            self.stdout.write(f"  Recovery codes for {email} (each works once): {' '.join(codes)}")

    def _sign_ins(self, sign_ins) -> None:
        rows = [("Partnership", "Role", "E-mail", "MFA")]
        rows += [(s.partnership, s.role, s.email, "yes" if s.mfa_required else "no") for s in sign_ins]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        for number, row in enumerate(rows):
            self.stdout.write(
                "  ".join(cell.ljust(width) for cell, width in zip(row, widths + [0], strict=True)).rstrip()
            )
            if number == 0:
                self.stdout.write("  ".join("-" * width for width in widths + [3]))
