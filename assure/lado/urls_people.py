"""URLs of the people allegations are about: the possible repeat referrals to check, a person's
page and its steps, and the person a referral is about (included by urls.py under ``people/`` in
the app's namespace)."""

from django.urls import path

from .views import people

urlpatterns: list = [
    path("matches/", people.matches, name="matches"),
    path("<int:pk>/", people.detail, name="person_detail"),
    path("<int:pk>/change/", people.edit, name="person_edit"),
    path("<int:pk>/matches/<int:other>/", people.decide, name="match_decide"),
    path("referral/<int:referral>/", people.set_for_referral, name="person_set"),
]
