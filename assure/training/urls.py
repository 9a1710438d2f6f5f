from django.urls import include, path

app_name = "training"

urlpatterns = [
    path("", include("assure.training.urls_practitioners")),
    path("", include("assure.training.urls_catalogue")),
    path("", include("assure.training.urls_bookings")),
    path("", include("assure.training.urls_attendance")),
    path("", include("assure.training.urls_evaluations")),
    path("", include("assure.training.urls_returns")),
    path("", include("assure.training.urls_figures")),
]
