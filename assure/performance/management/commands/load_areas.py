from django.core.management.base import BaseCommand, CommandError

from assure.performance.areas import AreasInvalid, areas_load


class Command(BaseCommand):
    help = (
        "Load England, the regions, every local authority with every ONS code it has had, the "
        "reorganisations that made or ended authorities, and their statistical neighbours from "
        "data/dfe/ (or the folder named). Safe to run again: only what differs changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", help="Folder holding the DfE area files (default: data/dfe).")

    def handle(self, *args, **options):
        try:
            report = areas_load(data_dir=options["data_dir"])
        except (AreasInvalid, OSError, KeyError) as exc:
            problems = exc.problems if isinstance(exc, AreasInvalid) else [f"cannot read the area files: {exc}"]
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError("Nothing loaded.") from exc
        self.stdout.write(self.style.SUCCESS(str(report)))
