"""Pages of the core dataset, under /p/<partnership>/performance/: one URL module per part."""

from . import urls_api, urls_catalogue, urls_imports, urls_returns, urls_scorecard

app_name = "performance"
urlpatterns = [
    *urls_catalogue.urlpatterns,
    *urls_returns.urlpatterns,
    *urls_scorecard.urlpatterns,
    *urls_imports.urlpatterns,
    *urls_api.urlpatterns,
]
