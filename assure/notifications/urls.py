"""A person's own e-mail settings, outside every partnership (beside the account pages)."""

from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.preferences, name="preferences"),
]
