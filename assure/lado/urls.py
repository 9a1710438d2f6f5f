from django.urls import include, path

app_name = "lado"

urlpatterns = [
    path("referrals/", include("assure.lado.urls_referrals")),
    path("referrals/", include("assure.lado.urls_handling")),
    path("people/", include("assure.lado.urls_people")),
    path("", include("assure.lado.urls_figures")),
]
