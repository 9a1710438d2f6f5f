from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.trail, name="trail"),
    path("events/", views.events, name="events"),
    path("restricted-reads/", views.access_log, name="access_log"),
]
