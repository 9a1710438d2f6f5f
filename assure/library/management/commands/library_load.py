from django.core.management.base import BaseCommand, CommandError

from assure.library.loader import LibraryInvalid, library_paths, load_library


class Command(BaseCommand):
    help = (
        "Validate and load every YAML document under library/ (or the files and folders named); "
        "versions already loaded are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Files or folders to load instead of the whole library.")

    def handle(self, *args, **options):
        try:
            report = load_library(library_paths(options["paths"]) if options["paths"] else None)
        except LibraryInvalid as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"Nothing loaded: {len(exc.problems)} problem(s) in the library.") from exc
        for label in report.created:
            self.stdout.write(f"loaded {label}")
        self.stdout.write(
            self.style.SUCCESS(f"{len(report.created)} document(s) loaded, {len(report.unchanged)} unchanged.")
        )
