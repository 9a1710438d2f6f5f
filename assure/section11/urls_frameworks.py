"""URLs of Section 11: the frameworks of the library."""

from django.urls import path

from .views import frameworks

urlpatterns: list = [
    path("frameworks/", frameworks.frameworks, name="frameworks"),
    path("frameworks/check/", frameworks.framework_check, name="framework_check"),
    path("frameworks/<int:pk>/", frameworks.framework_detail, name="framework_detail"),
]
