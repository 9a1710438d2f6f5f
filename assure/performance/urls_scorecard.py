"""The scorecard, each indicator's page, exception reports and the child's journey."""

from django.urls import path

from .views import exceptions, indicator, journey, scorecard

urlpatterns: list = [
    path("scorecard/", scorecard.scorecard_view, name="scorecard"),
    path("indicators/<str:code>/", indicator.indicator_view, name="indicator"),
    path("exceptions/", exceptions.exceptions_view, name="exceptions"),
    path("exceptions/new/", exceptions.exception_create, name="exception_create"),
    path("exceptions/<int:pk>/", exceptions.exception_detail, name="exception_detail"),
    path("exceptions/items/<int:pk>/commentary/", exceptions.exception_comment, name="exception_comment"),
    path("exceptions/items/<int:pk>/action/", exceptions.exception_action, name="exception_action"),
    path("journey/", journey.journey_view, name="journey"),
]
