"""Generate the board pack of a partnership's board meeting as a PDF, at once:

python manage.py report_board_pack --partnership shropshire --meeting-date 2015-03-19 --output pack.pdf
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from assure.partnerships.models import Partnership

from ...models import Report
from ._output import write_document


class Command(BaseCommand):
    help = "Write the board pack of a meeting of a partnership's board as a PDF file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--partnership", required=True, help="The partnership's short address name (slug).")
        parser.add_argument("--meeting-date", required=True, help="The date of the meeting, YYYY-MM-DD.")
        parser.add_argument("--output", required=True, help="The file to write.")

    def handle(self, *args, partnership: str, meeting_date: str, output: str, **options) -> None:
        self.verbosity = options.get("verbosity", 1)
        try:
            held_on = dt.date.fromisoformat(meeting_date)
        except ValueError as error:
            raise CommandError(f"The meeting date must be a date like 2015-03-12, not “{meeting_date}”.") from error
        found = Partnership.objects.filter(slug=partnership).first()
        if found is None:
            known = ", ".join(Partnership.objects.order_by("slug").values_list("slug", flat=True)) or "none"
            raise CommandError(f"No partnership “{partnership}”. Partnerships: {known}.")
        packs = Report.objects.filter(partnership=found, kind=Report.Kind.BOARD_PACK).select_related("meeting")
        report = packs.filter(meeting__held_on=held_on).order_by("-created_at").first()
        if report is None:
            dates = sorted({f"{pack.meeting.held_on:%Y-%m-%d}" for pack in packs if pack.meeting_id})
            raise CommandError(
                f"{found.name} has no board pack for a meeting on {held_on:%-d %B %Y}. "
                f"Board packs: {', '.join(dates) or 'none yet'}."
            )
        write_document(self, report=report, format="pdf", output=output)
