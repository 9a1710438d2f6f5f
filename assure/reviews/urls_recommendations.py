"""URLs of reviews' findings, recommendations and action plans (included by urls.py under the
app's namespace, beside the reviews' own pages)."""

from django.urls import path

from .views import recommendations as views

urlpatterns: list = [
    path("<int:pk>/findings/", views.review_findings_view, name="review_findings"),
    path("<int:review>/findings/add/", views.finding_add, name="finding_add"),
    path("findings/<int:pk>/edit/", views.finding_edit, name="finding_edit"),
    path("findings/<int:pk>/delete/", views.finding_delete, name="finding_delete"),
    path("<int:review>/recommendations/add/", views.recommendation_add, name="recommendation_add"),
    path("recommendations/<int:pk>/edit/", views.recommendation_edit, name="recommendation_edit"),
    path("recommendations/<int:pk>/delete/", views.recommendation_delete_view, name="recommendation_delete"),
    path("recommendations/<int:pk>/action/", views.recommendation_action, name="recommendation_action"),
    path("action-plans/", views.action_plans, name="action_plans"),
    path("<int:pk>/action-plan/", views.action_plan_view, name="action_plan"),
    path("<int:pk>/action-plan/progress/", views.progress_add, name="progress_add"),
]
