from django.core.management.base import BaseCommand, CommandError

from assure.library.loader import LibraryInvalid, library_files, validate_library


class Command(BaseCommand):
    help = "Validate every YAML document under library/ without loading anything."

    def handle(self, *args, **options):
        try:
            documents = validate_library(library_files())
        except LibraryInvalid as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(exc.problems)} problem(s) in the library.") from exc
        self.stdout.write(self.style.SUCCESS(f"{len(documents)} library document(s) valid."))
