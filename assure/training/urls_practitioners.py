"""practitioners: a practitioner's own training page and details, and the business unit's
register of practitioners with the placing of their organisations."""

from django.urls import path

from .views import practitioners

urlpatterns: list = [
    path("mine/", practitioners.mine, name="mine"),
    path("mine/details/", practitioners.profile, name="profile"),
    path("practitioners/", practitioners.practitioners, name="practitioners"),
    path("practitioners/<int:pk>/place/", practitioners.practitioner_place_view, name="practitioner_place"),
]
