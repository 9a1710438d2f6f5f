"""URLs of exchanges of cases with another panel (included by urls.py under ``exchanges/``)."""

from django.urls import path

from .views import exchanges

urlpatterns: list = [
    path("", exchanges.exchange_list, name="exchanges"),
    path("new/", exchanges.create, name="exchange_create"),
    path("<int:pk>/", exchanges.detail, name="exchange_detail"),
    path("<int:pk>/download/", exchanges.download, name="exchange_download"),
    path("<int:pk>/scoring/", exchanges.import_scoring, name="exchange_import"),
]
