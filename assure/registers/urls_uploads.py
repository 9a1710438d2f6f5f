"""URLs of uploads (included by urls.py in the app's namespace): the register of uploads, one
upload and its deletion, and a register's template and upload page."""

from django.urls import path

from .views import uploads

urlpatterns: list = [
    path("uploads/", uploads.uploads, name="uploads"),
    path("uploads/<int:pk>/", uploads.upload_detail, name="upload_detail"),
    path("uploads/<int:pk>/delete/", uploads.upload_delete_view, name="upload_delete"),
    path("<slug:kind>/upload/", uploads.upload, name="upload"),
    path("<slug:kind>/upload/template.<str:fmt>", uploads.upload_template, name="upload_template"),
]
