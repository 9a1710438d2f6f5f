from django.urls import include, path

app_name = "audits"

urlpatterns = [
    path("", include("assure.audits.urls_programme")),
    path("", include("assure.audits.urls_cases")),
    path("", include("assure.audits.urls_findings")),
    path("conferences/", include("assure.audits.urls_conferences")),
]
