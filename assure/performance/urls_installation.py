"""Importing published statistics, under /installation/statistics/: pages of the whole
installation rather than of a partnership, for its operator."""

from django.urls import path

from .views import imports

app_name = "statistics"
urlpatterns = [
    path("", imports.statistics_list, name="list"),
    path("new/", imports.statistics_create, name="create"),
    path("jobs/<int:pk>/", imports.statistics_job, name="job"),
]
