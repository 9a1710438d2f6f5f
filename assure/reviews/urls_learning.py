"""The partnership's public learning page: published learning briefings, without signing in."""

from django.urls import path

from .feeds import briefing_feed
from .views import learning

app_name = "learning"

urlpatterns = [
    path("", learning.index, name="index"),
    path("feed/", briefing_feed, name="feed"),
    path("<slug:slug>/", learning.briefing, name="briefing"),
]
