"""public_approval: the page where a practitioner's manager approves their booking, by the link
in their e-mail (mounted under ``approve/``)."""

from django.urls import path

from .views import approval

urlpatterns: list = [
    path("<str:token>/", approval.approve, name="approve"),
]
