"""URLs of serious incidents and rapid reviews (included by urls.py under ``incidents/`` in the
app's namespace)."""

from django.urls import path

from .views import incidents

urlpatterns: list = [
    path("", incidents.register, name="incidents"),
    path("record/", incidents.create, name="incident_create"),
    path("<int:pk>/", incidents.detail, name="incident_detail"),
    path("<int:pk>/change/", incidents.edit, name="incident_edit"),
    path("<int:pk>/notify/", incidents.notify, name="incident_notify"),
    path("<int:pk>/rapid-review/", incidents.rapid_review, name="incident_rapid_review"),
    path("<int:pk>/panel-response/", incidents.panel_response, name="incident_panel_response"),
    path("<int:pk>/close/", incidents.close, name="incident_close"),
]
