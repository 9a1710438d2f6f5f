"""URLs of child deaths: the register, notifications (the manager's and an agency's), the death's
page and its steps (included by urls.py under ``deaths/`` in the app's namespace)."""

from django.urls import path

from .views import deaths, notify

urlpatterns: list = [
    path("", deaths.register, name="deaths"),
    path("record/", deaths.create, name="death_create"),
    path("notify/", notify.notify, name="notify"),
    path("notify/sent/", notify.sent, name="notify_sent"),
    path("<int:pk>/", deaths.detail, name="death_detail"),
    path("<int:pk>/change/", deaths.edit, name="death_edit"),
    path("<int:pk>/confirm/", deaths.confirm, name="death_confirm"),
    path("<int:pk>/duplicate/", deaths.duplicate, name="death_duplicate"),
    path("<int:pk>/pass-on/", deaths.pass_on, name="death_pass_on"),
]
