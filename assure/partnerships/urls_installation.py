"""The installation's partnerships, under /installation/partnerships/: pages of the whole
installation rather than of a partnership, for its operator."""

from django.urls import path

from .views import installation

app_name = "installation_partnerships"
urlpatterns = [
    path("", installation.partnership_list, name="list"),
    path("new/", installation.partnership_create, name="create"),
    path("<slug:slug>/invite/", installation.business_unit_invite, name="invite"),
]
