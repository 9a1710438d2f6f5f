"""The register of exception reports: sortable, paginated and exportable (CSV/XLSX)."""

import django_tables2 as tables

from assure.core.navigation import partnership_url
from assure.partnerships.tables import LINK, NUMERIC, PartnershipTable

from .models import ExceptionReport


def _report_url(record: ExceptionReport, table) -> str:
    return partnership_url("performance:exception_detail", table.partnership, pk=record.pk)


class ExceptionReportTable(PartnershipTable):
    caption = "Exception reports"
    period = tables.Column(
        verbose_name="Period", linkify=_report_url, attrs=LINK, order_by=("period__start", "period__kind")
    )
    meeting = tables.Column(
        verbose_name="Board meeting", default="Not for a particular meeting", order_by="meeting__held_on"
    )
    item_count = tables.Column(verbose_name="Indicators needing attention", attrs=NUMERIC)
    created_by = tables.Column(verbose_name="Made by", accessor="created_by__full_name", default="")
    created_at = tables.DateColumn(verbose_name="Made on", format="j F Y")

    class Meta:
        model = ExceptionReport
        fields = ()
        sequence = ("period", "meeting", "item_count", "created_by", "created_at")
        order_by = ("-created_at",)
        empty_text = "No exception reports have been made yet."
