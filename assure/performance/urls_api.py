"""The read-only API. The page where a person manages their API token is the accounts app's."""

from django.urls import path

from .api import views as api

urlpatterns = [
    path("api/", api.docs, name="api_docs"),
    path("api/schema/", api.schema, name="api_schema"),
    path("api/observations/", api.observations, name="api_observations"),
    path("api/scorecard/", api.scorecard_api, name="api_scorecard"),
]
