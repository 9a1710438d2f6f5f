"""The indicator catalogue and the scorecard set-up (the scorecard lines under the business plan's priorities)."""

from django.urls import path

from .views import catalogue, setup

urlpatterns: list = [
    path("indicators/", catalogue.catalogue, name="catalogue"),
    path("setup/", setup.setup, name="setup"),
    path("setup/lines/add/", setup.line_create, name="line_create"),
    path("setup/lines/<int:pk>/change/", setup.line_edit, name="line_edit"),
    path("setup/lines/<int:pk>/delete/", setup.line_delete, name="line_delete"),
]
