from django.urls import include, path

app_name = "registers"

urlpatterns = [
    path("", include("assure.registers.urls_entries")),
    path("", include("assure.registers.urls_uploads")),
    path("", include("assure.registers.urls_providers")),
    path("", include("assure.registers.urls_figures")),
    path("", include("assure.registers.urls_retention")),
]
