"""Imports of published statistics (business unit)."""

from django.urls import path

from .views import imports

urlpatterns: list = [
    path("imports/", imports.imports, name="imports"),
    path("imports/new/", imports.import_create, name="import_create"),
    path("imports/jobs/<int:pk>/", imports.import_job, name="import_job"),
]
