"""The landing pages of the navigation's groups, under /p/<partnership>/<group>/: one for each
group that has a landing page and holds a part (see menu.py)."""

from django.urls import path

from . import menu, views

app_name = menu.LANDING_NAMESPACE
urlpatterns = [
    path(f"{group.key}/", views.group_page, {"group": group.key}, name=group.key) for group in menu.landing_groups()
]
