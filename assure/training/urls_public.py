"""The public pages of multi-agency training, without signing in: the partnership's course
calendar and each session's page (no personal data), a practitioner's sign-up and the link that
verifies their work e-mail, and the page where a manager approves a booking by a link."""

from django.urls import include, path

app_name = "courses"

urlpatterns = [
    path("", include("assure.training.urls_public_calendar")),
    path("approve/", include("assure.training.urls_public_approval")),
]
