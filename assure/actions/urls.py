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
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/cancellation/propose/", views.cancellation_propose, name="cancellation_propose"),
    path("<int:pk>/cancellation/decide/", views.cancellation_decide, name="cancellation_decide"),
    path("<int:pk>/remind/", views.remind, name="remind"),
]
