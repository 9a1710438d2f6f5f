"""Agency reports on a child's death: an agency lead's reports and their answer page, and the
manager's requests, reminders and withdrawals, and reading a report."""

from django.urls import path

from .views import reports as views

urlpatterns = [
    path("", views.reports_mine_view, name="reports_mine"),
    path("death/<int:pk>/request/", views.report_request_view, name="report_request"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/answer/", views.report_answer, name="report_answer"),
    path("<int:pk>/remind/", views.report_remind_view, name="report_remind"),
    path("<int:pk>/withdraw/", views.report_withdraw_view, name="report_withdraw"),
]
