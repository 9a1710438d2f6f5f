from django.urls import path

from . import views

app_name = "actions"
urlpatterns = [
    path("", views.tracker, name="tracker"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/updates/new/", views.update_add, name="update_add"),
]
