"""The business plan's pages, under ``/p/<partnership>/plan/``."""

from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.home, name="home"),
    path("new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/change/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/priorities/add/", views.priority_create, name="priority_create"),
    path("priorities/<int:pk>/", views.priority_detail, name="priority_detail"),
    path("priorities/<int:pk>/change/", views.priority_edit, name="priority_edit"),
    path("priorities/<int:pk>/delete/", views.priority_delete, name="priority_delete"),
    path("priorities/<int:pk>/objectives/add/", views.objective_create, name="objective_create"),
    path("priorities/<int:pk>/reviews/<str:year>/", views.review, name="review"),
    path("priorities/<int:pk>/reviews/<str:year>/change/", views.review_edit, name="review_edit"),
    path("objectives/<int:pk>/", views.objective_detail, name="objective_detail"),
    path("objectives/<int:pk>/change/", views.objective_edit, name="objective_edit"),
    path("objectives/<int:pk>/delete/", views.objective_delete, name="objective_delete"),
    path("objectives/<int:pk>/actions/add/", views.objective_action_create, name="objective_action_create"),
    path("reviews/<int:pk>/evidence/add/", views.evidence_add, name="evidence_add"),
    path("evidence/<int:pk>/remove/", views.evidence_remove, name="evidence_remove"),
]
