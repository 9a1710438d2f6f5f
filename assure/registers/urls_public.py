"""The public pages of private providers: signing up with a work e-mail and the link that
confirms it."""

from django.urls import path

from .views import public

app_name = "providers"

urlpatterns: list = [
    path("join/", public.signup, name="signup"),
    path("join/sent/", public.signup_sent, name="signup_sent"),
    path("verify/<str:token>/", public.verify, name="verify"),
]
