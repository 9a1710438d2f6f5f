"""CSV for the API: ``?format=csv`` (or ``Accept: text/csv``) on any list endpoint."""

import csv
import io

from rest_framework.renderers import BaseRenderer

from assure.core.spreadsheets import safe_cell


def _cell(value) -> object:
    # A comment typed into a return must never run as a formula on a board member's computer:
    # the same rule as every download of Assure (assure.core.spreadsheets).
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return safe_cell(value)


class CSVRenderer(BaseRenderer):
    """Renders a list of flat rows. The header is the view's ``csv_header`` (so an empty result
    still says what its columns are), else the keys of the first row. An error (a dict) becomes
    one row of its own keys."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        rows = data if isinstance(data, list) else [data]
        view = (renderer_context or {}).get("view")
        header = list(getattr(view, "csv_header", None) or []) if isinstance(data, list) else []
        if not header and rows:
            header = list(rows[0].keys())
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([_cell(row.get(column)) for column in header])
        return out.getvalue().encode(self.charset)
