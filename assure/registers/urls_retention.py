"""URLs of retention (included by urls.py in the app's namespace)."""

from django.urls import path

from .views import retention

urlpatterns: list = [
    path("retention/", retention.retention, name="retention"),
]
