"""URLs of reports: the preview, the documents generated from a report, downloading them."""

from django.urls import path

from .views import outputs

urlpatterns: list = [
    path("<int:pk>/preview/", outputs.preview, name="preview"),
    path("<int:pk>/documents/", outputs.outputs, name="outputs"),
    path("<int:pk>/documents/new/", outputs.rendering_request_view, name="rendering_request"),
    path("documents/<int:pk>/", outputs.rendering_detail, name="rendering"),
    path("documents/<int:pk>/download/", outputs.rendering_download, name="rendering_download"),
]
