"""Count every computed indicator again from Assure's records (one of the daily jobs): a meeting
whose day has come now counts as held, and a figure missed by a change made outside the services
is put right."""

from django.core.management.base import BaseCommand, CommandError

from assure.partnerships.models import Partnership
from assure.performance.services.computed import compute_all_indicators


class Command(BaseCommand):
    help = "Count the computed indicators of every active partnership (or one) from Assure's own records."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--partnership", metavar="SLUG", help="Only this partnership.")

    def handle(self, *args, **options) -> None:
        partnerships = None
        if options.get("partnership"):
            partnerships = list(Partnership.objects.filter(slug=options["partnership"]))
            if not partnerships:
                raise CommandError(f"There is no partnership {options['partnership']!r}.")
        report = compute_all_indicators(partnerships=partnerships)
        self.stdout.write(
            f"Computed figures: {report.written} written, {report.unchanged} unchanged, {report.removed} removed."
        )
