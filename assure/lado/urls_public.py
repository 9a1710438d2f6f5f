"""The public pages of allegations management, without signing in: an employer's referral form
(confirmed by e-mail) with the page where the referrer follows its status, and the page where the
employer's case manager answers an update the designated officer asked for by a link."""

from django.urls import include, path

app_name = "allegations"

urlpatterns = [
    path("", include("assure.lado.urls_public_refer")),
    path("update/", include("assure.lado.urls_public_update")),
]
