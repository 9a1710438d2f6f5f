from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assure.performance.imports import ImportRejected, import_statistics


class Command(BaseCommand):
    help = (
        "Import a published statistics CSV (DfE explore-education-statistics, ONS estimates) by a "
        "statistics mapping of the library. A file with any bad row is not imported: every bad row "
        "is listed. Otherwise the summary says which encoding the file is in and names every row "
        "read but not kept (blank, or left out by the mapping's filters) with its line. The same "
        "file imported again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file, e.g. data/dfe/c1_children_in_need_..._2013_to_2025.csv")
        parser.add_argument("--mapping", required=True, help="Code of the statistics mapping, e.g. dfe-c1.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        try:
            result = import_statistics(path=path, mapping_code=options["mapping"])
        except ImportRejected as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"Nothing imported: {exc.total} problem(s) in {path.name}.") from exc
        for line in result.lines(every_line=True):
            self.stdout.write(line)
