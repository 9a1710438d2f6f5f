from django.urls import include, path

app_name = "reviews"

urlpatterns = [
    path("referrals/", include("assure.reviews.urls_referrals")),
    path("incidents/", include("assure.reviews.urls_incidents")),
    path("case-reviews/", include("assure.reviews.urls_reviews")),
    path("case-reviews/", include("assure.reviews.urls_recommendations")),
    path("briefings/", include("assure.reviews.urls_briefings")),
]
