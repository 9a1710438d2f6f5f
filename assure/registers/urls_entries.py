"""URLs of entries (included by urls.py in the app's namespace, after the other parts': a
register's own pages start with its kind's code)."""

from django.urls import path

from .views import entries

urlpatterns: list = [
    path("", entries.registers_home, name="index"),
    path("entries/<int:pk>/", entries.entry_detail, name="entry_detail"),
    path("entries/<int:pk>/edit/", entries.entry_edit, name="entry_edit"),
    path("entries/<int:pk>/delete/", entries.entry_delete_view, name="entry_delete"),
    path("entries/<int:pk>/answers/", entries.entry_answers, name="entry_answers"),
    path("<slug:kind>/", entries.entry_list, name="entries"),
    path("<slug:kind>/new/", entries.entry_create, name="entry_create"),
]
