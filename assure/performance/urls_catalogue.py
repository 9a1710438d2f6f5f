"""The indicator catalogue and the scorecard set-up (priorities and scorecard lines)."""

from django.urls import path

from .views import catalogue, setup

urlpatterns: list = [
    path("indicators/", catalogue.catalogue, name="catalogue"),
    path("setup/", setup.setup, name="setup"),
    path("setup/priorities/add/", setup.priority_create, name="priority_create"),
    path("setup/priorities/<int:pk>/change/", setup.priority_edit, name="priority_edit"),
    path("setup/priorities/<int:pk>/delete/", setup.priority_delete, name="priority_delete"),
    path("setup/lines/add/", setup.line_create, name="line_create"),
    path("setup/lines/<int:pk>/change/", setup.line_edit, name="line_edit"),
    path("setup/lines/<int:pk>/delete/", setup.line_delete, name="line_delete"),
]
