"""URLs of pausing and resuming a child death review (included by urls.py under ``deaths/``)."""

from django.urls import path

from .views import clocks

urlpatterns: list = [
    path("<int:pk>/pause/", clocks.pause, name="death_pause"),
    path("<int:pk>/resume/", clocks.resume, name="death_resume"),
]
