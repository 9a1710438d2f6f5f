"""URLs of child death overview panels (included by urls.py under ``panels/``)."""

from django.urls import path

from .views import panels

urlpatterns: list = [
    path("", panels.panel_list, name="panels"),
    path("set-up/", panels.create, name="panel_create"),
    path("<int:pk>/", panels.detail, name="panel_detail"),
    path("<int:pk>/invite/", panels.invite, name="panel_invite"),
    path("invitations/<int:pk>/", panels.join, name="panel_join"),
]
