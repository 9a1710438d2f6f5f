"""The page where an employer's case manager answers an update asked by the designated officer,
by the link in their e-mail (mounted under ``update/``)."""

from django.urls import path

from .views import public_update

urlpatterns: list = [
    path("<str:token>/", public_update.update, name="update"),
]
