"""Agency data returns: rounds, who is asked for what, entering figures, the pipeline."""

from django.urls import path

from .views import assignment, reminders
from .views import returns as views

urlpatterns = [
    path("returns/", views.returns, name="returns"),
    path("returns/rounds/new/", views.round_create, name="round_create"),
    path("returns/rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("returns/rounds/<int:pk>/assign/", views.round_assign, name="round_assign"),
    path("returns/rounds/<int:pk>/assign/bulk/", assignment.round_assign_bulk, name="round_assign_bulk"),
    path("returns/<int:pk>/", views.return_detail, name="return_detail"),
    path("returns/<int:pk>/figures/", views.return_edit, name="return_edit"),
    path("returns/<int:pk>/template.xlsx", views.return_template, name="return_template"),
    path("returns/<int:pk>/upload/", views.return_upload_view, name="return_upload"),
    path("returns/<int:pk>/submit/", views.return_submit_view, name="return_submit"),
    path("returns/<int:pk>/validate/", views.return_validate_view, name="return_validate"),
    path("returns/<int:pk>/send-back/", views.return_send_back_view, name="return_send_back"),
    path("returns/<int:pk>/remind/", reminders.return_remind_view, name="return_remind"),
]
