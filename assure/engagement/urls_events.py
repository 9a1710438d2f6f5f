"""URLs of events (included by urls.py in the app's namespace)."""

from django.urls import path

from .views import events

urlpatterns: list = [
    path("events/", events.event_list, name="events"),
    path("events/new/", events.event_create_view, name="event_create"),
    path("events/<int:pk>/", events.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", events.event_edit, name="event_edit"),
    path("events/<int:pk>/delete/", events.event_delete_view, name="event_delete"),
]
