"""Pages of Section 11 self-assessment, under /p/<partnership>/section11/: one URL module per part."""

from . import urls_analysis, urls_cycles, urls_frameworks, urls_returns

app_name = "section11"
urlpatterns = [
    *urls_cycles.urlpatterns,
    *urls_returns.urlpatterns,
    *urls_frameworks.urlpatterns,
    *urls_analysis.urlpatterns,
]
