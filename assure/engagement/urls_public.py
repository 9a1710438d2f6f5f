"""The public, anonymous pages of a partnership's surveys: answering one on its link, without
signing in, and the thanks."""

from django.urls import path

from .views import public

app_name = "survey"

urlpatterns: list = [
    path("<str:token>/", public.answer, name="answer"),
    path("<str:token>/thanks/", public.thanks, name="thanks"),
]
