"""Pages of one partnership, under /p/<partnership>/."""

from django.urls import path

from .views import agencies, budget, meetings, overview, reports, subgroups

app_name = "partnerships"
urlpatterns = [
    path("", overview.home, name="home"),
    path("agencies/", agencies.agencies, name="agencies"),
    path("agencies/add/", agencies.agency_create, name="agency_create"),
    path("agencies/<int:pk>/", agencies.agency_detail, name="agency_detail"),
    path("agencies/<int:pk>/edit/", agencies.agency_edit, name="agency_edit"),
    path("agencies/<int:pk>/remove/", agencies.agency_remove, name="agency_remove"),
    path("subgroups/", subgroups.subgroups, name="subgroups"),
    path("subgroups/add/", subgroups.subgroup_create, name="subgroup_create"),
    path("subgroups/<int:pk>/", subgroups.subgroup_detail, name="subgroup_detail"),
    path("subgroups/<int:pk>/edit/", subgroups.subgroup_edit, name="subgroup_edit"),
    path("meetings/", meetings.meetings, name="meetings"),
    path("meetings/add/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/attendance/", meetings.meeting_attendance, name="meeting_attendance"),
    path(
        "meetings/<int:pk>/confidential/add/",
        meetings.confidential_minute_create,
        name="confidential_minute_create",
    ),
    path("meetings/confidential/<int:pk>/", meetings.confidential_minute_detail, name="confidential_minute_detail"),
    path("attendance/", reports.attendance_report, name="attendance_report"),
    path("budget/", budget.budget, name="budget"),
    path("budget/contributions/add/", budget.contribution_create, name="contribution_create"),
    path("budget/contributions/<int:pk>/edit/", budget.contribution_edit, name="contribution_edit"),
    path("budget/contributions/<int:pk>/delete/", budget.contribution_delete, name="contribution_delete"),
    path("budget/expenditure/add/", budget.expenditure_create, name="expenditure_create"),
    path("budget/expenditure/<int:pk>/edit/", budget.expenditure_edit, name="expenditure_edit"),
    path("budget/expenditure/<int:pk>/delete/", budget.expenditure_delete, name="expenditure_delete"),
]
