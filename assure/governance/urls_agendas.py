"""URLs of governance's agendas (included by urls.py under the app's namespace)."""

from django.urls import path

from .views import agendas as views

urlpatterns = [
    path("<int:meeting>/agenda/", views.agenda, name="agenda"),
    path("<int:meeting>/agenda/add/", views.agenda_item_add, name="agenda_item_add"),
    path("<int:meeting>/agenda/publish/", views.agenda_publish, name="agenda_publish"),
    path("<int:meeting>/minutes/", views.minutes, name="minutes"),
    path("<int:meeting>/minutes/approve/", views.minutes_approve, name="minutes_approve"),
    path("agenda-items/<int:pk>/edit/", views.agenda_item_edit, name="agenda_item_edit"),
    path("agenda-items/<int:pk>/move/", views.agenda_item_move, name="agenda_item_move"),
    path("agenda-items/<int:pk>/remove/", views.agenda_item_remove, name="agenda_item_remove"),
    path("agenda-items/<int:pk>/paper/", views.agenda_paper, name="agenda_paper"),
    path("agenda-items/<int:pk>/minutes/", views.agenda_item_minutes, name="agenda_item_minutes"),
    path("agenda-items/<int:pk>/action/", views.agenda_item_action, name="agenda_item_action"),
]
