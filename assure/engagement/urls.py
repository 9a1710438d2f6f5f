from django.urls import include, path

app_name = "engagement"

urlpatterns = [
    path("", include("assure.engagement.urls_campaigns")),
    path("", include("assure.engagement.urls_surveys")),
    path("", include("assure.engagement.urls_voices")),
    path("", include("assure.engagement.urls_events")),
]
