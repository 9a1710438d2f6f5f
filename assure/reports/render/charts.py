"""Charts of a report drawn from their Vega-Lite specs, the same specs the pages embed: SVG for
the web page, the preview and the PDF, PNG for the Word document.

The spec carries its data inline; fetching anything from elsewhere is refused, so a spec can
never make the server read a URL. A painter remembers what it drew, so a chart that appears
twice in one document (the same spec) is converted once; it is made for one rendering and
thrown away with it."""

import json
import re
import struct

import vl_convert
from django.utils.html import escape

from ..blocks import ChartData

LOCALE = "en-GB"
PNG_SCALE = 2
# A page's chart fills its container; a file has none, so such a chart gets the text's width.
FILE_WIDTH = 560
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


class ChartPainter:
    def __init__(self) -> None:
        self._svg: dict[str, str] = {}
        self._png: dict[str, bytes] = {}

    def svg(self, chart: ChartData) -> str:
        """The chart as an inline SVG element: ``role="img"`` with the chart's description as its
        accessible name (``aria-label`` for browsers, a ``<title>`` for PDF tags)."""
        key = _key(chart.spec)
        if key not in self._svg:
            self._svg[key] = vl_convert.vegalite_to_svg(
                _for_file(chart.spec), allowed_base_urls=[], format_locale=LOCALE, time_format_locale=LOCALE
            )
        return _labelled(self._svg[key], chart.description)

    def png(self, chart: ChartData) -> bytes:
        """The chart as a PNG at twice its drawn size (sharp when printed)."""
        key = _key(chart.spec)
        if key not in self._png:
            self._png[key] = vl_convert.vegalite_to_png(
                _for_file(chart.spec),
                scale=PNG_SCALE,
                allowed_base_urls=[],
                format_locale=LOCALE,
                time_format_locale=LOCALE,
            )
        return self._png[key]


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels of a PNG, read from its header."""
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _for_file(spec: dict) -> dict:
    return {**spec, "width": FILE_WIDTH} if spec.get("width") == "container" else spec


def _key(spec: dict) -> str:
    return json.dumps(spec, sort_keys=True, separators=(",", ":"))


def _labelled(svg: str, description: str) -> str:
    match = _SVG_OPEN.search(svg)
    if match is None:
        return svg
    label = escape(description)
    opening = match.group(0)[:-1] + f' role="img" aria-label="{label}" focusable="false">'
    return svg[: match.start()] + opening + f"<title>{label}</title>" + svg[match.end() :]
