from django.urls import include, path

app_name = "cdop"

urlpatterns = [
    path("panels/", include("assure.cdop.urls_panels")),
    path("deaths/", include("assure.cdop.urls_deaths")),
    path("deaths/", include("assure.cdop.urls_analysis")),
    path("deaths/", include("assure.cdop.urls_clocks")),
    path("reports/", include("assure.cdop.urls_reports")),
    path("", include("assure.cdop.urls_figures")),
    path("exchanges/", include("assure.cdop.urls_exchanges")),
]
