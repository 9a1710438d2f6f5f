from django.urls import include, path

app_name = "registers"

urlpatterns = [
    path("", include("assure.registers.urls_uploads")),
    path("", include("assure.registers.urls_providers")),
    path("", include("assure.registers.urls_figures")),
    path("", include("assure.registers.urls_retention")),
    # Last: a register's own pages start with its kind's code (``<slug:kind>/``), which would
    # otherwise take the other parts' addresses (``uploads/``, ``providers/``) for a kind's.
    path("", include("assure.registers.urls_entries")),
]
