from django.core.management.base import BaseCommand, CommandError

from assure.library.loader import LibraryInvalid, library_files, library_paths, validate_library


class Command(BaseCommand):
    help = "Validate every YAML document under library/ (or the files and folders named) without loading anything."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Files or folders to validate instead of the whole library.")

    def handle(self, *args, **options):
        paths = library_paths(options["paths"]) if options["paths"] else library_files()
        try:
            documents = validate_library(paths)
        except LibraryInvalid as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(exc.problems)} problem(s) in the library.") from exc
        self.stdout.write(self.style.SUCCESS(f"{len(documents)} library document(s) valid."))
