"""The reports of the demo region: Shropshire's annual report for 2014-15 and a board pack."""

from .load import ReportsDemo, ReportsDemoFailed, reports_demo_load

__all__ = ["ReportsDemo", "ReportsDemoFailed", "reports_demo_load"]
