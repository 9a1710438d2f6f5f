"""The published statistics, as a partnership's business unit sees them (read only: the
installation's operator imports them, see urls_installation), and the imports of the
partnership's own figures."""

from django.urls import path

from .views import imports

urlpatterns: list = [
    path("imports/", imports.imports, name="imports"),
    path("imports/local/new/", imports.local_import_create_page, name="local_import_create"),
    path("imports/local/<int:pk>/", imports.local_import_job, name="local_import_job"),
]
