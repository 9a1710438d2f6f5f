"""public_calendar: the partnership's course calendar and each session's page, a practitioner's
sign-up and the link verifying their work e-mail (at the root of the ``courses`` namespace)."""

from django.urls import path

from .views import calendar

urlpatterns: list = [
    path("", calendar.calendar, name="calendar"),
    path("sessions/<str:reference>/", calendar.session, name="session"),
    path("join/", calendar.signup, name="signup"),
    path("join/sent/", calendar.signup_sent, name="signup_sent"),
    path("verify/<str:token>/", calendar.verify, name="verify"),
]
