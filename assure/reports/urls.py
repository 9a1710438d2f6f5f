"""Pages of reports, under /p/<partnership>/reports/: one URL module per part."""

from . import urls_outputs, urls_reports

app_name = "reports"
urlpatterns = [
    *urls_reports.urlpatterns,
    *urls_outputs.urlpatterns,
]
