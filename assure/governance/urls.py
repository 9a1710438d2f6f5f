from django.urls import include, path

app_name = "governance"

urlpatterns = [
    path("challenges/", include("assure.governance.urls_challenges")),
    path("risks/", include("assure.governance.urls_risks")),
    path("meetings/", include("assure.governance.urls_agendas")),
]
