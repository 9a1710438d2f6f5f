"""URLs of the quality assurance of child protection conferences (included by urls.py under
``conferences/`` in the app's namespace)."""

from django.urls import path

from .views import conferences

urlpatterns: list = [
    path("", conferences.register, name="conferences"),
    path("recorded/", conferences.recorded, name="conferences_recorded"),
    path("record/", conferences.create, name="conference_record"),
    path("year/", conferences.year, name="conference_year"),
    path("<int:pk>/", conferences.detail, name="conference_detail"),
    path("<int:pk>/checklist/", conferences.checklist, name="conference_checklist"),
]
