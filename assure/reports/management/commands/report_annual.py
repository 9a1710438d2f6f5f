"""Generate a partnership's annual report as a PDF, Word document or web page, at once:

python manage.py report_annual --partnership shropshire --year 2014-15 --format pdf --output report.pdf
"""

from django.core.management.base import BaseCommand, CommandError

from assure.partnerships.models import Partnership

from ...models import Report
from ...render import FORMATS
from ._output import write_document


class Command(BaseCommand):
    help = "Write a partnership's annual report for a year as a PDF, DOCX or HTML file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--partnership", required=True, help="The partnership's short address name (slug).")
        parser.add_argument("--year", required=True, help="The year the report covers, e.g. 2014-15.")
        parser.add_argument("--format", choices=sorted(FORMATS), default="pdf")
        parser.add_argument("--output", required=True, help="The file to write.")

    def handle(self, *args, partnership: str, year: str, format: str, output: str, **options) -> None:
        self.verbosity = options.get("verbosity", 1)
        found = Partnership.objects.filter(slug=partnership).first()
        if found is None:
            known = ", ".join(Partnership.objects.order_by("slug").values_list("slug", flat=True)) or "none"
            raise CommandError(f"No partnership “{partnership}”. Partnerships: {known}.")
        report = Report.objects.filter(partnership=found, kind=Report.Kind.ANNUAL, year=year.strip()).first()
        if report is None:
            years = Report.objects.filter(partnership=found, kind=Report.Kind.ANNUAL).order_by("year")
            listed = ", ".join(years.values_list("year", flat=True)) or "none yet"
            raise CommandError(f"{found.name} has no annual report for {year}. Annual reports: {listed}.")
        write_document(self, report=report, format=format, output=output)
