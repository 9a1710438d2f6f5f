"""URLs of Section 11: cycles (the landing page of Section 11 is the list of cycles)."""

from django.urls import path

from .views import cycles as views

urlpatterns = [
    path("", views.cycles, name="cycles"),
    path("cycles/new/", views.cycle_create, name="cycle_create"),
    path("cycles/<int:pk>/", views.cycle_detail, name="cycle_detail"),
    path("cycles/<int:pk>/edit/", views.cycle_edit, name="cycle_edit"),
    path("cycles/<int:pk>/close/", views.cycle_close_view, name="cycle_close"),
]
