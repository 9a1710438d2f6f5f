"""The read-only API and the page where a person manages their API token."""

from django.urls import path

from .api import views as api
from .views import tokens

urlpatterns = [
    path("api/", api.docs, name="api_docs"),
    path("api/schema/", api.schema, name="api_schema"),
    path("api/observations/", api.observations, name="api_observations"),
    path("api/scorecard/", api.scorecard_api, name="api_scorecard"),
    path("api/token/", tokens.api_token, name="api_token"),
    path("api/token/revoke/", tokens.api_token_revoke_view, name="api_token_revoke"),
]
