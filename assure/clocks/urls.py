"""The statutory clocks page, at /p/<partnership>/clocks/."""

from django.urls import path

from . import views

app_name = "clocks"

urlpatterns: list = [
    path("", views.open_clocks, name="open"),
]
